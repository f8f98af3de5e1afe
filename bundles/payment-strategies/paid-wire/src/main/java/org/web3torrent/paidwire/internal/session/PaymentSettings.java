package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices, budgets and limits: the configured defaults (ConfigAdmin PID {@code org.web3torrent.payment})
 * and what a user set for one torrent. Thread-safe.
 *
 * @param pricePerMiB list price asked when seeding, wei per MiB
 * @param creditWindowPieces pieces served ahead of payment, and paid ahead of delivery
 * @param budget what a download may spend unless told otherwise, wei
 * @param maxPricePerMiB the most this node pays; a seller quoting more is refused
 * @param closeGraceMillis how long a counterparty may be gone before its channel is closed
 */
public record PaymentSettings(BigInteger pricePerMiB, int creditWindowPieces, BigInteger budget,
        BigInteger maxPricePerMiB, long closeGraceMillis, Overrides overrides) {

    public static final BigInteger DEFAULT_PRICE_PER_MIB = BigInteger.TEN.pow(12);
    public static final BigInteger DEFAULT_BUDGET = BigInteger.TEN.pow(17);
    public static final BigInteger DEFAULT_MAX_PRICE_PER_MIB = BigInteger.TEN.pow(15);

    public PaymentSettings {
        if (pricePerMiB.signum() < 0 || budget.signum() < 0 || maxPricePerMiB.signum() < 0 || creditWindowPieces < 1
                || closeGraceMillis < 0) {
            throw new IllegalArgumentException("payment settings must not be negative, and the window at least 1");
        }
    }

    public static PaymentSettings defaults() {
        return new PaymentSettings(DEFAULT_PRICE_PER_MIB, 4, DEFAULT_BUDGET, DEFAULT_MAX_PRICE_PER_MIB, 10_000,
                new Overrides());
    }

    public PaymentSettings withPricePerMiB(BigInteger price) {
        return new PaymentSettings(price, creditWindowPieces, budget, maxPricePerMiB, closeGraceMillis, overrides);
    }

    public PaymentSettings withCreditWindow(int pieces) {
        return new PaymentSettings(pricePerMiB, pieces, budget, maxPricePerMiB, closeGraceMillis, overrides);
    }

    public PaymentSettings withCloseGraceMillis(long millis) {
        return new PaymentSettings(pricePerMiB, creditWindowPieces, budget, maxPricePerMiB, millis, overrides);
    }

    public BigInteger seedPrice(String infoHash) {
        return Optional.ofNullable(overrides.seedPrice.get(infoHash))
                .or(() -> Optional.ofNullable(overrides.seedPrice.get(Overrides.ANY))).orElse(pricePerMiB);
    }

    public BigInteger budget(String infoHash) {
        return Optional.ofNullable(overrides.budget.get(infoHash))
                .or(() -> Optional.ofNullable(overrides.budget.get(Overrides.ANY))).orElse(budget);
    }

    public Optional<String> strategy(String infoHash) {
        return Optional.ofNullable(overrides.strategy.get(infoHash))
                .or(() -> Optional.ofNullable(overrides.strategy.get(Overrides.ANY)));
    }

    /** The per-torrent settings, shared by every copy of the settings (they outlive a reconfiguration). */
    public static final class Overrides {
        /** The key of a setting for every torrent of this process (a one-shot command's options). */
        public static final String ANY = "*";

        final Map<String, BigInteger> seedPrice = new ConcurrentHashMap<>();
        final Map<String, BigInteger> budget = new ConcurrentHashMap<>();
        final Map<String, String> strategy = new ConcurrentHashMap<>();

        public void seedPrice(String infoHash, BigInteger weiPerMiB) {
            put(seedPrice, infoHash, weiPerMiB);
        }

        public void budget(String infoHash, BigInteger wei) {
            put(budget, infoHash, wei);
        }

        public void strategy(String infoHash, String name) {
            put(strategy, infoHash, name);
        }

        private static <V> void put(Map<String, V> map, String key, V value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }
    }
}
