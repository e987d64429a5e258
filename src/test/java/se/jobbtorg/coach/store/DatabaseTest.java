package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.generated.Tables;
import se.jobbtorg.coach.store.sync.OutgoingChanges;

class DatabaseTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    Path dir;

    static Participant person(String first, String last, int serial) {
        return new Participant(
                UUID.randomUUID(),
                PersonalIdentityNumber.of(LocalDate.of(1985, 3, 12), serial, false),
                first,
                last,
                null,
                null,
                null);
    }

    static String pragma(Path file, String name) throws Exception {
        try (var c = RawConnections.open(file);
                var s = c.createStatement();
                var rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static int intPragma(Database db, String name) {
        return Integer.parseInt(String.valueOf(db.<Object>read(dsl -> dsl.fetchValue("PRAGMA " + name))));
    }

    static int count(Database db, Table<?> table) {
        return db.<Integer>read(dsl -> dsl.fetchCount(table));
    }

    @Test
    void newFileIsMigratedToTheLatestVersionInWalMode() throws Exception {
        Path file = dir.resolve("sub/folder/caseload.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Migrations.latestVersion(), intPragma(db, "user_version"));
            assertEquals("wal", String.valueOf(db.<Object>read(dsl -> dsl.fetchValue("PRAGMA journal_mode"))));
            assertEquals(2, intPragma(db, "synchronous"), "FULL is 2");
            assertEquals(1, intPragma(db, "foreign_keys"));
            assertEquals(1, intPragma(db, "secure_delete"));
            assertEquals(36, db.deviceId().length());
        }
        assertFalse(Files.exists(dir.resolve("sub/folder/backups")), "a new file needs no backup");
    }

    @Test
    void fileOfThePreviousVersionIsBackedUpThenMigratedKeepingItsData() throws Exception {
        Path file = dir.resolve("caseload.db");
        int previous = Migrations.latestVersion() - 1;
        Participant p = person("Anna", "Öberg", 123);
        try (Database old = Database.open(file, CLOCK, TestPassphrase.get(), previous)) {
            // As the program of that version wrote it: the row and a change-log row without values.
            old.write(tx -> tx.dsl()
                            .execute(
                                    "insert into participant (id, version_stamp, changed_by, deleted,"
                                            + " personal_number, first_name, last_name, sort_name)"
                                            + " values (?, '1764000000000-0000-old', 'old', 0, ?, 'Anna', 'Öberg', 'oberg')",
                                    p.id().toString(),
                                    p.personalNumber().normalised())
                    + tx.dsl()
                            .execute(
                                    "insert into change_log (entity, record_id, fields, base_stamp, new_stamp,"
                                            + " device_id, deleted, logged_at) values ('participant', ?,"
                                            + " '[\"personal_number\",\"first_name\",\"last_name\",\"sort_name\"]', null,"
                                            + " '1764000000000-0000-old', 'old', 0, '2025-11-24T16:00:00Z')",
                                    p.id().toString()));
            assertEquals(previous, intPragma(old, "user_version"));
        }

        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Migrations.latestVersion(), intPragma(db, "user_version"));
            assertEquals(p, new ParticipantRepository(db).find(p.id()).orElseThrow());
            // the old change is given the record's values, so it can travel in a package
            OutgoingChanges.Slice export = new OutgoingChanges(db).changesAfter(0);
            assertEquals("Öberg", export.changes().get(0).values().get("last_name"));
            assertFalse(export.changes().get(0).values().containsKey("sort_name"), "derived fields do not travel");
            // the columns of the newest script are there and usable
            Enrolment e = new Enrolment(
                    UUID.randomUUID(),
                    p.id(),
                    null,
                    LocalDate.of(2026, 1, 5),
                    "Försörjningsstöd Farsta",
                    null,
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false,
                    LocalDate.of(2026, 6, 1),
                    ExitReason.STUDIES);
            db.write(tx -> new EnrolmentRepository(db).save(tx, e));
            assertEquals(List.of(e), new EnrolmentRepository(db).ofParticipant(p.id()));
        }

        List<Path> backups = new Backups(file, CLOCK).list();
        assertEquals(1, backups.size(), "one backup, taken before the migration");
        assertEquals(String.valueOf(previous), pragma(backups.get(0), "user_version"));
        assertEquals("ok", pragma(backups.get(0), "quick_check"));
    }

    @Test
    void aFileFromANewerProgramIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("caseload.db");
        Database.open(file, CLOCK, TestPassphrase.get()).close();
        try (var c = RawConnections.open(file);
                var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThrows(StoreException.class, () -> Database.open(file, CLOCK, TestPassphrase.get()));
        assertEquals("99", pragma(file, "user_version"));
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedDamagedWithItsLastBackup() throws Exception {
        Path file = dir.resolve("caseload.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            db.write(tx -> new ParticipantRepository(db).save(tx, person("Ali", "Haddad", 5)));
            db.backup("manual");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write("this is not an SQLite file at all".getBytes());
        }
        var damaged =
                assertThrows(DatabaseDamagedException.class, () -> Database.open(file, CLOCK, TestPassphrase.get()));
        assertTrue(damaged.lastBackup().isPresent());
        try (Database restored = Database.open(damaged.lastBackup().get(), CLOCK, TestPassphrase.get())) {
            assertEquals(1, new ParticipantRepository(restored).count(), "the backup holds the data");
        }
    }

    @Test
    void everyChangeWritesOneChangeLogRowNamingItsFieldsAndBase() {
        try (Database db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            Participant p = person("Sara", "Nilsson", 77);
            assertTrue(db.<Boolean>write(tx -> repo.save(tx, p)));
            Participant moved =
                    new Participant(p.id(), p.personalNumber(), "Sara", "Nilsson", "070-1234567", null, "Farsta");
            assertTrue(db.<Boolean>write(tx -> repo.save(tx, moved)));
            assertFalse(db.<Boolean>write(tx -> repo.save(tx, moved)), "saving the same values is no change");

            var log = db.read(
                    dsl -> dsl.selectFrom(CHANGE_LOG).orderBy(CHANGE_LOG.SEQ).fetch());
            assertEquals(2, log.size());
            assertEquals("participant", log.get(0).getEntity());
            assertEquals(p.id().toString(), log.get(0).getRecordId());
            assertEquals(null, log.get(0).getBaseStamp(), "a new record has no base");
            assertTrue(log.get(0).getFields().contains("\"personal_number\""));
            assertEquals("[\"phone\",\"home_district\"]", log.get(1).getFields());
            assertEquals(log.get(0).getNewStamp(), log.get(1).getBaseStamp(), "an edit starts from the stamp it saw");
            assertTrue(log.get(1).getNewStamp().compareTo(log.get(0).getNewStamp()) > 0, "stamps grow");
            String stored = db.read(dsl -> dsl.select(PARTICIPANT.VERSION_STAMP)
                    .from(PARTICIPANT)
                    .where(PARTICIPANT.ID.eq(p.id().toString()))
                    .fetchOne(PARTICIPANT.VERSION_STAMP));
            assertEquals(log.get(1).getNewStamp(), stored);
            assertTrue(stored.endsWith(db.deviceId()));
        }
    }

    @Test
    void aFailedTransactionLeavesNeitherTheChangeNorItsLogRow() {
        try (Database db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            Participant p = person("Johan", "Berg", 11);
            assertThrows(
                    IllegalStateException.class,
                    () -> db.write(tx -> {
                        repo.save(tx, p);
                        throw new IllegalStateException("power cut, say");
                    }));
            assertEquals(0, repo.count());
            assertEquals(0, count(db, CHANGE_LOG));
            assertEquals(0, count(db, Tables.PARTICIPANT_SEARCH));

            // An enrolment whose participant does not exist breaks a foreign key: nothing is kept.
            Enrolment orphan = new Enrolment(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    null,
                    LocalDate.of(2026, 1, 5),
                    "Försörjningsstöd Farsta",
                    null,
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false,
                    null,
                    null);
            assertThrows(RuntimeException.class, () -> db.write(tx -> new EnrolmentRepository(db).save(tx, orphan)));
            assertEquals(0, count(db, ENROLMENT));
            assertEquals(0, count(db, CHANGE_LOG));
        }
    }

    @Test
    void aTombstoneIsLoggedAsADeleteAndHidesTheRecord() {
        try (Database db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            Participant p = person("Leila", "Abdi", 3);
            db.write(tx -> repo.save(tx, p));
            assertTrue(db.<Boolean>write(tx -> tx.tombstone(PARTICIPANT, p.id().toString())));
            assertFalse(db.<Boolean>write(tx -> tx.tombstone(PARTICIPANT, p.id().toString())), "deleted once");
            assertTrue(repo.find(p.id()).isEmpty());
            var last = db.read(dsl -> dsl.selectFrom(CHANGE_LOG)
                    .orderBy(CHANGE_LOG.SEQ.desc())
                    .limit(1)
                    .fetchOne());
            assertEquals(1, last.getDeleted());
            assertEquals("[\"deleted\"]", last.getFields());
            assertEquals(1, count(db, PARTICIPANT), "the row stays as a tombstone");
        }
    }

    @Test
    void theDeviceIdAndTheClockSurviveAReopen() {
        Path file = dir.resolve("caseload.db");
        String device;
        String lastStamp;
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            device = db.deviceId();
            db.write(tx -> new ParticipantRepository(db).save(tx, person("Nils", "Olsson", 1)));
            lastStamp = db.read(
                    dsl -> dsl.select(CHANGE_LOG.NEW_STAMP).from(CHANGE_LOG).fetchOne(CHANGE_LOG.NEW_STAMP));
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(device, db.deviceId());
            db.write(tx -> new ParticipantRepository(db).save(tx, person("Ida", "Olsson", 2)));
            String next = db.read(dsl -> dsl.select(CHANGE_LOG.NEW_STAMP)
                    .from(CHANGE_LOG)
                    .orderBy(CHANGE_LOG.SEQ.desc())
                    .limit(1)
                    .fetchOne(CHANGE_LOG.NEW_STAMP));
            assertTrue(next.compareTo(lastStamp) > 0, "a fixed wall clock still gives a later stamp");
        }
    }

    @Test
    void theMigrationIndexListsEveryScriptOnDisk() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> onDisk =
                    files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(
                    onDisk,
                    Migrations.scripts().stream()
                            .map(Migrations.Script::name)
                            .sorted()
                            .toList());
        }
    }

    @Test
    void aSecondProgramCannotOpenTheSameFile() {
        Path file = dir.resolve("caseload.db");
        try (Database first = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertThrows(DatabaseInUseException.class, () -> Database.open(file, CLOCK, TestPassphrase.get()));
            assertEquals(0, new ParticipantRepository(first).count(), "the first one works on");
        }
        Database.open(file, CLOCK, TestPassphrase.get()).close();
    }

    @Test
    void aWriteInsideAWriteIsRefusedAndNothingIsKept() {
        try (Database db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            assertThrows(
                    IllegalStateException.class,
                    () -> db.write(tx -> {
                        repo.save(tx, person("Ali", "Abdi", 1));
                        return db.write(inner -> repo.save(inner, person("Ida", "Abdi", 2)));
                    }));
            assertEquals(0, repo.count());
            assertEquals(0, count(db, CHANGE_LOG));
        }
    }

    @Test
    void savingAnOldCopyNeverBringsATombstoneBack() {
        try (Database db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            Participant p = person("Elin", "Berg", 8);
            db.write(tx -> repo.save(tx, p));
            db.write(tx -> tx.tombstone(PARTICIPANT, p.id().toString()));
            db.write(tx -> repo.save(
                    tx, new Participant(p.id(), p.personalNumber(), "Elin", "Berg", "070-1112223", null, null)));
            assertTrue(repo.find(p.id()).isEmpty(), "still deleted");
            assertEquals(1, count(db, PARTICIPANT));
        }
    }

    @Test
    void backupsAreWholeEncryptedFilesKeptForTheRetentionPeriodButNeverTheNewestThree() throws Exception {
        Path file = dir.resolve("caseload.db");
        Path other = dir.resolve("backups/caseload-test-20260101-000000-v1.db");
        TestClock clock = new TestClock(Instant.parse("2026-09-01T08:00:00Z"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            db.keepBackupsFor(Period.ofDays(30));
            db.write(tx -> new ParticipantRepository(db).save(tx, person("Nils", "Berg", 9)));
            Files.createDirectories(other.getParent());
            Files.writeString(other, "a backup of another database beside this one");
            for (int day = 0; day < 60; day += 10) { // 6 backups, days 0, 10, ..., 50
                db.backup("manual");
                clock.advance(Duration.ofDays(10));
            }
            // day 60: one more; days 0-20 are past 30 days, but only the newest three are safe by count
            db.backup("manual");
        }
        List<Path> kept = new Backups(file, clock).list();
        assertEquals(4, kept.size(), "days 30, 40, 50 and 60 are within 30 days of day 60: " + kept);
        assertFalse(kept.contains(other), "another database's backups are not ours");
        assertTrue(Files.exists(other), "and are never pruned");
        try (var files = Files.list(dir.resolve("backups"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")));
        }
        for (Path backup : kept) {
            assertEquals(EncryptedFiles.State.ENCRYPTED, EncryptedFiles.state(backup), "every backup is encrypted");
        }
        try (Database restored = Database.open(kept.get(0), clock, TestPassphrase.get())) {
            assertEquals(1, new ParticipantRepository(restored).count());
        }
    }
}
