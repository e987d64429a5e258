package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.store.Database;

/**
 * The caseload list at a glance (issue 14): each row's first deadline or reminder as Today has
 * it, the next meeting and the last contact; a coach's list keeps the people they exited until
 * the check a month after is done (at most as long as Today reminds of it); and four digits or
 * more from inside a personal identity number find the person.
 */
class CaseloadOverviewTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Database db;
    CaseloadService caseload;
    WorkflowService workflow;
    TodayService today;
    Coach me;
    Coach colleague;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("overview.db"), CLOCK, TestPassphrase.get());
        caseload = new CaseloadService(db, CLOCK);
        workflow = new WorkflowService(db, CLOCK);
        today = new TodayService(db, CLOCK, workflow);
        CoachService coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        colleague = coaches.addCoach("Karim Haddad", "Jobbtorg Kista");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Participant person(String first, String last, LocalDate born, int serial) {
        return caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(born, serial, false).display(), first, last, null, null, null));
    }

    private Enrolment enrol(Participant p, Coach coach, LocalDate on) {
        return caseload.enrol(TestDrafts.enrolment(p.id(), coach.id(), on));
    }

    private Enrolment exited(String first, String last, int serial, Coach coach, int daysAgo) {
        Enrolment e = enrol(person(first, last, LocalDate.of(1980, 1, 1), serial), coach, TODAY.minusDays(300));
        workflow.exit(new ExitDraft(e.id(), TODAY.minusDays(daysAgo), ExitReason.STUDIES, null));
        return e;
    }

    private static Map<String, CaseloadEntry> byName(List<CaseloadEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.participant().listName(), Function.identity()));
    }

    private static List<String> names(List<CaseloadEntry> entries) {
        return entries.stream().map(e -> e.participant().listName()).toList();
    }

    @Test
    void eachRowShowsItsFirstDeadlineTheNextMeetingAndTheLastContactAsTodayAndThePageDo() {
        Enrolment late = enrol(person("Amina", "Yilmaz", LocalDate.of(1990, 9, 17), 388), me, TODAY.minusDays(20));
        workflow.recordMeeting(TestDrafts.meeting(
                late.id(), TODAY.minusDays(10).atTime(10, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED));
        var wrong = workflow.recordMeeting(TestDrafts.meeting(
                late.id(), TODAY.minusDays(3).atTime(13, 0), MeetingKind.PHONE, MeetingOutcome.ATTENDED));
        workflow.voidMeeting(wrong.id(), "Gällde en annan aspirant", me.id());
        workflow.recordMeeting(TestDrafts.meeting(
                late.id(), TODAY.plusDays(9).atTime(14, 0), MeetingKind.DESK, MeetingOutcome.PLANNED));
        workflow.recordMeeting(TestDrafts.meeting(
                late.id(), TODAY.plusDays(2).atTime(9, 15), MeetingKind.PHONE, MeetingOutcome.PLANNED));
        Enrolment fresh = enrol(person("Omar", "Farah", LocalDate.of(1985, 5, 12), 224), me, TODAY);
        Participant waiting = person("Saga", "Öberg", LocalDate.of(1991, 4, 2), 118);

        Map<String, CaseloadEntry> rows = byName(caseload.caseload(null, ""));

        CaseloadEntry amina = rows.get("Yilmaz, Amina");
        // Today's list for the same person: the row shows its first item.
        Due first = today.worklist(me.id()).stream()
                .filter(i -> i.enrolment() != null && i.enrolment().id().equals(late.id()))
                .map(TodayService.TodayItem::due)
                .findFirst()
                .orElseThrow();
        assertEquals(first, amina.nextDue());
        assertEquals(DeadlineKind.PLAN_DUE, amina.nextDue().kind(), "no plan 15 days after the fifth day");
        assertTrue(amina.nextDue().overdue());
        assertEquals(
                TODAY.plusDays(2).atTime(9, 15), amina.nextMeeting().at(), "the first planned, not the first made");
        assertEquals(TODAY.minusDays(10), amina.lastContact(), "the meeting entered in error is no contact");

        CaseloadEntry omar = rows.get("Farah, Omar");
        assertEquals(DeadlineKind.PLAN_DUE, omar.nextDue().kind());
        assertEquals(TODAY.plusDays(5), omar.nextDue().dueOn());
        assertTrue(!omar.nextDue().overdue());
        assertNull(omar.nextMeeting());
        assertNull(omar.lastContact());

        CaseloadEntry saga = rows.get(waiting.listName());
        assertEquals(DeadlineKind.NOT_ENROLLED, saga.nextDue().kind(), "to be enrolled, as Today reminds");

        assertEquals(
                amina.nextDue(),
                byName(caseload.caseload(me.id(), "")).get("Yilmaz, Amina").nextDue());
        assertEquals(
                fresh.id(),
                byName(caseload.caseload(me.id(), "far"))
                        .get("Farah, Omar")
                        .latestEnrolment()
                        .id());
    }

    @Test
    void aGlanceReadBeforeAChangeIsNeverShownAfterIt() {
        Enrolment e = enrol(person("Amina", "Yilmaz", LocalDate.of(1990, 9, 17), 388), me, TODAY.minusDays(20));
        CaseloadEntry before = caseload.caseload(me.id(), "").get(0);
        assertNull(before.nextMeeting());
        assertEquals(before.nextDue(), caseload.caseload(me.id(), "yil").get(0).nextDue(), "read again unchanged");

        var planned = workflow.recordMeeting(
                TestDrafts.meeting(e.id(), TODAY.plusDays(2).atTime(9, 15), MeetingKind.PHONE, MeetingOutcome.PLANNED));
        assertEquals(
                TODAY.plusDays(2).atTime(9, 15),
                caseload.caseload(me.id(), "").get(0).nextMeeting().at());
        assertEquals(
                TODAY.plusDays(2).atTime(9, 15),
                caseload.caseload(null, "yil").get(0).nextMeeting().at(),
                "the search's glance too");

        workflow.voidMeeting(planned.id(), "Fel aspirant", me.id());
        assertNull(caseload.caseload(me.id(), "").get(0).nextMeeting());
    }

    @Test
    void aGlanceKeptFromYesterdayIsNotShownToday() {
        TestClock clock = new TestClock(CLOCK.instant());
        CaseloadService list = new CaseloadService(db, clock);
        enrol(person("Omar", "Farah", LocalDate.of(1985, 5, 12), 224), me, TODAY);
        assertTrue(!list.caseload(me.id(), "").get(0).nextDue().overdue(), "the plan is due in five days");

        clock.advance(Duration.ofDays(6));
        Due due = list.caseload(me.id(), "").get(0).nextDue();
        assertEquals(TODAY.plusDays(5), due.dueOn());
        assertTrue(due.overdue(), "nothing changed in the file, but the day did");
    }

    @Test
    void myListKeepsThoseIExitedUntilTheirCheckIsDoneAsLongAsTodayRemindsOfIt() {
        exited("Eva", "Lind", 336, me, 10); // the check is not yet due: still mine
        Enrolment due = exited("Ali", "Nur", 442, me, 40); // due and not done
        Enrolment checked = exited("Lina", "Berg", 554, me, 40);
        workflow.checkExit(checked.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY);
        exited("Jon", "Sten", 660, me, 100); // past the three months: Today no longer reminds
        exited("Ida", "Ek", 772, colleague, 40);
        enrol(person("Sara", "Nilsson", LocalDate.of(1992, 5, 5), 12), me, TODAY.minusDays(3));

        List<CaseloadEntry> mine = caseload.caseload(me.id(), "");

        assertEquals(List.of("Lind, Eva", "Nilsson, Sara", "Nur, Ali"), names(mine));
        CaseloadEntry ali = byName(mine).get("Nur, Ali");
        assertEquals(DeadlineKind.EXIT_CHECK_DUE, ali.nextDue().kind());
        assertEquals(TODAY.minusDays(40).plusMonths(1), ali.nextDue().dueOn());
        assertTrue(ali.nextDue().overdue());
        assertTrue(
                today.reminders(me.id()).stream()
                        .anyMatch(
                                i -> i.enrolment() != null && i.enrolment().id().equals(due.id())),
                "Today reminds of the same check");
        assertEquals(List.of("Nur, Ali"), names(caseload.caseload(me.id(), "nur")), "searched too");
        assertEquals(List.of("Nilsson, Sara"), names(caseload.enrolledWith(me.id(), "")), "a team lead's look: open");

        // Everyone's list shows the checked exit too, without the reminder of its check.
        CaseloadEntry lina = byName(caseload.caseload(null, "berg")).get("Berg, Lina");
        assertTrue(lina.exitChecked());
        assertTrue(lina.nextDue() == null || lina.nextDue().kind() != DeadlineKind.EXIT_CHECK_DUE, "checked");

        // The check entered in error: the person is back until it is made again.
        workflow.undoExitCheck(checked.id(), "Fel aspirant", me.id());
        assertTrue(names(caseload.caseload(me.id(), "")).contains("Berg, Lina"));
        lina = byName(caseload.caseload(null, "berg")).get("Berg, Lina");
        assertFalse(lina.exitChecked());
        assertEquals(DeadlineKind.EXIT_CHECK_DUE, lina.nextDue().kind(), "everyone's list reminds again");
    }

    @Test
    void aPersonBackWithMeIsListedOnce() {
        Participant p = person("Hodan", "Warsame", LocalDate.of(1999, 9, 9), 3);
        Enrolment first = enrol(p, me, TODAY.minusDays(200));
        workflow.exit(new ExitDraft(first.id(), TODAY.minusDays(30), ExitReason.MOVED, null));
        Enrolment again = enrol(p, me, TODAY.minusDays(5));

        List<CaseloadEntry> mine = caseload.caseload(me.id(), "");
        assertEquals(List.of("Warsame, Hodan"), names(mine));
        assertEquals(again.id(), mine.get(0).latestEnrolment().id());
        assertEquals(List.of("Warsame, Hodan"), names(caseload.caseload(me.id(), "hod")));
    }

    @Test
    void fourDigitsOrMoreFromInsideTheNumberFindThePerson() {
        Participant omar = person("Omar", "Farah", LocalDate.of(1985, 5, 12), 224);
        person("Eva", "Lind", LocalDate.of(1979, 12, 5), 336);
        String digits = omar.personalNumber().normalised(); // 19850512NNNN
        enrol(omar, me, TODAY.minusDays(3));

        assertEquals(List.of("Farah, Omar"), names(caseload.caseload(null, "0512")), "the birthday");
        assertEquals(List.of("Farah, Omar"), names(caseload.caseload(me.id(), "0512")), "in my list too");
        assertEquals(List.of("Farah, Omar"), names(caseload.caseload(null, digits.substring(6, 10))), "across");
        assertEquals(
                List.of("Farah, Omar"),
                names(caseload.caseload(null, "0512-" + digits.substring(8, 10))),
                "the dash is ignored");
        assertEquals(List.of("Farah, Omar"), names(caseload.caseload(null, "omar " + digits.substring(3, 9))));
        assertEquals(List.of(), names(caseload.caseload(null, "051")), "three digits inside are too few");
        assertEquals(List.of(), names(caseload.caseload(null, "eva 0512")));
        assertTrue(caseload.anyone("0512"));
    }
}
