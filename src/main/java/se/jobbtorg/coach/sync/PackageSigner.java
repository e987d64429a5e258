package se.jobbtorg.coach.sync;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (in the JDK since 15) over the exact bytes of manifest.json, which holds the SHA-256
 * of every other entry: a receiver knows which laptop made a package and that nobody changed it
 * on the way. Keys travel as Base64 of their standard encodings (X.509 public, PKCS#8 private).
 */
public final class PackageSigner {
    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final String publicKey;

    public PackageSigner(String privateKeyBase64, String publicKeyBase64) {
        try {
            this.privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable signing key", e);
        }
        this.publicKey = publicKeyBase64;
    }

    /** A new key pair: {private, public}, each Base64 of its standard encoding. */
    public static String[] newKeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new String[] {
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a person reads aloud to compare a key by phone: the first 10 bytes of the SHA-256 of
     * the public key's X.509 encoding, as 20 upper-case hex digits in five groups of four.
     */
    public static String fingerprint(String publicKeyBase64) {
        if (publicKeyBase64 == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(publicKeyBase64));
            String hex = HexFormat.of().withUpperCase().formatHex(hash, 0, 10);
            return String.join(
                    " ",
                    hex.substring(0, 4),
                    hex.substring(4, 8),
                    hex.substring(8, 12),
                    hex.substring(12, 16),
                    hex.substring(16, 20));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "?";
        }
    }

    public String publicKey() {
        return publicKey;
    }

    public String sign(byte[] manifest) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(manifest);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether signature is the producer's (publicKey) over exactly these manifest bytes. */
    public static boolean verify(String publicKeyBase64, byte[] manifest, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(manifest);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
