package se.jobbtorg.coach.ui.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** One participant's page without a window: who they are and their enrolments, newest first. */
class ParticipantViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    TestClock clock;
    Database db;
    CaseloadService caseload;
    CoachService coaches;
    Coach me;
    Participant amina;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(dir.resolve("person.db"), clock, TestPassphrase.get());
        caseload = new CaseloadService(db, clock);
        coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        amina = caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false).display(),
                "Amina",
                "Yilmaz",
                null,
                null,
                null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ParticipantViewModel page(UUID id) {
        ParticipantViewModel page = new ParticipantViewModel(caseload, coaches, tasks, errors::add, id);
        page.load();
        return page;
    }

    private Enrolment enrol(LocalDate on) {
        return caseload.enrol(TestDrafts.enrolment(amina.id(), me.id(), on));
    }

    @Test
    void aRegisteredPersonWithoutEnrolmentCanBeEnrolled() {
        ParticipantViewModel page = page(amina.id());

        assertEquals(amina, page.participantProperty().get());
        assertEquals(List.of(), page.enrolments());
        assertFalse(page.enrolledProperty().get());
        assertFalse(page.missingProperty().get());
        assertEquals(List.of(), errors);
    }

    @Test
    void theEnrolmentsShowNewestFirstWithTheirCoachAndDays() {
        WorkflowService workflow = new WorkflowService(db, clock);
        Enrolment old = enrol(TODAY.minusYears(1));
        workflow.exit(new ExitDraft(old.id(), TODAY.minusMonths(6), ExitReason.MOVED, "Flyttade till Göteborg"));
        Enrolment now = enrol(TODAY.minusDays(20));

        ParticipantViewModel page = page(amina.id());

        assertEquals(
                List.of(now.id(), old.id()),
                page.enrolments().stream().map(r -> r.enrolment().id()).toList());
        assertEquals("Linnea Ek", page.enrolments().get(0).coachName());
        assertEquals(20, page.enrolments().get(0).days());
        assertTrue(page.enrolledProperty().get(), "the newest is open: no new enrolment can start");

        clock.advance(Duration.ofDays(1));
        page.load();
        assertEquals(21, page.enrolments().get(0).days(), "a reload counts the days again");
    }

    @Test
    void aPersonNoLongerInTheDatabaseIsToldAsMissing() {
        ParticipantViewModel page = page(UUID.randomUUID());

        assertTrue(page.missingProperty().get());
        assertNull(page.participantProperty().get());
        assertEquals(List.of(), errors, "a missing person is no error dialog");
    }
}
