package org.web3torrent.torrent.internal.engine;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * A benchmark, not a test: one seeder and one leecher of ours in one JVM on loopback.
 * {@code java ... ThroughputBenchmark [MiB] [pieceKiB] [runs]} prints {@code us->us: N MB/s} (median) and the CPU
 * time both engines used per GiB ({@code us->us.cpu}), which a busy machine does not distort.
 */
public final class ThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 256;
        int pieceKib = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("w3t-bench");
        try {
            Path content = Swarms.randomFile(dir.resolve("seed/data.bin"), mib << 20, 1);
            Metainfo m = Swarms.torrentOf(content, pieceKib * 1024);
            double[] rates = new double[runs];
            double[] cpu = new double[runs];
            double[] engineCpu = new double[runs];
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests())) {
                Torrent seeding = seeder.add(m, dir.resolve("seed"), TorrentOptions.DEFAULT);
                seeding.completion().toCompletableFuture().get();
                for (int r = 0; r < runs; r++) {
                    Path out = dir.resolve("leech" + r);
                    try (BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
                        long start = System.nanoTime();
                        long cpuStart = os.getProcessCpuTime();
                        long engineStart = engineThreadsCpu();
                        Torrent t = leecher.add(m, out, TorrentOptions.DEFAULT);
                        t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
                        t.completion().toCompletableFuture().get();
                        rates[r] = m.totalLength() / 1e6 / ((System.nanoTime() - start) / 1e9);
                        // CPU seconds (seeder and leecher together) per GiB: a figure the machine's load does not skew
                        cpu[r] = (os.getProcessCpuTime() - cpuStart) / 1e9 / (m.totalLength() / (double) (1L << 30));
                        // the engines' own threads only (network, disk, hash): without the JIT compiler and GC
                        engineCpu[r] = (engineThreadsCpu() - engineStart) / 1e9 / (m.totalLength() / (double) (1L << 30));
                    }
                    System.out.printf(Locale.ROOT, "run %d: %.1f MB/s, %.2f cpu-s/GiB, engine threads %.2f cpu-s/GiB%n",
                            r + 1, rates[r], cpu[r], engineCpu[r]);
                    delete(out);
                }
            }
            java.util.Arrays.sort(rates);
            java.util.Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "us->us: %.1f MB/s%n", rates[runs / 2]);
            System.out.printf(Locale.ROOT, "us->us.cpu: %.2f cpu-s/GiB%n", cpu[runs / 2]);
            java.util.Arrays.sort(engineCpu);
            System.out.printf(Locale.ROOT, "us->us.cpu.engine: %.2f cpu-s/GiB%n", engineCpu[runs / 2]);
        } finally {
            delete(dir);
        }
    }

    /** CPU time of the engines' threads (named w3t-...), the living ones: a closed engine's threads are gone. */
    private static long engineThreadsCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("w3t-")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
