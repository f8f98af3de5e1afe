package org.web3torrent.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeException;

/**
 * Mutated torrents (flipped, inserted, deleted and truncated bytes, seeded so failures reproduce) either
 * parse into a valid torrent or fail with a {@link BencodeException}: never another exception.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void mutatedTorrentsFailOnlyWithBencodeExceptions() throws Exception {
        Files.createDirectories(dir.resolve("d/sub"));
        Files.write(dir.resolve("d/a"), new byte[40_000]);
        Files.write(dir.resolve("d/sub/b"), new byte[1000]);
        byte[] valid = TorrentCreator.from(dir.resolve("d")).pieceLength(16384).tracker("http://t/announce")
                .trackerTier(java.util.List.of("udp://u:1", "udp://v:2")).comment("c").create().toTorrentFile();
        Random random = new Random(42);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] mutant = mutate(valid, random);
            try {
                Metainfo m = Metainfo.parse(mutant);
                // whatever survives is self-consistent
                assertThat(m.pieceCount()).isEqualTo((int) ((m.totalLength() + m.pieceLength() - 1) / m.pieceLength()));
                m.files().forEach(f -> assertThat(f.path()).doesNotContain("..", ".", ""));
                parsed++;
            } catch (BencodeException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            }
        }
        assertThat(rejected).as("most mutants are invalid").isGreaterThan(parsed);
    }

    @Test
    void randomBytesFailOnlyWithBencodeExceptions() {
        Random random = new Random(7);
        BencodeDecoder decoder = new BencodeDecoder(16, 1 << 16);
        byte[] alphabet = "ilde0123456789:-x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 50_000; i++) {
            byte[] input = new byte[random.nextInt(40)];
            for (int k = 0; k < input.length; k++) {
                input[k] = alphabet[random.nextInt(alphabet.length)];
            }
            try {
                byte[] again = decoder.decode(input).encode();
                assertThat(again).as("accepted input is canonical").isEqualTo(input);
            } catch (BencodeException e) {
                assertThat(e.offset()).isBetween(-1L, (long) input.length);
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 1 -> b[random.nextInt(b.length)] = "ilde0123456789:./"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)[random.nextInt(17)];
            case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            default -> {
                int at = random.nextInt(b.length);
                byte[] longer = new byte[b.length + 1];
                System.arraycopy(b, 0, longer, 0, at);
                longer[at] = (byte) "ilde0:".charAt(random.nextInt(6));
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                b = longer;
            }
        }
        return b;
    }
}
