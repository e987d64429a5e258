package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.Passphrase;

/** A changed passphrase: the old one opens no copy kept here, the new one opens all, work goes on. */
class PassphraseChangeTest {
    static final String NEXT = "sju sorters kakor på fredag";

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    Path file() {
        return dir.resolve("caseload.db");
    }

    /** The database and its backups, each file's bytes: to show that nothing was touched. */
    List<byte[]> contents(List<Path> files) throws Exception {
        List<byte[]> all = new ArrayList<>();
        for (Path f : files) {
            all.add(Files.readAllBytes(f));
        }
        return all;
    }

    @Test
    void afterAChangeTheOldPassphraseOpensNothingAndTheNewOneOpensEverythingWhileWorkGoesOn() throws Exception {
        List<Path> backups;
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            db.backup("manual");
            clock.advance(Duration.ofDays(1));
            db.backupIfDue().orElseThrow();
            backups = db.backups();
            assertEquals(2, backups.size());

            db.changePassphrase(TestPassphrase.get(), Passphrase.of(NEXT));

            assertFalse(db.opensWith(TestPassphrase.get()));
            assertTrue(db.opensWith(Passphrase.of(NEXT)));
            // Work goes on in the open database, through both connections.
            var repo = new ParticipantRepository(db);
            Participant added = DatabaseTest.person("Sigrid", "Åhlén", 401);
            db.write(tx -> repo.save(tx, added));
            assertEquals(added, repo.find(added.id()).orElseThrow());
            assertEquals(KnownPeople.PEOPLE.size() + 1, repo.count());
            db.backup("after-change");
            backups = db.backups();
        }
        assertEquals(3, backups.size());
        for (Path f : backups) {
            assertFalse(EncryptedFiles.opens(f, TestPassphrase.get()), "the old passphrase opens " + f.getFileName());
            assertTrue(EncryptedFiles.opens(f, Passphrase.of(NEXT)), "the new passphrase opens " + f.getFileName());
        }
        assertThrows(WrongPassphraseException.class, () -> Database.open(file(), clock, TestPassphrase.get()));
        try (Database db = Database.open(file(), clock, Passphrase.of(NEXT))) {
            assertEquals(KnownPeople.PEOPLE.size() + 1, new ParticipantRepository(db).count(), "the write was kept");
            assertEquals(
                    "wal",
                    String.valueOf(db.<Object>read(dsl -> dsl.fetchValue("PRAGMA journal_mode"))),
                    "back in WAL mode after the rekey");
        }
        try (var c = EncryptedFiles.connect(
                backups.get(backups.size() - 1), Passphrase.of(NEXT), SQLiteConfig.TransactionMode.DEFERRED, true)) {
            assertEquals(
                    KnownPeople.PEOPLE.size(),
                    PlainFiles.rows(c, "participant").size(),
                    "the oldest backup holds its rows");
        }
        assertEquals(List.of(), DiskBytes.find(dir, KnownPeople.secrets()), "the rekey left nothing readable");
        assertFalse(Files.exists(EncryptedFiles.sibling(file(), "-journal")), "no rollback journal under the old key");
    }

    @Test
    void aWrongCurrentPassphraseChangesNothing() throws Exception {
        Passphrase wrong = Passphrase.of("fel fras helt och hållet");
        List<Path> files;
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            db.backup("manual");
            files = new ArrayList<>(db.backups());
        }
        files.add(file());
        List<byte[]> before = contents(files);
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            assertThrows(WrongPassphraseException.class, () -> db.changePassphrase(wrong, Passphrase.of(NEXT)));
            assertTrue(db.opensWith(TestPassphrase.get()));
            assertFalse(db.opensWith(Passphrase.of(NEXT)));
            assertEquals(KnownPeople.PEOPLE.size(), new ParticipantRepository(db).count(), "still readable");
            db.write(tx -> new ParticipantRepository(db).save(tx, DatabaseTest.person("Sigrid", "Åhlén", 402)));
            assertEquals(KnownPeople.PEOPLE.size() + 1, new ParticipantRepository(db).count(), "and writable");
        }
        assertArrayEquals(before.get(0), contents(files).get(0), "the backup is untouched");
        for (Path f : files) {
            assertTrue(EncryptedFiles.opens(f, TestPassphrase.get()), f.getFileName() + " under the old passphrase");
            assertFalse(EncryptedFiles.opens(f, Passphrase.of(NEXT)));
        }
    }

    @Test
    void aBackupThatCannotBeReEncryptedIsCountedAndTheChangeStillHolds() throws Exception {
        Path file = file();
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            Path good = db.backup("manual");
            clock.advance(Duration.ofMinutes(1));
            Path broken = db.backup("manual");
            // Cut short, as a full disk or a pulled stick would leave it.
            try (var channel = FileChannel.open(broken, StandardOpenOption.WRITE)) {
                channel.truncate(4096);
            }
            int left = db.changePassphrase(TestPassphrase.get(), Passphrase.of(NEXT));
            assertEquals(1, left, "the unreadable backup is counted, not fatal");
            assertTrue(db.opensWith(Passphrase.of(NEXT)), "the database is under the new passphrase");
            assertEquals(KnownPeople.PEOPLE.size(), new ParticipantRepository(db).count(), "and reads go on");
            assertTrue(EncryptedFiles.opens(good, Passphrase.of(NEXT)), "the readable backup was re-keyed");
        }
    }
}
