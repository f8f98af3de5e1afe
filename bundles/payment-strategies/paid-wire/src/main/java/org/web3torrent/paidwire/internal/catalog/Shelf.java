package org.web3torrent.paidwire.internal.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.payment.api.InstalledService;

/**
 * The installed services of one kind and the one that is active. Services arrive and leave on the
 * framework's threads while payment sessions read the active one on theirs, hence the concurrent map;
 * the choice itself is recomputed on every read, which costs a sort of a handful of entries.
 */
final class Shelf<T> {

    private record Entry<T>(Candidate candidate, T service) {
    }

    private final InstalledService.Kind kind;
    private final Map<Long, Entry<T>> entries = new ConcurrentHashMap<>();
    private volatile Optional<String> pinned = Optional.empty();

    Shelf(InstalledService.Kind kind) {
        this.kind = kind;
    }

    InstalledService.Kind kind() {
        return kind;
    }

    void add(Candidate candidate, T service) {
        entries.put(candidate.serviceId(), new Entry<>(candidate, service));
    }

    void remove(long serviceId) {
        entries.remove(serviceId);
    }

    boolean has(String name) {
        return entries.values().stream().anyMatch(e -> e.candidate().name().equals(name));
    }

    void pin(Optional<String> name) {
        this.pinned = name;
    }

    Optional<String> pinned() {
        return pinned;
    }

    Optional<Candidate> activeCandidate() {
        return ActiveChoice.choose(entries.values().stream().map(Entry::candidate).toList(), pinned);
    }

    Optional<T> named(String name) {
        return entries.values().stream().filter(e -> e.candidate().name().equals(name))
                .sorted((a, b) -> ActiveChoice.PRIORITY.compare(a.candidate(), b.candidate()))
                .map(Entry::service).findFirst();
    }

    Optional<T> active() {
        return activeCandidate().map(c -> entries.get(c.serviceId())).map(Entry::service);
    }

    List<InstalledService> installed() {
        Optional<Candidate> active = activeCandidate();
        return entries.values().stream().map(Entry::candidate).sorted(ActiveChoice.PRIORITY)
                .map(c -> new InstalledService(kind, c.name(), c.description(), c.bundle(), c.ranking(),
                        active.isPresent() && active.get().serviceId() == c.serviceId()))
                .toList();
    }
}
