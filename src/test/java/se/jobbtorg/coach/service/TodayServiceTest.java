package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.MeetingOutcome;
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
}
