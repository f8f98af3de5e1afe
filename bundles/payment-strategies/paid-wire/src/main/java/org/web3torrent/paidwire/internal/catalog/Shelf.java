package org.web3torrent.paidwire.internal.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.payment.api.InstalledService;

/**
 * The installed services of one kind and the one that is active. Services arrive and leave on the
 * framework's threads while payment sessions read the active one on theirs: the choice is recomputed
 * when the shelf changes and read from a volatile snapshot, because the seller asks for it at every
 * block it serves (a sort per block was a tenth of the network thread in a paid transfer).
 */
final class Shelf<T> {

    private record Entry<T>(Candidate candidate, T service) {
    }

    private final InstalledService.Kind kind;
    private final Map<Long, Entry<T>> entries = new ConcurrentHashMap<>();
    private volatile Optional<String> pinned = Optional.empty();

    /** What the readers see: the active candidate and service, and the preferred service per name. */
    private record Snapshot<T>(Optional<Candidate> candidate, Optional<T> service, Map<String, T> byName) {
    }

    private volatile Snapshot<T> snapshot = new Snapshot<>(Optional.empty(), Optional.empty(), Map.of());

    Shelf(InstalledService.Kind kind) {
        this.kind = kind;
    }

    InstalledService.Kind kind() {
        return kind;
    }

    void add(Candidate candidate, T service) {
        entries.put(candidate.serviceId(), new Entry<>(candidate, service));
        refresh();
    }

    void remove(long serviceId) {
        entries.remove(serviceId);
        refresh();
    }

    /** Recomputes what readers see; changes are rare (a bundle comes or goes, the user pins one). */
    private synchronized void refresh() {
        Optional<Candidate> active = ActiveChoice.choose(entries.values().stream().map(Entry::candidate).toList(),
                pinned);
        Map<String, T> byName = new java.util.HashMap<>();
        entries.values().stream().sorted((a, b) -> ActiveChoice.PRIORITY.compare(b.candidate(), a.candidate()))
                .forEach(e -> byName.put(e.candidate().name(), e.service()));
        snapshot = new Snapshot<>(active, active.map(c -> entries.get(c.serviceId())).map(Entry::service),
                Map.copyOf(byName));
    }

    boolean has(String name) {
        return entries.values().stream().anyMatch(e -> e.candidate().name().equals(name));
    }

    void pin(Optional<String> name) {
        this.pinned = name;
        refresh();
    }

    Optional<String> pinned() {
        return pinned;
    }

    Optional<Candidate> activeCandidate() {
        return snapshot.candidate();
    }

    Optional<T> named(String name) {
        return Optional.ofNullable(snapshot.byName().get(name));
    }

    Optional<T> active() {
        return snapshot.service();
    }

    List<InstalledService> installed() {
        Optional<Candidate> active = activeCandidate();
        return entries.values().stream().map(Entry::candidate).sorted(ActiveChoice.PRIORITY)
                .map(c -> new InstalledService(kind, c.name(), c.description(), c.bundle(), c.ranking(),
                        active.isPresent() && active.get().serviceId() == c.serviceId()))
                .toList();
    }
}
