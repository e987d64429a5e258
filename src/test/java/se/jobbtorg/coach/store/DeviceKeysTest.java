package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;

/** The device's private keys live in the database from its first opening, and an old key file is moved in and wiped. */
class DeviceKeysTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @Test
    void aNewDatabaseHasBothKeyPairsAndEveryBackupHoldsThem() throws Exception {
        Path file = dir.resolve("caseload.db");
        DeviceKeys.Pair signing;
        Path backup;
        try (Database db = TestTeam.open(file, clock)) {
            signing = DeviceKeys.read(db, DeviceKeys.SIGNING);
            DeviceKeys.Pair agreement = DeviceKeys.read(db, DeviceKeys.AGREEMENT);
            assertNotEquals(signing.publicKey(), agreement.publicKey());
            backup = db.backup("test");
        }
        try (Database db = TestTeam.open(file, clock)) {
            assertEquals(signing, DeviceKeys.read(db, DeviceKeys.SIGNING), "the same keys at every opening");
        }
        // The backup, put back as a database of its own, has the very same keys.
        Path restored = dir.resolve("restored.db");
        Files.copy(backup, restored);
        try (Database db = TestTeam.open(restored, clock)) {
            assertEquals(signing, DeviceKeys.read(db, DeviceKeys.SIGNING), "the backup holds the keys");
        }
        assertFalse(Files.exists(file.resolveSibling("caseload.db.keys")), "no key file beside the database");
    }

    @Test
    void anOldKeyFileIsReadInOnceThenWipedAndDeleted() throws Exception {
        Path file = dir.resolve("caseload.db");
        try (Database old = Database.open(file, clock, TestPassphrase.get(), 5)) {
            assertTrue(Files.exists(old.file()));
        }
        DeviceKeys.Pair legacy = DeviceKeys.generate("Ed25519");
        Path keys = dir.resolve("caseload.db.keys");
        Files.writeString(
                keys,
                "# Jobbtorg Coach\nprivate=" + legacy.privateKey() + "\npublic=" + legacy.publicKey() + "\n",
                StandardCharsets.UTF_8);
        try (Database db = TestTeam.open(file, clock)) {
            assertEquals(legacy, DeviceKeys.read(db, DeviceKeys.SIGNING), "the laptop keeps the key its peers know");
            assertTrue(DeviceKeys.read(db, DeviceKeys.AGREEMENT).publicKey().length() > 40);
        }
        assertFalse(Files.exists(keys), "the clear key file is gone");
        assertEquals("Pair[publicKey=" + legacy.publicKey() + "]", legacy.toString(), "a private key is never printed");
    }

    @Test
    void wipingOverwritesWithZerosBeforeDeleting() throws Exception {
        Path f = dir.resolve("secret.keys");
        Files.writeString(f, "private=abc\n".repeat(1000));
        // Kept open elsewhere (as a second link would be): after the wipe its bytes are zeros.
        Path link = dir.resolve("link.keys");
        Files.createLink(link, f);
        DeviceKeys.wipe(f);
        assertFalse(Files.exists(f));
        byte[] left = Files.readAllBytes(link);
        assertEquals(12_000, left.length);
        for (byte b : left) {
            assertEquals(0, b);
        }
    }
}
