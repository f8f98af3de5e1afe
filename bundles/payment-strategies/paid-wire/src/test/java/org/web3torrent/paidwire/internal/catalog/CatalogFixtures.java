package org.web3torrent.paidwire.internal.catalog;

import java.util.concurrent.atomic.AtomicLong;

import org.web3torrent.payment.api.InstalledService.Kind;

/** Installs services into a catalog the way the whiteboard does, for tests outside the framework. */
public final class CatalogFixtures {
    private static final AtomicLong SERVICE_IDS = new AtomicLong(1000);

    private CatalogFixtures() {
    }

    public static long install(PaymentCatalogComponent catalog, Kind kind, String name, Object service) {
        long id = SERVICE_IDS.incrementAndGet();
        catalog.add(kind, new Candidate(name, "", "test", 0, id), service);
        return id;
    }
}
