package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/**
 * The example package in src/docs/caseload-package/ is documentation another system reads, so it
 * is a committed file; this test holds it to the current code: it must verify and import cleanly
 * into a new database. Regenerate it (and its readable manifest) after a format change with
 * {@code mvn -o test -Dtest=ExamplePackageTest -Dexample.write=true}. Everyone in it is invented.
 * It is encrypted for the team passphrase {@value #PASSPHRASE} (and the laptop that made it), so
 * another system can open it by following the format page alone.
 */
class ExamplePackageTest {
    static final Path DIR = Path.of("src/docs/caseload-package");
    static final Path EXAMPLE = DIR.resolve("example.caseload.zip");
    static final Path MANIFEST = DIR.resolve("example-manifest.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The example's team passphrase, as the format page gives it. */
    static final String PASSPHRASE = "exempel på en lösenfras";

    static final PackageReader.Keyring KEYRING = new PackageReader.Keyring("reader", null, null, () -> PASSPHRASE);

    @TempDir
    Path dir;

    /**
     * A coach's small caseload: two invented people, one enrolled with a mapping entry, an
     * approved plan and a meeting; then a phone number added and an e-mail address changed (an update) and an activity of a
     * new draft removed (a delete), so the package shows every kind of line.
     */
    static Path makeExample(Path folder) throws IOException {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T08:30:00Z"));
        Path file = folder.resolve("example.caseload.zip");
        try (Database db = Database.open(folder.resolve("example.db"), clock, TestPassphrase.get())) {
            var me = new CoachService(db).setCurrentCoach("Linnea Exempel", "Jobbtorg Kista");
            var caseload = new CaseloadService(db, clock);
            var workflow = new WorkflowService(db, clock);
            LocalDate today = LocalDate.now(clock);
            clock.advance(Duration.ofMinutes(5));
            var amina = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1985, 3, 12), 123, false)
                            .display(),
                    "Amina",
                    "Exempelsson",
                    null,
                    "amina@example.org",
                    "Rinkeby-Kista"));
            clock.advance(Duration.ofMinutes(1));
            caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1992, 7, 1), 456, false)
                            .display(),
                    "Johan",
                    "Testberg",
                    null,
                    null,
                    "Spånga-Tensta"));
            clock.advance(Duration.ofMinutes(2));
            var enrolment = caseload.enrol(new EnrolmentDraft(
                    amina.id(),
                    me.id(),
                    today.minusDays(3),
                    "Försörjningsstöd Rinkeby-Kista",
                    "Sara Handläggare",
                    EnumSet.of(TargetGroup.UNEMPLOYED, TargetGroup.SFI_STUDENT),
                    "somaliska",
                    true));
            clock.advance(Duration.ofMinutes(10));
            var work = workflow.work(enrolment.id());
            workflow.saveMapping(
                    work.mapping().get(MappingArea.SWEDISH),
                    MappingStatus.IN_PROGRESS,
                    "Läser SFI kurs C",
                    null,
                    Set.of(Actor.PROVIDER),
                    null);
            clock.advance(Duration.ofMinutes(10));
            var plan = workflow.draft(enrolment.id(), false);
            workflow.describe(plan.id(), PlanGoal.WORK, "Vill arbeta inom barnomsorg");
            workflow.addActivity(
                    plan.id(),
                    new ActivityDraft(
                            ActivityKind.COACHING,
                            null,
                            "Jobbtorg Kista",
                            "Coachning varje vecka",
                            today,
                            today.plusMonths(3)));
            clock.advance(Duration.ofMinutes(15));
            workflow.approve(plan.id(), "Sara Handläggare", today);
            clock.advance(Duration.ofMinutes(30));
            workflow.recordMeeting(new MeetingDraft(
                    enrolment.id(),
                    null,
                    today.atTime(10, 0),
                    MeetingKind.OUTREACH,
                    "Stadsbiblioteket, Sveavägen 73",
                    MeetingOutcome.ATTENDED,
                    "Amina, coach",
                    false,
                    "Gick igenom planen",
                    "Söka tre jobb",
                    null,
                    null));
            clock.advance(Duration.ofMinutes(60));
            caseload.update(
                    amina.id(),
                    new ParticipantDraft(
                            amina.personalNumber().display(),
                            "Amina",
                            "Exempelsson",
                            "070-000 00 00",
                            "amina.exempelsson@example.org",
                            "Rinkeby-Kista"));
            clock.advance(Duration.ofMinutes(30));
            var review = workflow.draft(enrolment.id(), true);
            var copied = workflow.work(enrolment.id()).activitiesOf(review.id()).get(0);
            workflow.removeActivity(review.id(), copied.id());
            clock.advance(Duration.ofMinutes(5));
            SyncService sync = new SyncService(db, clock, () -> me.name());
            sync.team().setTeamPassphrase(PASSPHRASE);
            // The team lead's laptop, admitted: a line of devices.jsonl, and a reader of the package.
            String[] leadSigning = PackageSigner.newKeyPair();
            String[] leadAgreement = PackageCrypto.newAgreementKeyPair();
            sync.team()
                    .admit(
                            "0c0ffee0-0000-4000-8000-00000000003a",
                            leadSigning[1],
                            leadAgreement[1],
                            "Gruppledare Exempel");
            sync.exportSnapshot(file, p -> {});
        }
        return file;
    }

    /** With -Dexample.write=true: makes the example anew, before any test reads it. */
    @BeforeAll
    static void writeWhenAsked(@TempDir Path scratch) throws IOException {
        if (Boolean.getBoolean("example.write")) {
            Path made = makeExample(scratch);
            Files.createDirectories(DIR);
            Files.copy(made, EXAMPLE, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(MANIFEST, manifestOf(EXAMPLE), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCommittedExampleVerifiesAndImportsIntoANewDatabase() throws IOException {
        assertTrue(Files.isRegularFile(EXAMPLE), EXAMPLE + " is missing; see this test's comment");
        assertTrue(Files.size(EXAMPLE) < 16 * 1024, "the example stays small");

        PackageReader.Verified verified = new PackageReader().read(EXAMPLE, KEYRING);
        assertTrue(verified.encrypted());
        assertEquals(1, verified.statements().size(), "the lead's laptop, admitted");
        assertEquals(Manifest.FORMAT_VERSION, verified.manifest().formatVersion());
        assertEquals(Manifest.SNAPSHOT, verified.manifest().kind());
        assertEquals(
                verified.manifest().sequence().to(),
                verified.changes().size(),
                "a snapshot of one laptop's log: every change, once");
        assertEquals(
                JSON.readTree(manifestOf(EXAMPLE)),
                JSON.readTree(Files.readString(MANIFEST, StandardCharsets.UTF_8)),
                MANIFEST + " is the example's manifest; see this test's comment");

        try (Database db = Database.open(dir.resolve("fresh.db"), Clock.systemUTC(), TestPassphrase.get())) {
            SyncService sync = new SyncService(db, Clock.systemUTC(), () -> "reader");
            sync.team().setTeamPassphrase(PASSPHRASE);
            // The audit trail travels beside the case records and is counted apart.
            long trail = verified.changes().stream()
                    .filter(c -> c.entity().equals(SyncEntities.TRAIL))
                    .count();
            long records = verified.changes().stream()
                    .filter(c -> c.creates() && !c.entity().equals(SyncEntities.TRAIL))
                    .count();
            // A laptop nobody admitted: a person compares its fingerprint and admits it first.
            assertFalse(sync.importPackage(EXAMPLE, true, p -> {}).admitted());
            sync.team().admit(verified.manifest().producer().device());
            SyncService.Imported first = sync.importPackage(EXAMPLE, false, p -> {});
            assertEquals(records, first.created());
            assertEquals(trail, first.trail());
            assertEquals(verified.changes().size() - records - trail, first.updated());
            assertEquals(0, first.conflicts());
            assertEquals(0, first.merged());
            assertTrue(sync.conflicts().isEmpty());
            assertEquals(2, new SyncedRecords(db).liveIds("participant").size());

            String after = new SyncedRecords(db).contentChecksum();
            SyncService.Imported again = sync.importPackage(EXAMPLE, false, p -> {});
            assertEquals(0, again.created() + again.updated());
            assertEquals(after, new SyncedRecords(db).contentChecksum());
        }
    }

    @Test
    void theExampleShowsACreationAnUpdateAndADelete() {
        boolean update = false;
        boolean delete = false;
        for (var c : new PackageReader().read(EXAMPLE, KEYRING).changes()) {
            update |= c.base() != null && !c.deleted() && !c.bases().isEmpty();
            delete |= c.deleted();
        }
        assertTrue(update, "an update with its bases");
        assertTrue(delete, "a tombstone");
    }

    @Test
    void theExampleIsUnreadableWithoutItsPassphrase() throws IOException {
        assertEquals(
                "not_for_us",
                Assertions.assertThrows(PackageRefusedException.class, () -> new PackageReader().read(EXAMPLE))
                        .reason());
        assertEquals(
                "team_passphrase",
                Assertions.assertThrows(
                                PackageRefusedException.class,
                                () -> new PackageReader()
                                        .read(
                                                EXAMPLE,
                                                new PackageReader.Keyring("reader", null, null, () -> "en annan fras")))
                        .reason());
        try (ZipFile zip = new ZipFile(EXAMPLE.toFile())) {
            byte[] people =
                    zip.getInputStream(zip.getEntry("participants.jsonl")).readAllBytes();
            assertFalse(new String(people, StandardCharsets.ISO_8859_1).contains("Amina"), "encrypted");
        }
    }

    @Test
    void aFreshlyMadeExampleVerifiesToo() throws IOException {
        Path made = makeExample(dir);
        PackageReader.Verified verified = new PackageReader().read(made, KEYRING);
        assertEquals(verified.manifest().sequence().to(), verified.changes().size());
    }

    static String manifestOf(Path pkg) throws IOException {
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            String text = new String(
                    zip.getInputStream(zip.getEntry(PackageWriter.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\r\n", "\n") + (text.endsWith("\n") ? "" : "\n");
        }
    }
}
