package fr.acinq.secp256k1;

/**
 * The entry points of ACINQ's JNI build of libsecp256k1 (secp256k1-kmp 0.15.0, whose native libraries the
 * channel bundle carries) that the channel bundle calls. The library's symbols name this class and package
 * ({@code Java_fr_acinq_secp256k1_Secp256k1CFunctions_...}), so it must live here; only the functions used
 * are declared, and ACINQ's Kotlin wrapper is not needed. Loaded and used by
 * {@code org.web3torrent.channel.internal.crypto.NativeSecp256k1} only.
 */
public final class Secp256k1CFunctions {
    public static final int SECP256K1_CONTEXT_VERIFY = (1 << 0) | (1 << 8);
    public static final int SECP256K1_CONTEXT_SIGN = (1 << 0) | (1 << 9);

    private Secp256k1CFunctions() {
    }

    /** A context for signing and verifying; never destroyed (one per process). */
    public static native long secp256k1_context_create(int flags);

    /** The 64-byte compact signature {@code r ++ s} (RFC 6979 nonce, low s) of a 32-byte message. */
    public static native byte[] secp256k1_ecdsa_sign(long ctx, byte[] msg32, byte[] seckey32);

    /** The 65-byte uncompressed public key {@code seckey·G}. */
    public static native byte[] secp256k1_ec_pubkey_create(long ctx, byte[] seckey32);

    /** {@code seckey·tweak} modulo the curve order (32 bytes). */
    public static native byte[] secp256k1_ec_privkey_tweak_mul(long ctx, byte[] seckey32, byte[] tweak32);

    /** {@code seckey + tweak} modulo the curve order (32 bytes). */
    public static native byte[] secp256k1_ec_privkey_tweak_add(long ctx, byte[] seckey32, byte[] tweak32);

    /** The 65-byte uncompressed public key that made a compact signature with recovery id 0 to 3. */
    public static native byte[] secp256k1_ecdsa_recover(long ctx, byte[] sig64, byte[] msg32, int recid);
}
