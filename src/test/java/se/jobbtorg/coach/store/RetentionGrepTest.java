package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.RetentionDue;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.service.WorkflowService;

/**
 * After a person past retention is deleted, no byte of their name, number or notes is left in the
 * database file, its WAL or any backup. The grep runs over a plain database (PlainDatabases: the
 * store's own code on a file without encryption), since in an encrypted one the bytes are never in
 * clear anyway: what this shows is that the pages, the free list, the WAL and the backups no longer
 * hold them, which encryption alone would only hide.
 */
class RetentionGrepTest {
    @TempDir
    Path dir;

    @Test
    void nothingOfADeletedPersonIsLeftInTheFileItsWalOrTheBackups() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2020-03-02T09:00:00Z"));
        Path folder = dir.resolve("lead");
        Files.createDirectories(folder);
        PersonalIdentityNumber number = PersonalIdentityNumber.of(LocalDate.of(1988, 3, 14), 108, false);
        String note = "Pratade om Zäta-cykelverkstaden";
        try (Database db = PlainDatabases.open(folder.resolve("lead.db"), clock)) {
            Coach me = new CoachService(db).begin("Gunilla Lind", "Jobbtorg Kista", Role.TEAM_LEAD);
            var caseload = new CaseloadService(db, clock);
            var workflow = new WorkflowService(db, clock);
            Participant asa = caseload.register(
                    new ParticipantDraft(number.display(), "Åsa", "Öberg", "070-1234567", null, null));
            var e = caseload.enrol(new EnrolmentDraft(
                    asa.id(),
                    me.id(),
                    LocalDate.of(2020, 3, 2),
                    "Försörjningsstöd Kista",
                    "Omar Farah",
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false));
            workflow.recordMeeting(new MeetingDraft(
                    e.id(),
                    null,
                    LocalDate.of(2020, 3, 2).atTime(10, 0),
                    MeetingKind.DESK,
                    null,
                    MeetingOutcome.ATTENDED,
                    null,
                    false,
                    note,
                    null,
                    null,
                    null));
            caseload.open(asa.id());
            clock.advance(Duration.ofDays(300));
            workflow.exit(new ExitDraft(
                    e.id(), clock.instant().atZone(clock.getZone()).toLocalDate(), ExitReason.UNSUBSIDISED_WORK, null));
            db.backup("daily");
            clock.advance(Duration.ofDays(365 * 6));
            Participant bo = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1979, 6, 2), 236, false)
                            .display(),
                    "Bo",
                    "Ekström",
                    null,
                    null,
                    null));
            db.backup("daily");

            List<String> secrets = List.of(number.normalised(), "Öberg", "öberg", "070-1234567", note);
            assertFalse(DiskBytes.find(folder, secrets).isEmpty(), "before: she is in the files (the grep can see)");

            var retention = new RetentionService(db, clock);
            var due = retention.due(RetentionService.DEFAULT_PERIOD);
            assertEquals(
                    List.of(asa.id()),
                    due.stream().map(RetentionDue::participantId).toList(),
                    "Bo is new");
            var deleted = retention.delete(List.of(asa.id()), RetentionService.DEFAULT_PERIOD);
            assertEquals(1, deleted.people());
            assertTrue(deleted.records() >= 3, "the person, the enrolment, the meeting");
            assertTrue(deleted.auditEntries() >= 3, "registered, enrolled, opened, ...: all from 2020");

            assertEquals(List.of(), DiskBytes.find(folder, secrets), "after: nothing of her anywhere");
            assertEquals(List.of(), retention.due(RetentionService.DEFAULT_PERIOD));
            assertTrue(caseload.participant(bo.id()).isPresent(), "Bo stays");
            assertFalse(caseload.participant(asa.id()).isPresent());
            assertTrue(DiskBytes.find(folder, List.of("Ekström")).size() >= 1, "and is still in the file");
        }
    }
}
