package org.web3torrent.channel.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Hex;

import fr.acinq.secp256k1.Secp256k1CFunctions;

/**
 * secp256k1 signing and key recovery in native code: Bitcoin Core's libsecp256k1, as ACINQ builds it with
 * JNI bindings for Linux, macOS and Windows on x86-64 and (Linux, macOS) ARM64. A payment costs the payer
 * one signature and the payee one recovery; in Java (Bouncy Castle through web3j) a signature took 0.22 ms
 * and a recovery 0.15 ms once compiled, many times that before, and compiling the curve arithmetic kept a
 * compiler thread busy through a fresh process's first paid download. The results are the same, bit for
 * bit: both derive the nonce by RFC 6979 and normalise s to the lower half, so a state signed here verifies
 * anywhere (and on chain).
 *
 * <p>The library ships inside this bundle as a resource per platform; it is copied to a private temporary
 * folder and loaded from there (a library cannot be loaded from inside a jar). A known answer is checked
 * once when it loads: a wrong answer, a platform without a library, a failed load or the system property
 * {@code web3torrent.secp256k1=java} leave {@link #get()} empty, and callers use Bouncy Castle.
 */
public final class NativeSecp256k1 {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSecp256k1.class);
    private static final String RESOURCES = "fr/acinq/secp256k1/jni/native/";
    /** The temporary folders the library is copied into, one per process. */
    private static final String FOLDER_PREFIX = "web3torrent-secp256k1-";

    // A known answer, made with web3j's Sign.signMessage(E, key, false) and Keys.getAddress.
    private static final byte[] KAT_KEY =
            Hex.decode("0xe32b3e264405fac65bbfbe69c6a78979debf71406930b8360192aba13217c85c");
    private static final byte[] KAT_HASH =
            Hex.decode("0xa4375bbf23434b92376219c8da96d9760eb8c2b36f0ae631628dbf2bde4ae434");
    private static final byte[] KAT_SIGNATURE =
            Hex.decode("0x2ce958f51ed8002e49c00b411eba0ed25b759bf23b65c7dee62604652981db26"
                    + "04befce42b62af24b0dcadf8d8b9fff785f5fd463fd55be41c3604b2bec6cb01");
    private static final int KAT_RECOVERY_ID = 0;
    private static final byte[] KAT_ADDRESS = Hex.decode("0x264fd848cd9b046b571b2a7df2619988caba3726");

    private static final Optional<NativeSecp256k1> INSTANCE = load();

    private final long context;

    private NativeSecp256k1(long context) {
        this.context = context;
    }

    /** The native implementation, or empty when it is not available here (see the class comment). */
    public static Optional<NativeSecp256k1> get() {
        return INSTANCE;
    }

    /**
     * The signature of a 32-byte hash with its recovery id, {@code r ++ s ++ v} (65 bytes, low s, v 0 or 1):
     * the RFC 6979 signature web3j makes, bit for bit. The library signs (k by RFC 6979, s normalised to the
     * lower half) but has no recoverable signing, so the recovery id is found from the nonce point
     * {@code R = k·G}, made here in the library with the same k ({@link Rfc6979}): R's parity, flipped when
     * the library negated s, which it did unless {@code s·k = z + r·d}. Every product that involves a
     * secret is taken in the library, in constant time, and no arithmetic on the curve or its scalars is
     * left in Java: finding the id by key recovery was two thirds of a signature's cost, and compiling the
     * Java that did it a fifth of a fresh paying process's compilation.
     *
     * @throws IllegalArgumentException when the library refuses a value (odds of about 2^-128: R's x past
     *         the curve order, a zero sum); the caller signs another way
     */
    public byte[] signRecoverable(byte[] hash32, byte[] secretKey32) {
        byte[] rs;
        try {
            rs = Secp256k1CFunctions.secp256k1_ecdsa_sign(context, hash32, secretKey32);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (rs == null || rs.length != 64) {
            throw new IllegalArgumentException("the native library made no compact signature");
        }
        byte[] k = Rfc6979.nonce(secretKey32, hash32);
        byte[] point = multiplyG(k);
        byte[] r = Arrays.copyOfRange(rs, 0, 32);
        if (!Arrays.equals(r, 0, 32, point, 0, 32)) {
            // R's x past the order, or the library retried its nonce: either way not the k computed here
            throw new IllegalArgumentException("the signature's r is not the x of RFC 6979's nonce point");
        }
        byte[] z = Rfc6979.modN(hash32);
        byte[] sk = multiplyScalars(Arrays.copyOfRange(rs, 32, 64), k);
        byte[] zPlusRd = addScalars(multiplyScalars(secretKey32, r), z);
        int recoveryId = (point[63] & 1) ^ (Arrays.equals(sk, zPlusRd) ? 0 : 1);
        byte[] out = Arrays.copyOf(rs, 65);
        out[64] = (byte) recoveryId;
        return out;
    }

    /** The point {@code k·G} of a secret scalar as 64 bytes {@code x ++ y}, in constant time. */
    private byte[] multiplyG(byte[] k32) {
        byte[] uncompressed;
        try {
            uncompressed = Secp256k1CFunctions.secp256k1_ec_pubkey_create(context, k32);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (uncompressed == null || uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new IllegalArgumentException("the native library made no uncompressed point");
        }
        return Arrays.copyOfRange(uncompressed, 1, 65);
    }

    /** {@code a·b} modulo the curve order, in constant time (the library's secret-key tweak). */
    private byte[] multiplyScalars(byte[] a32, byte[] b32) {
        try {
            return Secp256k1CFunctions.secp256k1_ec_privkey_tweak_mul(context, a32.clone(), b32);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code a + b} modulo the curve order, in constant time. */
    private byte[] addScalars(byte[] a32, byte[] b32) {
        try {
            return Secp256k1CFunctions.secp256k1_ec_privkey_tweak_add(context, a32.clone(), b32);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The 64-byte public key {@code x ++ y} that made a compact signature with recovery id 0 to 3.
     *
     * @throws IllegalArgumentException if no key can be recovered from it
     */
    public byte[] recover(byte[] hash32, byte[] signature64, int recoveryId) {
        byte[] uncompressed;
        try {
            uncompressed = Secp256k1CFunctions.secp256k1_ecdsa_recover(context, signature64, hash32, recoveryId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (uncompressed == null || uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new IllegalArgumentException("the native library recovered no uncompressed key");
        }
        return Arrays.copyOfRange(uncompressed, 1, 65);
    }

    /** The 20-byte Ethereum address of a 64-byte public key {@code x ++ y}. */
    public static byte[] address(byte[] publicKey64) {
        return Arrays.copyOfRange(Hash.sha3(publicKey64), 12, 32);
    }

    private static Optional<NativeSecp256k1> load() {
        if ("java".equals(System.getProperty("web3torrent.secp256k1"))) {
            LOG.info("secp256k1: Bouncy Castle (web3torrent.secp256k1=java)");
            return Optional.empty();
        }
        Optional<String> resource = resource(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (resource.isEmpty()) {
            LOG.info("secp256k1: Bouncy Castle (no native library for {} on {})", System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            return Optional.empty();
        }
        try {
            loadLibrary(resource.get());
            NativeSecp256k1 curve = new NativeSecp256k1(Secp256k1CFunctions.secp256k1_context_create(
                    Secp256k1CFunctions.SECP256K1_CONTEXT_SIGN | Secp256k1CFunctions.SECP256K1_CONTEXT_VERIFY));
            if (!curve.answersKnownAnswer()) {
                LOG.error("secp256k1: the native library {} gave a wrong known answer; using Bouncy Castle",
                        resource.get());
                return Optional.empty();
            }
            LOG.debug("secp256k1: native ({})", resource.get());
            return Optional.of(curve);
        } catch (IOException | LinkageError | RuntimeException e) {
            LOG.warn("secp256k1: the native library {} could not be loaded ({}); using Bouncy Castle", resource.get(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** The library's resource for this platform, as ACINQ lays them out, or empty when none is shipped. */
    static Optional<String> resource(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String platform = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin"
                : os.startsWith("windows") ? "mingw" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (platform == null || arch == null || (platform.equals("mingw") && !arch.equals("x86_64"))) {
            return Optional.empty();
        }
        String file = switch (platform) {
            case "darwin" -> "libsecp256k1-jni.dylib";
            case "mingw" -> "secp256k1-jni.dll";
            default -> "libsecp256k1-jni.so";
        };
        return Optional.of(RESOURCES + platform + "-" + arch + "/" + file);
    }

    /** Copies the library out of this bundle into a folder only this user can read, and loads it. */
    private static void loadLibrary(String resource) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            removeLeftovers();
        }
        Path folder = Files.createTempDirectory(FOLDER_PREFIX);
        Path library = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = NativeSecp256k1.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not in the bundle");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            System.load(library.toAbsolutePath().toString());
        } finally {
            // a loaded library stays mapped once its file is gone; where the system refuses (Windows), the next
            // start removes it (removeLeftovers)
            for (Path p : new Path[] {library, folder}) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * Deletes the copies earlier processes could not delete while they had them loaded (Windows refuses to
     * delete a loaded library; elsewhere the copy is gone at once), so they do not pile up in the temporary
     * folder. A copy still loaded by a running process stays, and one younger than a minute is left to the
     * process that may be about to load it.
     */
    static void removeLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (java.util.stream.Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX) && Files.isDirectory(p))
                    .filter(p -> p.toFile().lastModified() < minuteAgo)
                    .forEach(NativeSecp256k1::deleteQuietly);
        } catch (IOException | RuntimeException e) {
            LOG.debug("secp256k1: could not look for leftover copies in {}: {}", tmp, e.toString());
        }
    }

    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException | RuntimeException e) {
            // in use by a running process, or not ours: left as it is
        }
    }

    /** The signing this class does, and a recovery, give web3j's known answer. */
    private boolean answersKnownAnswer() {
        byte[] signed = signRecoverable(KAT_HASH, KAT_KEY);
        return Arrays.equals(Arrays.copyOf(signed, 64), KAT_SIGNATURE) && signed[64] == KAT_RECOVERY_ID
                && Arrays.equals(address(recover(KAT_HASH, KAT_SIGNATURE, KAT_RECOVERY_ID)), KAT_ADDRESS);
    }
}
