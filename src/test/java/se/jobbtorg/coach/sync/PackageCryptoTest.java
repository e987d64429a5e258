package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The pieces of package encryption, against the RFC's vectors and at the chunk edges. */
class PackageCryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCases() {
        // RFC 5869, A.1
        assertEquals(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(Hkdf.derive(
                        HEX.parseHex("000102030405060708090a0b0c"),
                        HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                        HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                        42)));
        // RFC 5869, A.3: no salt, no info
        assertEquals(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(Hkdf.derive(
                        null, HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], 42)));
    }

    @Test
    void entriesOfEveryLengthAroundAChunkComeBackWhole() throws Exception {
        byte[] key = PackageCrypto.random(32);
        for (int length : new int[] {
            0, 1, PackageCrypto.CHUNK - 1, PackageCrypto.CHUNK, PackageCrypto.CHUNK + 1, 3 * PackageCrypto.CHUNK
        }) {
            byte[] plain = PackageCrypto.random(length);
            ByteArrayOutputStream stored = new ByteArrayOutputStream();
            try (OutputStream out = PackageCrypto.encrypting(stored, key, "participants.jsonl")) {
                out.write(plain);
            }
            byte[] sealed = stored.toByteArray();
            int chunks = length == 0 ? 1 : (length + PackageCrypto.CHUNK - 1) / PackageCrypto.CHUNK;
            assertEquals(16 + length + 16 * chunks, sealed.length, "salt, text, a tag per chunk: " + length);
            assertArrayEquals(
                    plain,
                    PackageCrypto.decrypting(new ByteArrayInputStream(sealed), key, "participants.jsonl")
                            .readAllBytes(),
                    "length " + length);
            // Under another entry's name, or cut at a chunk's end, it does not open.
            assertThrows(
                    PackageRefusedException.class,
                    () -> PackageCrypto.decrypting(new ByteArrayInputStream(sealed), key, "coaches.jsonl")
                            .readAllBytes());
            if (chunks > 1) {
                byte[] cut = Arrays.copyOf(sealed, 16 + PackageCrypto.CHUNK + 16);
                assertThrows(
                        PackageRefusedException.class,
                        () -> PackageCrypto.decrypting(new ByteArrayInputStream(cut), key, "participants.jsonl")
                                .readAllBytes());
            }
        }
    }

    @Test
    void aContentKeyIsUnwrappedOnlyByItsReaderOrThePassphrase() {
        byte[] contentKey = PackageCrypto.random(32);
        String[] reader = PackageCrypto.newAgreementKeyPair();
        String[] other = PackageCrypto.newAgreementKeyPair();
        PackageCrypto.Sealer sealer = new PackageCrypto.Sealer(contentKey.clone(), "p-1");
        String wrapped = sealer.wrapFor(reader[1]);
        assertArrayEquals(
                contentKey, PackageCrypto.unwrapX25519(reader[0], reader[1], sealer.ephemeralPublic(), wrapped, "p-1"));
        assertNull(PackageCrypto.unwrapX25519(other[0], other[1], sealer.ephemeralPublic(), wrapped, "p-1"));
        assertNull(
                PackageCrypto.unwrapX25519(reader[0], reader[1], sealer.ephemeralPublic(), wrapped, "p-2"),
                "bound to its package");
        byte[] salt = PackageCrypto.random(16);
        String byPassphrase = PackageCrypto.wrapWithPassphrase(contentKey, "p-1", "rätt fras", salt, 100_000);
        assertArrayEquals(
                contentKey, PackageCrypto.unwrapWithPassphrase("rätt fras", salt, 100_000, byPassphrase, "p-1"));
        assertNull(PackageCrypto.unwrapWithPassphrase("fel fras", salt, 100_000, byPassphrase, "p-1"));
    }
}
