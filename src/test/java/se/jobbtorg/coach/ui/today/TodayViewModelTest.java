package se.jobbtorg.coach.ui.today;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/**
 * Today without a window: what is due for the coach using the program, and the reason asked for
 * when a deadline has passed. The items are read through {@link #due} and {@link #enrolmentOf}
 * only, so a change of the row's type touches those two lines.
 */
class TodayViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Database db;
    CaseloadService caseload;
    WorkflowService workflow;
    Coach me;
    Enrolment late;
    Enrolment fresh;
    Enrolment colleagues;
    TodayViewModel today;
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(dir.resolve("today.db"), clock, TestPassphrase.get());
        caseload = new CaseloadService(db, clock);
        workflow = new WorkflowService(db, clock);
        CoachService coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        Coach colleague = coaches.addCoach("Jonas Berg", "Jobbtorg Kista");
        late = enrol(person(1990, 388, "Amina", "Yilmaz"), me, TODAY.minusDays(90));
        fresh = enrol(person(1984, 512, "Jonas", "Åberg"), me, TODAY.minusDays(2));
        colleagues = enrol(person(1979, 604, "Yusuf", "Yildiz"), colleague, TODAY.minusDays(90));
        today = new TodayViewModel(
                new TodayService(db, clock, workflow), workflow, me::id, new SameThreadTaskRunner(), errors::add);
        today.refresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Participant person(int year, int serial, String first, String last) {
        return caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(year, 4, 2), serial, false)
                        .display(),
                first,
                last,
                null,
                null,
                null));
    }

    private Enrolment enrol(Participant p, Coach coach, LocalDate on) {
        return caseload.enrol(TestDrafts.enrolment(p.id(), coach.id(), on));
    }

    private static Due due(Object item) {
        return ((TodayRow) item).due();
    }

    private static UUID enrolmentOf(Object item) {
        return ((TodayRow) item).enrolmentId();
    }

    private Object firstOverdue() {
        return today.items().stream().filter(i -> due(i).overdue()).findFirst().orElseThrow();
    }

    @Test
    void todayListsWhatIsDueInMyCaseloadOverdueFirst() {
        Set<Due> expected = new HashSet<>(workflow.work(late.id()).open());
        expected.addAll(workflow.work(fresh.id()).open());

        List<Due> shown = today.items().stream().map(TodayViewModelTest::due).toList();

        assertEquals(expected, Set.copyOf(shown), "what each of my enrolments' own work has due");
        assertFalse(shown.stream().anyMatch(d -> d.enrolmentId().equals(colleagues.id())), "not a colleague's");
        assertTrue(shown.stream().anyMatch(Due::overdue), "ninety days without a mapping is late: " + shown);
        int firstNotOverdue = shown.indexOf(
                shown.stream().filter(d -> !d.overdue()).findFirst().orElse(null));
        assertTrue(
                firstNotOverdue < 0
                        || shown.subList(firstNotOverdue, shown.size()).stream().noneMatch(Due::overdue),
                "the overdue come first: " + shown);
        assertEquals(
                Set.of(late.id()),
                today.items().stream()
                        .filter(i -> due(i).overdue())
                        .map(TodayViewModelTest::enrolmentOf)
                        .collect(Collectors.toSet()));
        assertEquals(List.of(), errors);
    }

    @Test
    void aDayWithNothingDueIsReadAsOneAndNotLeftWaiting() {
        CoachService coaches = new CoachService(db);
        Coach newcomer = coaches.addCoach("Sara Holm", "Jobbtorg Kista");
        TodayViewModel empty = new TodayViewModel(
                new TodayService(db, new TestClock(Instant.parse("2026-11-24T09:30:00Z")), workflow),
                workflow,
                newcomer::id,
                new SameThreadTaskRunner(),
                errors::add);
        assertFalse(empty.read().get(), "not read before the first refresh");
        empty.refresh();
        assertTrue(empty.read().get(), "read: the screen can say that nothing is due");
        assertEquals(List.of(), List.copyOf(empty.items()));
        assertTrue(today.read().get(), "the coach with work: read too");
        assertEquals(List.of(), errors);
    }

    @Test
    void actingOnAPassedDeadlineAsksForAReasonAndAnEmptyOneIsRefused() {
        Object item = firstOverdue();
        assertTrue(needsReason(item), "a passed deadline asks why before the coach acts on it");
        FieldProblems problems = new FieldProblems(EN);
        // The dialog asks for the field's problem before it saves, as the view binds it.
        StringProperty reasonProblem = problems.of(WorkflowService.FIELD_REASON);
        List<String> then = new ArrayList<>();

        give(item, "   ", problems, () -> then.add("closed"));

        assertEquals(EN.get("today.problem.reasonRequired"), reasonProblem.get());
        assertEquals(List.of(), then, "the question stays open");
        assertTrue(
                workflow.reason(late.id(), due(item).kind(), due(item).dueOn()).isEmpty());
        assertEquals(List.of(), errors, "a refusal is told under the field, not in a dialog");
    }

    @Test
    void aGivenReasonIsSavedWithTheDeadlineAndIsNotAskedForAgain() {
        Object item = firstOverdue();
        Due due = due(item);
        List<String> then = new ArrayList<>();

        give(item, " Sjuk, åter nästa vecka ", new FieldProblems(EN), () -> then.add("closed"));

        assertEquals(List.of("closed"), then);
        assertEquals(
                "Sjuk, åter nästa vecka",
                workflow.reason(late.id(), due.kind(), due.dueOn()).orElseThrow());
        Object again = today.items().stream()
                .filter(i -> due(i).equals(due))
                .findFirst()
                .orElseThrow();
        assertFalse(needsReason(again), "the list was read again and knows the reason");
        assertEquals(List.of(), errors);
    }

    @Test
    void anItemNotYetDueNeedsNoReason() {
        today.items().stream()
                .filter(i -> !due(i).overdue())
                .forEach(i -> assertFalse(needsReason(i), "only a passed deadline asks: " + due(i)));
    }

    @Test
    void theListNarrowsByKindAndByWhenAndKeepsEachPersonsItemsTogether() {
        assertTrue(today.shown().size() > 2, "enough to narrow: " + today.shown());
        for (TodayRow row : today.items()) {
            long days = ChronoUnit.DAYS.between(row.due().dueOn(), TODAY);
            assertEquals(row.due().overdue() ? days : 0, row.daysLate(), "days late: " + row);
        }
        today.horizon().set(TodayViewModel.Horizon.OVERDUE);
        assertFalse(today.shown().isEmpty());
        assertTrue(today.shown().stream().allMatch(r -> r.due().overdue()), "only the late: " + today.shown());
        today.horizon().set(TodayViewModel.Horizon.THIS_WEEK);
        // 2026-11-24 is a Tuesday: the week ends on Sunday the 29th.
        assertTrue(
                today.shown().stream()
                        .allMatch(r -> !r.due().overdue() && !r.due().dueOn().isAfter(LocalDate.of(2026, 11, 29))),
                "this week: " + today.shown());
        assertTrue(today.shown().stream().anyMatch(r -> r.enrolmentId().equals(fresh.id())), "the plan due in 3 days");
        today.horizon().set(TodayViewModel.Horizon.LATER);
        assertTrue(today.shown().stream().allMatch(r -> r.due().dueOn().isAfter(LocalDate.of(2026, 11, 29))));
        today.horizon().set(TodayViewModel.Horizon.ALL);
        DeadlineKind kind = today.items().get(0).due().kind();
        today.kind().set(kind);
        assertEquals(
                today.items().stream().filter(r -> r.due().kind() == kind).toList(),
                List.copyOf(today.shown()),
                "one kind, in the same order");
        today.kind().set(null);
        assertEquals(today.items().size(), today.shown().size());

        today.byPerson().set(true);

        List<String> people = today.shown().stream().map(TodayRow::listName).toList();
        List<String> grouped = new ArrayList<>(new java.util.LinkedHashSet<>(people));
        assertEquals(grouped.stream().sorted(SwedishText::compare).toList(), grouped, "people in Swedish order");
        for (String person : grouped) {
            assertEquals(
                    people.lastIndexOf(person) - people.indexOf(person) + 1,
                    people.stream().filter(person::equals).count(),
                    person + "'s items together: " + people);
        }
        var within = today.shown().stream()
                .filter(r -> r.enrolmentId().equals(late.id()))
                .toList();
        assertEquals(within.stream().sorted(TodayViewModel.BY_DATE).toList(), within, "overdue first within a person");
    }

    private static boolean needsReason(Object item) {
        return TodayViewModel.needsReason((TodayRow) item);
    }

    private void give(Object item, String reason, FieldProblems problems, Runnable then) {
        today.giveReason((TodayRow) item, reason, problems, then);
    }
}
