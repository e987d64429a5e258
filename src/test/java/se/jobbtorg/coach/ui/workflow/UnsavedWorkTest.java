package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.TODAY;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.ui.common.DialogService.Unsaved;

/**
 * The question before typed text would be discarded, without a window: what is asked, and what
 * each answer does to the text and to what was about to happen.
 */
class UnsavedWorkTest {
    private static final String WISHES = "Vill arbeta inom barnomsorg";

    @TempDir
    Path dir;

    WorkFixture fx;
    ActivityPlan draft;
    final List<String> asked = new ArrayList<>();
    final List<UnsavedWork.Holder> revealed = new ArrayList<>();
    int proceeded;

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        fx.model.draft(false);
        draft = fx.model.workProperty().get().currentPlan().orElseThrow();
        fx.model.plan.show(draft);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void closeAnswering(Unsaved answer) {
        UnsavedWork.thenRun(
                EN,
                List.of(new UnsavedWork.Holder("Yilmaz, Amina", fx.model)),
                true,
                text -> {
                    asked.add(text);
                    return answer;
                },
                revealed::add,
                () -> proceeded++);
    }

    @Test
    void nothingTypedNothingAsked() {
        closeAnswering(Unsaved.CANCEL);

        assertEquals(List.of(), asked);
        assertEquals(1, proceeded);
    }

    @Test
    void cancelKeepsTheTextAndStaysWhereItWas() {
        fx.model.plan.wishes.set(WISHES);

        closeAnswering(Unsaved.CANCEL);

        assertEquals(0, proceeded);
        assertEquals(WISHES, fx.model.plan.wishes.get());
        assertTrue(fx.model.hasUnsavedWork());
        assertNull(fx.stored().currentPlan().orElseThrow().wishes());
        assertEquals(
                List.of(EN.get(
                        "unsaved.text", "Yilmaz, Amina (" + EN.get("work.plan").replace("_", "") + ")")),
                asked,
                "the question names whose text it is and where");
    }

    @Test
    void saveStoresTheTextThenGoesOn() {
        fx.model.plan.goal.set(PlanGoal.WORK);
        fx.model.plan.wishes.set(WISHES);

        closeAnswering(Unsaved.SAVE);

        assertEquals(1, proceeded);
        ActivityPlan stored = fx.stored().currentPlan().orElseThrow();
        assertEquals(PlanGoal.WORK, stored.goal());
        assertEquals(WISHES, stored.wishes());
        assertFalse(fx.model.hasUnsavedWork());
    }

    @Test
    void discardGoesOnWithoutStoring() {
        fx.model.plan.wishes.set(WISHES);

        closeAnswering(Unsaved.DISCARD);

        assertEquals(1, proceeded);
        assertNull(fx.stored().currentPlan().orElseThrow().wishes());
    }

    @Test
    void aSaveRefusedStopsThereWithTheTextKept() {
        MappingViewModel mapping = fx.model.mapping;
        mapping.select(fx.model.workProperty().get().mapping().get(MappingArea.SWEDISH));
        mapping.text.set("SFI kurs D");
        mapping.dateUnreadable.set(true);

        closeAnswering(Unsaved.SAVE);

        assertEquals(0, proceeded, "nothing closes while a field is wrong");
        assertEquals("SFI kurs D", mapping.text.get());
        assertEquals(EN.get("validation.date"), mapping.dateProblem.get());
        assertEquals(1, revealed.size(), "the page with the problem is shown");
        assertEquals(List.of(WorkTab.MAPPING), fx.model.unsavedTabs());
    }

    @Test
    void savingAHalfFilledExitFromTheQuestionChecksItFirst() {
        List<String> questions = new ArrayList<>();
        fx.model.exit.confirmWith((title, question, yes) -> questions.add(question));
        fx.model.exit.reason.set(ExitReason.UNKNOWN);

        closeAnswering(Unsaved.SAVE);

        assertEquals(0, proceeded, "nothing closes while the note is missing");
        assertEquals(List.of(), questions, "no question about an exit that cannot be saved");
        assertEquals(
                EN.get("exit.problem.unknownNeedsNote"),
                fx.model.exit.problems.of(ExitDraft.FIELD_NOTE).get());
        assertTrue(fx.stored().enrolment().isOpen());
        assertEquals(List.of(WorkTab.EXIT), fx.model.unsavedTabs());
    }

    @Test
    void savingAnExitFromTheQuestionAsksAsTheExitButtonDoes() {
        List<String> questions = new ArrayList<>();
        boolean[] answer = {false};
        fx.model.exit.confirmWith((title, question, yes) -> {
            questions.add(question);
            return answer[0];
        });
        fx.model.exit.reason.set(ExitReason.UNSUBSIDISED_WORK);
        String question = EN.get("exit.confirm.text", TODAY, EN.of(ExitReason.UNSUBSIDISED_WORK));

        closeAnswering(Unsaved.SAVE);

        assertEquals(List.of(question), questions, "the exit button's own question");
        assertEquals(0, proceeded, "a no keeps the window and the form");
        assertTrue(fx.stored().enrolment().isOpen());
        assertTrue(fx.model.hasUnsavedWork());

        answer[0] = true;
        closeAnswering(Unsaved.SAVE);

        assertEquals(1, proceeded);
        assertEquals(ExitReason.UNSUBSIDISED_WORK, fx.stored().enrolment().exitReason());
    }

    @Test
    void theGoalTypedStaysWhenAnActivityIsAddedAndThePlanReadAgain() {
        fx.model.plan.wishes.set(WISHES);

        fx.workflow.addActivity(
                draft.id(),
                new ActivityDraft(ActivityKind.COACHING, null, "Komvux Kista", null, TODAY, TODAY.plusMonths(3)));
        fx.model.load();
        fx.model.plan.show(fx.model.workProperty().get().currentPlan().orElseThrow());

        assertEquals(WISHES, fx.model.plan.wishes.get());
        assertFalse(fx.model.plan.wouldDiscard(draft), "the same version");
    }

    @Test
    void fillingAFormFromTheStoreNeverCountsAsTyped() {
        List<Boolean> seen = new ArrayList<>();
        fx.model.unsavedProperty().addListener((o, was, now) -> seen.add(now));
        MappingViewModel mapping = fx.model.mapping;

        for (MappingArea area : MappingArea.values()) {
            mapping.select(fx.model.workProperty().get().mapping().get(area));
        }
        fx.model.load();

        assertEquals(List.of(), seen, "no area shown blinks as unsaved");
    }
}
