package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
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
 * Today is read for the whole caseload at once; what it lists must be what each enrolment's own
 * work says is due, with the reasons given, for every coach of a small city, some of whose
 * meetings were entered in error.
 */
class TodayServiceTest {
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void todayListsWhatEachEnrolmentsOwnWorkHasDueWithTheReasonsGiven() {
        try (Database db = Database.open(dir.resolve("city.db"), CLOCK, TestPassphrase.get())) {
            new SyntheticCity(db, 5, LocalDate.now(CLOCK)).build(300);
            WorkflowService workflow = new WorkflowService(db, CLOCK);
            TodayService today = new TodayService(db, CLOCK, workflow);
            CaseloadService caseload = new CaseloadService(db, CLOCK);
            List<Coach> coaches = new CoachService(db).coaches();
            // Reasons for some passed deadlines, one of them given twice (the latest counts).
            int given = 0;
            for (Coach c : coaches) {
                for (var item : today.today(c.id())) {
                    if (item.due().overdue() && given++ % 3 == 0) {
                        workflow.giveReason(item.due(), "Sjuk, åter nästa vecka");
                        if (given % 2 == 0) {
                            workflow.giveReason(item.due(), "Flyttat mötet, ny tid bokad");
                        }
                    }
                }
            }
            assertTrue(given > 3, "the city has passed deadlines: " + given);
            // Some meetings entered in error, planned and held: Today and the calendar must
            // leave them out as each enrolment's own page does (a voided outcome reopens its plan).
            int seen = 0;
            int voidedPlanned = 0;
            for (Coach c : coaches) {
                for (var entry : caseload.caseload(c.id(), "")) {
                    var work = workflow.work(entry.latestEnrolment().id());
                    if (!work.enrolment().isOpen()) {
                        continue;
                    }
                    for (var m : work.meetings()) {
                        if (seen++ % 3 == 0) {
                            workflow.voidMeeting(m.id(), "Fel deltagare", c.id());
                            voidedPlanned += m.outcome() == MeetingOutcome.PLANNED ? 1 : 0;
                        }
                    }
                }
            }
            assertTrue(voidedPlanned > 2, "planned meetings voided: " + voidedPlanned);
            int items = 0;
            for (Coach c : coaches) {
                List<TodayService.TodayItem> expected = new ArrayList<>();
                List<TodayService.PlannedMeeting> planned = new ArrayList<>();
                for (var entry : caseload.caseload(c.id(), "")) {
                    Enrolment e = entry.latestEnrolment();
                    var work = workflow.work(e.id());
                    for (Due due : work.due()) {
                        expected.add(new TodayService.TodayItem(
                                entry.participant(),
                                e,
                                due,
                                due.overdue()
                                        ? workflow.reason(e.id(), due.kind(), due.dueOn())
                                                .orElse(null)
                                        : null));
                    }
                    work.meetings().stream()
                            .filter(m -> m.outcome() == MeetingOutcome.PLANNED
                                    && !m.at().toLocalDate().isBefore(LocalDate.now(CLOCK)))
                            .forEach(m -> planned.add(new TodayService.PlannedMeeting(entry.participant(), m)));
                }
                var actual = today.today(c.id());
                Comparator<TodayService.TodayItem> order = Comparator.comparing(
                                (TodayService.TodayItem i) -> !i.due().overdue())
                        .thenComparing(i -> i.due().dueOn())
                        .thenComparing(i -> i.participant().listName())
                        .thenComparing(i -> i.enrolment().id())
                        .thenComparing(i -> i.due().kind());
                assertEquals(
                        expected.stream().sorted(order).toList(),
                        actual.stream().sorted(order).toList());
                Comparator<TodayService.TodayItem> shown = Comparator.comparing(
                                (TodayService.TodayItem i) -> !i.due().overdue())
                        .thenComparing(i -> i.due().dueOn())
                        .thenComparing(i -> i.participant().listName());
                assertEquals(actual.stream().sorted(shown).toList(), actual, "overdue first, then by date and name");
                Comparator<TodayService.PlannedMeeting> byTime = Comparator.comparing(
                                (TodayService.PlannedMeeting m) -> m.meeting().at())
                        .thenComparing(m -> m.meeting().id());
                assertEquals(
                        planned.stream().sorted(byTime).toList(),
                        today.plannedMeetings(c.id()).stream().sorted(byTime).toList());
                items += actual.size();
            }
            assertTrue(items >= 15, "enough to compare: " + items);
        }
    }

    /**
     * The reminders, each on the day the rules say: a person never enrolled, the check due after an
     * exit (not one already made, not a colleague's), a meeting whose day passed without an outcome
     * and the duty to take part not yet explained. Today lists them with the deadlines.
     */
    @Test
    void theRemindersComeFromTheRulesAndTodayListsThemWithTheDeadlines() {
        TestClock clock = new TestClock(Instant.parse("2026-08-01T08:00:00Z"));
        try (Database db = Database.open(dir.resolve("reminders.db"), clock, TestPassphrase.get())) {
            CaseloadService caseload = new CaseloadService(db, clock);
            WorkflowService workflow = new WorkflowService(db, clock);
            TodayService today = new TodayService(db, clock, workflow);
            CoachService coaches = new CoachService(db);
            Coach me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            Coach colleague = coaches.addCoach("Jonas Berg", "Jobbtorg Kista");
            LocalDate start = LocalDate.of(2026, 8, 1);
            Participant registered = person(caseload, 1991, 118, "Saga", "Öberg");
            Enrolment unchecked = enrol(caseload, person(caseload, 1985, 224, "Omar", "Haddad"), me, start);
            Enrolment checked = enrol(caseload, person(caseload, 1979, 336, "Eva", "Lind"), me, start);
            Enrolment colleagues = enrol(caseload, person(caseload, 1990, 442, "Ali", "Nur"), colleague, start);
            for (Enrolment e : List.of(unchecked, checked, colleagues)) {
                workflow.exit(new ExitDraft(e.id(), start, ExitReason.STUDIES, null));
            }
            clock.advance(java.time.Duration.ofDays(40));
            workflow.checkExit(checked.id(), ExitCheck.IN_WORK_OR_STUDIES, LocalDate.now(clock));
            Enrolment open =
                    enrol(caseload, person(caseload, 1988, 554, "Dragan", "Petrović"), me, LocalDate.now(clock));
            workflow.recordMeeting(TestDrafts.meeting(
                    open.id(),
                    LocalDate.now(clock).plusDays(2).atTime(10, 0),
                    MeetingKind.DESK,
                    MeetingOutcome.PLANNED));
            clock.advance(java.time.Duration.ofDays(8));
            LocalDate day = LocalDate.now(clock);

            var reminders = today.reminders(me.id());

            assertEquals(
                    List.of(
                            "Haddad, Omar EXIT_CHECK_DUE 2026-09-01 late",
                            "Petrović, Dragan DUTY_NOT_EXPLAINED 2026-09-15 late",
                            "Petrović, Dragan MEETING_WITHOUT_OUTCOME 2026-09-12 late",
                            "Öberg, Saga NOT_ENROLLED " + day + " due"),
                    reminders.stream()
                            .map(i -> i.participant().listName() + " " + i.due().kind() + " "
                                    + i.due().dueOn() + " " + (i.due().overdue() ? "late" : "due"))
                            .sorted()
                            .toList());
            assertEquals(
                    null,
                    reminders.stream()
                            .filter(i -> i.participant().id().equals(registered.id()))
                            .findFirst()
                            .orElseThrow()
                            .enrolment(),
                    "a person never enrolled has no enrolment to open");
            assertEquals(
                    Set.copyOf(workflow.work(open.id()).reminders()),
                    reminders.stream()
                            .filter(i ->
                                    i.enrolment() != null && i.enrolment().id().equals(open.id()))
                            .map(TodayService.TodayItem::due)
                            .collect(Collectors.toSet()),
                    "read for the caseload as the enrolment's own work says");
            assertEquals(
                    List.of(DeadlineKind.EXIT_CHECK_DUE),
                    kinds(workflow.work(unchecked.id()).open()));
            var all = today.worklist(me.id());
            assertEquals(today.today(me.id()).size() + reminders.size(), all.size());
            assertTrue(all.containsAll(reminders) && all.containsAll(today.today(me.id())));
            assertTrue(
                    all.stream().map(i -> i.due().kind()).anyMatch(DeadlineKind.PLAN_DUE::equals),
                    "the deadlines are there too: " + all);

            // Enrolled now: the reminder to enrol her goes at once, though the list of people never
            // enrolled was just read (it is kept only while nothing is committed).
            enrol(caseload, registered, me, day);
            assertTrue(
                    today.worklist(me.id()).stream().noneMatch(i -> i.due().kind() == DeadlineKind.NOT_ENROLLED),
                    "no one left to enrol");
        }
    }

    private static List<DeadlineKind> kinds(List<Due> due) {
        return due.stream().map(Due::kind).toList();
    }

    private static Participant person(CaseloadService caseload, int year, int serial, String first, String last) {
        return caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(year, 4, 2), serial, false)
                        .display(),
                first,
                last,
                null,
                null,
                null));
    }

    private static Enrolment enrol(CaseloadService caseload, Participant p, Coach coach, LocalDate on) {
        return caseload.enrol(TestDrafts.enrolment(p.id(), coach.id(), on));
    }
}
