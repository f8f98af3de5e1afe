package fr.acinq.secp256k1;

/**
 * What the native library throws when a call fails (a signature that recovers to no key, a bad length):
 * its C code finds this class by name, so it must exist with a {@code String} constructor, or a failed call
 * would leave the JVM without an exception to raise.
 */
public class Secp256k1Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Secp256k1Exception(String message) {
        super(message);
    }
}
