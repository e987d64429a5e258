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
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.service.WorkflowService;

/** The plan's forms without a window: the goal, a new activity, the approval. */
class PlanViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    ActivityPlan draft;

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

    @Test
    void theGoalAndWishesAreSavedAndTheFormIsCleanAgain() {
        PlanViewModel form = fx.model.plan;
        form.goal.set(PlanGoal.WORK);
        form.wishes.set("Vill arbeta inom barnomsorg");
        assertTrue(fx.model.hasUnsavedWork());
        // A reload of the same version keeps what is typed.
        fx.model.load();
        form.show(fx.model.workProperty().get().currentPlan().orElseThrow());
        assertEquals("Vill arbeta inom barnomsorg", form.wishes.get());

        form.save();

        ActivityPlan stored = fx.stored().currentPlan().orElseThrow();
        assertEquals(PlanGoal.WORK, stored.goal());
        assertEquals("Vill arbeta inom barnomsorg", stored.wishes());
        form.show(fx.model.workProperty().get().currentPlan().orElseThrow());
        assertEquals(PlanGoal.WORK, form.goal.get());
        assertFalse(fx.model.hasUnsavedWork());
    }

    @Test
    void anActivityIsCheckedBeforeItIsAddedAndThenListed() {
        ActivityViewModel form = fx.model.newActivity(draft);
        assertEquals(TODAY, form.start.get(), "an activity starts today unless said otherwise");
        assertFalse(fx.model.hasUnsavedWork(), "a default is nothing typed");
        form.kind.set(ActivityKind.OTHER);
        form.end.set(TODAY.minusDays(1));
        assertTrue(form.otherAsked.get());
        assertTrue(fx.model.hasUnsavedWork(), "an open dialog's text counts");
        List<Activity> saved = new ArrayList<>();

        form.save(saved::add);

        assertEquals(
                EN.get("activity.problem.otherText"),
                form.problems.of(ActivityDraft.FIELD_OTHER).get());
        assertEquals(
                EN.get("validation.required"),
                form.problems.of(ActivityDraft.FIELD_PROVIDER).get());
        assertEquals(
                EN.get("activity.problem.endBeforeStart", TODAY),
                form.problems.of(ActivityDraft.FIELD_END).get());
        assertEquals(List.of(), saved);

        form.otherText.set("Körkortsteori");
        form.provider.set("Trafikskolan Kista");
        form.end.set(TODAY.plusMonths(2));
        form.save(saved::add);

        assertEquals(1, saved.size());
        assertEquals(
                List.of(saved.get(0)),
                fx.model.workProperty().get().activitiesOf(draft.id()),
                "the plan's list shows it");
        assertFalse(fx.model.hasUnsavedWork(), "a saved dialog no longer counts");
    }

    @Test
    void approvalNeedsAGoalAndActivitiesAndSaysSoInTheDialog() {
        ApprovalViewModel form = fx.model.newApproval(draft);
        assertEquals("Omar Farah", form.approvedBy.get(), "the enrolment's social secretary is suggested");
        assertEquals(TODAY, form.approvedOn.get());
        List<ActivityPlan> approved = new ArrayList<>();

        form.save(approved::add);

        assertEquals(List.of(), approved);
        assertTrue(form.planProblems.get().contains(EN.get("plan.problem.noActivities")), form.planProblems.get());
        assertFalse(fx.stored().currentPlan().orElseThrow().isApproved());

        form.approvedOnUnreadable.set(true);
        form.save(approved::add);
        assertEquals(
                EN.get("validation.date"),
                form.problems.of(WorkflowService.FIELD_APPROVED_ON).get());

        fx.model.closed(form);
        assertFalse(fx.model.hasUnsavedWork(), "a cancelled dialog no longer counts");
        assertNull(fx.model.workProperty().get().currentPlan().orElseThrow().approvedOn());
    }

    @Test
    void aPlanWithoutAGoalIsSaidToLackOneBeforeTheApprovalDialogOpens() {
        PlanViewModel form = fx.model.plan;

        assertFalse(form.readyForApproval());
        assertEquals(EN.get("plan.problem.noGoal"), form.goalProblem.get());
        assertEquals(EN.get("plan.problem.noActivities"), form.activitiesProblem.get());

        form.goal.set(PlanGoal.values()[0]);
        assertEquals("", form.goalProblem.get(), "choosing a goal puts it right");
        assertFalse(form.readyForApproval());
        assertEquals(EN.get("plan.problem.goalNotSaved"), form.goalProblem.get(), "chosen, but not saved");
        form.save();
        ActivityViewModel activity = fx.model.newActivity(draft);
        activity.kind.set(ActivityKind.WORK_TRAINING);
        activity.provider.set("Stadsmissionen");
        activity.end.set(TODAY.plusMonths(3));
        activity.save(a -> {});
        form.show(fx.model.workProperty().get().currentPlan().orElseThrow());

        assertTrue(form.readyForApproval());
        assertEquals("", form.goalProblem.get());
        assertEquals("", form.activitiesProblem.get());
    }

    @Test
    void aFailedAddKeepsTheDialogsTextAndSaysWhy() {
        ActivityViewModel form = fx.model.newActivity(draft);
        form.kind.set(ActivityKind.WORK_TRAINING);
        form.provider.set("Stadsmissionen");
        form.end.set(TODAY.plusMonths(3));
        fx.breakTheStore();
        List<Activity> saved = new ArrayList<>();

        form.save(saved::add);

        assertEquals(List.of(), saved);
        assertEquals(EN.get("error.store"), form.problems.errorProperty().get());
        assertEquals("Stadsmissionen", form.provider.get());
        assertTrue(fx.model.hasUnsavedWork());
    }
}
