package se.jobbtorg.coach.sync;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of a package (format version 2, src/docs/caseload-package.md, "Encryption"),
 * JDK only: a fresh 32-byte content key per package; each encrypted entry under its own key
 * (HKDF-SHA256 of the content key with a random salt and the entry's name) in chunks of 64 KiB
 * of ChaCha20-Poly1305; the content key wrapped for each reader, by X25519 + HKDF-SHA256 or by
 * PBKDF2-HMAC-SHA256 of the team passphrase, again with ChaCha20-Poly1305.
 */
public final class PackageCrypto {
    public static final String AEAD = "ChaCha20-Poly1305";
    public static final String KDF = "PBKDF2-HMAC-SHA256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about half a second on a coach's laptop. */
    public static final int PBKDF2_ITERATIONS = 600_000;
    /** The least a reader accepts, so a forged package cannot make a passphrase cheap to guess. */
    public static final int PBKDF2_MIN_ITERATIONS = 100_000;

    public static final int PBKDF2_MAX_ITERATIONS = 10_000_000;
    public static final int KEY_BYTES = 32;
    public static final int SALT_BYTES = 16;
    public static final int CHUNK = 65536;
    static final int TAG = 16;
    static final int NONCE = 12;
    static final String ENTRY_INFO = "jobbtorg-caseload-package/2 entry ";
    static final String WRAP_INFO = "jobbtorg-caseload-package/2 wrap x25519";
    static final String WRAP_AAD = "jobbtorg-caseload-package/2 ";
    /** The fixed start of an X25519 public key's X.509 encoding (RFC 8410); the 32 raw bytes follow. */
    private static final byte[] X25519_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

    private static final SecureRandom RANDOM = new SecureRandom();

    private PackageCrypto() {}

    public static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- entries

    /** An entry's bytes as stored: the salt (16 bytes), then the chunks. Closing writes the last chunk. */
    public static OutputStream encrypting(OutputStream out, byte[] contentKey, String entryName) throws IOException {
        byte[] salt = random(SALT_BYTES);
        out.write(salt);
        return new Encrypting(out, entryKey(contentKey, salt, entryName), entryName);
    }

    /** The plain bytes of an entry stored by {@link #encrypting}; a changed, cut or extended entry is refused. */
    public static InputStream decrypting(InputStream in, byte[] contentKey, String entryName) throws IOException {
        byte[] salt = in.readNBytes(SALT_BYTES);
        if (salt.length != SALT_BYTES) {
            throw new PackageRefusedException(Refusal.DECRYPTION, entryName);
        }
        return new Decrypting(in, entryKey(contentKey, salt, entryName), entryName);
    }

    static byte[] entryKey(byte[] contentKey, byte[] salt, String entryName) {
        return Hkdf.derive(salt, contentKey, (ENTRY_INFO + entryName).getBytes(StandardCharsets.UTF_8), KEY_BYTES);
    }

    /** Chunk i's nonce: i as a big-endian number in the first 11 bytes, then 1 for the last chunk, else 0. */
    static byte[] chunkNonce(long index, boolean last) {
        ByteBuffer b = ByteBuffer.allocate(NONCE);
        b.put(new byte[3]).putLong(index).put((byte) (last ? 1 : 0));
        return b.array();
    }

    private static Cipher cipher() {
        try {
            return Cipher.getInstance(AEAD);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Encrypting extends FilterOutputStream {
        private final Cipher cipher = cipher();
        private final SecretKeySpec key;
        private final byte[] aad;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long index;
        private boolean closed;

        Encrypting(OutputStream out, byte[] key, String entryName) {
            super(out);
            this.key = new SecretKeySpec(key, "ChaCha20");
            this.aad = entryName.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    // Only a full buffer with more to come is a middle chunk: the last is written on close.
                    seal(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(chunkNonce(index++, last)));
                cipher.updateAAD(aad);
                out.write(cipher.doFinal(buffer, 0, filled));
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                Arrays.fill(buffer, (byte) 0);
                out.flush();
            }
        }
    }

    private static final class Decrypting extends InputStream {
        private final InputStream in;
        private final Cipher cipher = cipher();
        private final SecretKeySpec key;
        private final byte[] aad;
        private final String name;
        private byte[] plain = new byte[0];
        private int pos;
        private long index;
        private boolean done;
        /** The next sealed chunk, read ahead: whether a chunk is the last is known only by what follows. */
        private byte[] next;

        Decrypting(InputStream in, byte[] key, String name) throws IOException {
            this.in = in;
            this.key = new SecretKeySpec(key, "ChaCha20");
            this.aad = name.getBytes(StandardCharsets.UTF_8);
            this.name = name;
            this.next = in.readNBytes(CHUNK + TAG);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == plain.length) {
                if (done) {
                    return -1;
                }
                open();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        private void open() throws IOException {
            byte[] sealed = next;
            if (sealed.length < TAG) {
                // The last chunk is missing: the entry was cut short.
                throw new PackageRefusedException(Refusal.DECRYPTION, name);
            }
            next = sealed.length == CHUNK + TAG ? in.readNBytes(CHUNK + TAG) : new byte[0];
            boolean last = next.length == 0;
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(chunkNonce(index++, last)));
                cipher.updateAAD(aad);
                plain = cipher.doFinal(sealed);
                pos = 0;
                done = last;
            } catch (AEADBadTagException e) {
                throw new PackageRefusedException(Refusal.DECRYPTION, name);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    // ---------------------------------------------------------------- the content key for readers

    /** A new X25519 key pair: {private PKCS#8, public X.509}, each Base64. */
    public static String[] newAgreementKeyPair() {
        try {
            var pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            return new String[] {
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32 raw bytes (RFC 7748) of an X25519 public key given as Base64 X.509; null if it is not one. */
    public static byte[] rawX25519(String publicKeyBase64) {
        try {
            byte[] encoded = Base64.getDecoder().decode(publicKeyBase64);
            if (encoded.length != X25519_PREFIX.length + 32
                    || !Arrays.equals(Arrays.copyOf(encoded, X25519_PREFIX.length), X25519_PREFIX)) {
                return null;
            }
            return Arrays.copyOfRange(encoded, X25519_PREFIX.length, encoded.length);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The wrap key for one reader: HKDF-SHA256(salt = ephemeral raw || reader raw, X25519 shared secret). */
    static byte[] x25519WrapKey(PrivateKey own, String ownPublic, String otherPublic, boolean ownIsEphemeral) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(own);
            agreement.doPhase(
                    KeyFactory.getInstance("X25519")
                            .generatePublic(
                                    new X509EncodedKeySpec(Base64.getDecoder().decode(otherPublic))),
                    true);
            byte[] shared = agreement.generateSecret();
            byte[] ephemeral = rawX25519(ownIsEphemeral ? ownPublic : otherPublic);
            byte[] reader = rawX25519(ownIsEphemeral ? otherPublic : ownPublic);
            byte[] salt = new byte[64];
            System.arraycopy(ephemeral, 0, salt, 0, 32);
            System.arraycopy(reader, 0, salt, 32, 32);
            byte[] key = Hkdf.derive(salt, shared, WRAP_INFO.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
            Arrays.fill(shared, (byte) 0);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            // A key that is no X25519 key, or one of small order (an all-zero secret): no reader.
            return null;
        }
    }

    /** An ephemeral key pair for one package, and the content key wrapped with it for readers. */
    public static final class Sealer {
        private final PrivateKey ephemeral;
        private final String ephemeralPublic;
        private final byte[] contentKey;
        private final String packageId;

        public Sealer(byte[] contentKey, String packageId) {
            String[] pair = newAgreementKeyPair();
            this.ephemeral = privateKey(pair[0]);
            this.ephemeralPublic = pair[1];
            this.contentKey = contentKey;
            this.packageId = packageId;
        }

        public String ephemeralPublic() {
            return ephemeralPublic;
        }

        /** The content key wrapped for a reader's X25519 public key (Base64), or null if that key is unusable. */
        public String wrapFor(String readerPublic) {
            byte[] key = x25519WrapKey(ephemeral, ephemeralPublic, readerPublic, true);
            return key == null ? null : Base64.getEncoder().encodeToString(seal(key, contentKey, packageId));
        }
    }

    /** The content key, if this reader's private key opens the wrapped copy made for it. */
    public static byte[] unwrapX25519(
            String readerPrivate, String readerPublic, String ephemeralPublic, String wrapped, String packageId) {
        byte[] key = x25519WrapKey(privateKey(readerPrivate), readerPublic, ephemeralPublic, false);
        return key == null ? null : open(key, wrapped, packageId);
    }

    /** The key PBKDF2-HMAC-SHA256 derives from the passphrase (NFC, UTF-8). About half a second. */
    public static byte[] passphraseKey(String passphrase, byte[] salt, int iterations) {
        char[] chars = Normalizer.normalize(passphrase, Normalizer.Form.NFC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BYTES * 8);
        try {
            // The JDK's PBKDF2 turns the characters into bytes as UTF-8.
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    public static String wrapWithPassphrase(
            byte[] contentKey, String packageId, String passphrase, byte[] salt, int iterations) {
        return Base64.getEncoder()
                .encodeToString(seal(passphraseKey(passphrase, salt, iterations), contentKey, packageId));
    }

    public static byte[] unwrapWithPassphrase(
            String passphrase, byte[] salt, int iterations, String wrapped, String packageId) {
        return open(passphraseKey(passphrase, salt, iterations), wrapped, packageId);
    }

    /** ChaCha20-Poly1305 under a key used once: a nonce of zeros, the package id as associated data. */
    static byte[] seal(byte[] key, byte[] plain, String packageId) {
        try {
            Cipher c = cipher();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(new byte[NONCE]));
            c.updateAAD((WRAP_AAD + packageId).getBytes(StandardCharsets.UTF_8));
            return c.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static byte[] open(byte[] key, String wrappedBase64, String packageId) {
        try {
            Cipher c = cipher();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(new byte[NONCE]));
            c.updateAAD((WRAP_AAD + packageId).getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(Base64.getDecoder().decode(wrappedBase64));
            return plain.length == KEY_BYTES ? plain : null;
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("X25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable agreement key", e);
        }
    }
}
