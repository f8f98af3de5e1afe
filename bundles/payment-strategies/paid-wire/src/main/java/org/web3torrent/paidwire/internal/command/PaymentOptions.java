package org.web3torrent.paidwire.internal.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the payment options out of a sub-command's arguments and leaves the rest, in order, for the
 * BitTorrent command underneath. {@code --price 0} and {@code --budget=5} forms both work.
 */
record PaymentOptions(Map<String, String> values, List<String> rest) {

    static PaymentOptions extract(List<String> args, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (names.contains(name)) {
                String value;
                if (eq > 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                values.put(name, value);
            } else {
                rest.add(a);
            }
        }
        return new PaymentOptions(Map.copyOf(values), List.copyOf(rest));
    }

    /** A non-negative amount of wei, or null when the option was not given. */
    BigInteger wei(String name) {
        String v = values.get(name);
        return v == null ? null : wei(name, v);
    }

    /**
     * {@code v} as a non-negative amount of wei.
     *
     * @throws IllegalArgumentException naming {@code name} when it is not one
     */
    static BigInteger wei(String name, String v) {
        try {
            BigInteger w = new BigInteger(v.trim());
            if (w.signum() < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number of wei, not '" + v + "'");
        }
    }

    String text(String name) {
        return values.get(name);
    }
}
