package org.web3torrent.ui.internal.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

import org.web3torrent.torrent.api.TorrentState;

/** How numbers read in the window: binary sizes, speeds, durations, ether amounts. Pure and locale-stable. */
public final class Format {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final BigDecimal WEI_PER_ETH = new BigDecimal(BigInteger.TEN.pow(18));
    private static final BigDecimal WEI_PER_GWEI = new BigDecimal(BigInteger.TEN.pow(9));

    private Format() {
    }

    /** {@code 0 B}, {@code 999 B}, {@code 1.0 KiB}, {@code 12.3 MiB}: three significant figures past 1 KiB. */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String digits = value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return digits + " " + UNITS[unit];
    }

    /** A rate in bytes per second; blank for zero so that idle rows read quietly. */
    public static String speed(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : size(bytesPerSecond) + "/s";
    }

    /**
     * Seconds left to fetch {@code remaining} bytes at {@code rate}: {@code 45s}, {@code 3m 05s},
     * {@code 2h 07m}, {@code 3d 4h}; {@code ∞} when nothing arrives, blank when nothing is left.
     */
    public static String eta(long remaining, long rate) {
        return duration(etaSeconds(remaining, rate));
    }

    /** Seconds left, 0 when done, -1 when unknown (no data arriving). */
    public static long etaSeconds(long remaining, long rate) {
        if (remaining <= 0) {
            return 0;
        }
        if (rate <= 0) {
            return -1;
        }
        return (remaining + rate - 1) / rate;
    }

    /** A duration in seconds as in {@link #eta}; -1 reads {@code ∞}, 0 reads blank. */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "∞";
        }
        if (seconds == 0) {
            return "";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds > 100L * 86_400) {
            return "∞";
        }
        return String.format(Locale.ROOT, "%dd %dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /**
     * An amount of wei for a person: {@code 0}, {@code 1,234 wei} below a gwei, {@code 12.5 gwei} below a
     * micro-ether, else ether with up to six decimals ({@code 0.000125 ETH}, {@code 100 ETH}); null (not
     * known) reads blank.
     */
    public static String wei(BigInteger wei) {
        if (wei == null) {
            return "";
        }
        if (wei.signum() == 0) {
            return "0";
        }
        BigInteger abs = wei.abs();
        String sign = wei.signum() < 0 ? "-" : "";
        if (abs.compareTo(BigInteger.TEN.pow(9)) < 0) {
            return String.format(Locale.ROOT, "%s%,d wei", sign, abs);
        }
        if (abs.compareTo(BigInteger.TEN.pow(12)) < 0) {
            return sign + strip(new BigDecimal(abs).divide(WEI_PER_GWEI, 3, RoundingMode.HALF_UP)) + " gwei";
        }
        return sign + strip(new BigDecimal(abs).divide(WEI_PER_ETH, 6, RoundingMode.HALF_UP)) + " ETH";
    }

    /** Parses an amount a person typed: {@code 0.5 ETH}, {@code 0.5} (ether), {@code 20 gwei}, {@code 1000 wei}. */
    public static BigInteger parseWei(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(",", "").replace("_", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter an amount, for example 0.01 ETH or 20 gwei.");
        }
        BigDecimal scale = WEI_PER_ETH;
        if (t.endsWith("gwei")) {
            scale = WEI_PER_GWEI;
            t = t.substring(0, t.length() - 4);
        } else if (t.endsWith("wei")) {
            scale = BigDecimal.ONE;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("eth")) {
            t = t.substring(0, t.length() - 3);
        }
        try {
            BigDecimal value = new BigDecimal(t.trim()).multiply(scale);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("An amount cannot be negative: " + text.trim());
            }
            return value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text.trim()
                    + "\" is not an amount. Write it as 0.01 ETH, 20 gwei or 1000 wei.", e);
        }
    }

    /** Uploaded over downloaded; infinite when only uploading, 0 when nothing moved. */
    public static double ratio(long uploaded, long downloaded) {
        if (downloaded <= 0) {
            return uploaded > 0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        return (double) uploaded / downloaded;
    }

    /** A share ratio with two decimals, {@code ∞} when only uploading. */
    public static String ratio(double ratio) {
        return Double.isInfinite(ratio) ? "∞" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** {@code 42.5 %}; {@code 100 %} only when complete, never rounded up to it. */
    public static String percent(double fraction) {
        double p = Math.floor(fraction * 1000) / 10;
        return p >= 100 ? "100 %" : String.format(Locale.ROOT, "%.1f %%", p);
    }

    /** A state as a person calls it. */
    /**
     * A torrent's state in words, telling a torrent done with some files skipped ("Completed": it seeds what
     * it has) from a full seed ("Seeding").
     */
    public static String state(org.web3torrent.torrent.api.TorrentStatus status) {
        if ((status.state() == TorrentState.SEEDING || status.state() == TorrentState.FINISHED) && !status.complete()
                && status.pieceCount() > 0) {
            return status.state() == TorrentState.SEEDING ? "Completed" : "Completed (not seeding)";
        }
        return state(status.state());
    }

    public static String state(TorrentState state) {
        return switch (state) {
            case FETCHING_METADATA -> "Fetching metadata";
            case CHECKING -> "Checking";
            case DOWNLOADING -> "Downloading";
            case SEEDING -> "Seeding";
            case FINISHED -> "Finished";
            case PAUSED -> "Paused";
            case ERROR -> "Error";
        };
    }

    /** An address shortened for tables: {@code 0x1234…abcd}. */
    public static String shortAddress(String address) {
        if (address == null) {
            return "";
        }
        return address.length() > 14 ? address.substring(0, 6) + "…" + address.substring(address.length() - 4)
                : address;
    }

    private static String strip(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
