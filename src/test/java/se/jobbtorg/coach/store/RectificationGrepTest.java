package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/**
 * Rectification (decision 0014): after a person's name and phone are corrected, the old values
 * stay in the change log until every peer has the correction (or the period has passed); then no
 * byte of them is left in the database file, its WAL, its backups or a new snapshot, and the
 * merge still works. The grep runs over a plain database, as RetentionGrepTest says why.
 */
class RectificationGrepTest {
    @TempDir
    Path dir;

    private static final PersonalIdentityNumber NUMBER =
            PersonalIdentityNumber.of(LocalDate.of(1988, 3, 14), 108, false);
    private static final List<String> OLD = List.of("Öberg", "öberg", "070-1234567");

    private record Laptop(Database db, CaseloadService caseload, SyncService sync) {}

    private static Laptop laptop(Database db, TestClock clock, String name) {
        new CoachService(db).begin(name, "Jobbtorg Kista", Role.TEAM_LEAD);
        return new Laptop(db, new CaseloadService(db, clock), new SyncService(db, clock, () -> name));
    }

    private static Path packageFor(Laptop from, Laptop to, Path folder) throws Exception {
        Path file = folder.resolve(from.sync.packageName("p-" + System.nanoTime()));
        from.sync.exportFor(to.sync.deviceId(), file, p -> {});
        return file;
    }

    @Test
    void aCorrectionEveryPeerHasLeavesNoOldValueInTheFilesOrANewSnapshot() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
        Path folder = Files.createDirectories(dir.resolve("lead"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        try (Database leadDb = PlainDatabases.open(folder.resolve("lead.db"), clock);
                Database deputyDb = EmptyDatabases.open(dir.resolve("deputy.db"), clock)) {
            Laptop lead = laptop(leadDb, clock, "Gunilla Lind");
            Laptop deputy = laptop(deputyDb, clock, "Karim Haddad");
            TestTeam.admitEachOther(lead.sync, deputy.sync);
            Participant asa = lead.caseload.register(
                    new ParticipantDraft(NUMBER.display(), "Åsa", "Öberg", "070-1234567", null, null));
            deputy.sync.importPackage(packageFor(lead, deputy, mail), false, p -> {});
            lead.sync.importPackage(packageFor(deputy, lead, mail), false, p -> {});

            // Her name and phone are corrected. The deputy's laptop has not heard yet: the old
            // values stay, as the merge of a package the deputy sends meanwhile may need them.
            clock.advance(Duration.ofMinutes(5));
            lead.caseload.update(
                    asa.id(), new ParticipantDraft(NUMBER.display(), "Åsa", "Ekberg", "070-7654321", null, null));
            leadDb.backup("daily");
            assertEquals(0, lead.sync.rectify());
            assertFalse(DiskBytes.find(folder, OLD).isEmpty(), "before: the old values are in the files");

            // One round: the deputy's package acknowledges the correction, and its import blanks them.
            deputy.sync.importPackage(packageFor(lead, deputy, mail), false, p -> {});
            lead.sync.importPackage(packageFor(deputy, lead, mail), false, p -> {});
            assertEquals(List.of(), DiskBytes.find(folder, OLD), "after: in no file, WAL or backup");
            assertTrue(DiskBytes.find(folder, List.of("Ekberg", "070-7654321")).size() >= 2, "the new ones are");
            assertTrue(
                    DiskBytes.find(folder, List.of(NUMBER.normalised())).size() >= 1,
                    "the number she was registered with stays: every laptop's key of the person");

            // A new snapshot does not carry them either.
            Path snapshot = mail.resolve("snapshot.caseload.zip");
            lead.sync.exportFor(null, snapshot, p -> {});
            Path plain = TestTeam.plainCopy(snapshot, deputyDb, mail.resolve("plain.caseload.zip"));
            assertEquals(List.of(), DiskBytes.find(List.of(unzipped(plain, mail)), OLD));
            // A new laptop starting from it has her whole, as she is now.
            try (Database freshDb = EmptyDatabases.open(dir.resolve("fresh.db"), clock)) {
                Laptop fresh = laptop(freshDb, clock, "Sara Nilsson");
                TestTeam.admitEachOther(lead.sync, fresh.sync);
                Path first = mail.resolve("first.caseload.zip");
                lead.sync.exportFor(fresh.sync.deviceId(), first, p -> {});
                fresh.sync.importPackage(first, false, p -> {});
                Participant there = fresh.caseload.participant(asa.id()).orElseThrow();
                assertEquals("Ekberg", there.lastName());
                assertEquals("070-7654321", there.phone());
            }

            // And the merge goes on: the deputy corrects the phone again, and both agree.
            clock.advance(Duration.ofMinutes(5));
            deputy.caseload.update(
                    asa.id(), new ParticipantDraft(NUMBER.display(), "Åsa", "Ekberg", "070-1112223", null, null));
            lead.sync.importPackage(packageFor(deputy, lead, mail), false, p -> {});
            deputy.sync.importPackage(packageFor(lead, deputy, mail), false, p -> {});
            assertEquals(
                    "Ekberg",
                    deputy.caseload.participant(asa.id()).orElseThrow().lastName());
            assertEquals(
                    "070-1112223",
                    lead.caseload.participant(asa.id()).orElseThrow().phone());
            assertTrue(lead.sync.conflicts().isEmpty());
            assertEquals(new SyncedRecords(leadDb).contentChecksum(), new SyncedRecords(deputyDb).contentChecksum());
        }
    }

    @Test
    void aPeerThatNeverAnswersHoldsTheOldValuesBackForTheSettingsPeriodOnly() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
        Path folder = Files.createDirectories(dir.resolve("lead"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        try (Database leadDb = PlainDatabases.open(folder.resolve("lead.db"), clock);
                Database silentDb = EmptyDatabases.open(dir.resolve("silent.db"), clock)) {
            Laptop lead = laptop(leadDb, clock, "Gunilla Lind");
            Laptop silent = laptop(silentDb, clock, "Karim Haddad");
            TestTeam.admitEachOther(lead.sync, silent.sync);
            Participant asa = lead.caseload.register(
                    new ParticipantDraft(NUMBER.display(), "Åsa", "Öberg", "070-1234567", null, null));
            lead.sync.importPackage(packageFor(silent, lead, mail), false, p -> {});
            clock.advance(Duration.ofMinutes(5));
            lead.caseload.update(
                    asa.id(), new ParticipantDraft(NUMBER.display(), "Åsa", "Ekberg", "070-7654321", null, null));

            clock.advance(Duration.ofDays(89));
            assertEquals(0, lead.sync.rectify(), "89 days: the silent laptop may still send an edit");
            clock.advance(Duration.ofDays(2));
            assertEquals(2, lead.sync.rectify(), "past the period: the old name and the old phone");
            assertEquals(List.of(), DiskBytes.find(folder, OLD));
            assertEquals(0, lead.sync.rectify(), "once");
        }
    }

    /** The package's entries, as one file of bytes to grep. */
    private static Path unzipped(Path pkg, Path folder) throws Exception {
        Path out = folder.resolve("entries.bin");
        try (var zip = new java.util.zip.ZipFile(pkg.toFile());
                var to = Files.newOutputStream(out)) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                try (var in = zip.getInputStream(entries.nextElement())) {
                    in.transferTo(to);
                }
            }
        }
        return out;
    }
}
