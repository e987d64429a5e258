package se.jobbtorg.coach.ui.workflow;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/** The plan's own form: the goal and the person's wishes, of the version shown. */
final class PlanViewModel {
    private final WorkViewModel parent;

    /** The version shown; the goal form edits it while it is a draft. */
    final ObjectProperty<ActivityPlan> version = new SimpleObjectProperty<>();

    final ObjectProperty<PlanGoal> goal = new SimpleObjectProperty<>();
    final StringProperty wishes = new SimpleStringProperty("");

    final FieldProblems problems;
    final StringProperty goalProblem;
    /** A refusal about the activities (e.g. none when approving) shows under their table. */
    final StringProperty activitiesProblem;

    final DirtyFlag dirty;
    final BooleanBinding canSave;

    PlanViewModel(WorkViewModel parent) {
        this.parent = parent;
        this.problems = new FieldProblems(parent.i18n());
        this.goalProblem = problems.of(WorkflowService.FIELD_GOAL);
        this.activitiesProblem = problems.of(WorkflowService.FIELD_ACTIVITIES);
        this.dirty = new DirtyFlag(goal, wishes);
        this.canSave = version.isNotNull().and(problems.savingProperty().not());
        problems.watch(WorkflowService.FIELD_GOAL, goal);
    }

    /**
     * Shows a version. What the coach has typed but not saved survives a reload of the same,
     * unchanged version; another version, or a changed one, is shown as stored.
     */
    void show(ActivityPlan plan) {
        problems.show(List.of());
        // The same version by its id: a reload after an activity was added is the same version,
        // and the goal typed meanwhile stays (it is not saved behind the coach's back).
        boolean same = plan != null
                && version.get() != null
                && plan.id().equals(version.get().id())
                && plan.version() == version.get().version();
        version.set(plan);
        if (same && dirty.isDirty()) {
            return;
        }
        dirty.refill(() -> {
            goal.set(plan == null ? null : plan.goal());
            wishes.set(plan == null || plan.wishes() == null ? "" : plan.wishes());
        });
    }

    /** True when showing this version instead would discard what is typed in the goal form. */
    boolean wouldDiscard(ActivityPlan next) {
        ActivityPlan shown = version.get();
        return dirty.isDirty() && shown != null && (next == null || !next.id().equals(shown.id()));
    }

    /**
     * Before the approval dialog opens: what the plan itself lacks (a goal, an activity) is
     * said here, next to the goal and the activities, where it can be put right; the dialog
     * asks only who approved and when. False, with the problems shown, when it is not ready.
     */
    boolean readyForApproval() {
        ActivityPlan plan = version.get();
        WorkPage page = parent.pageProperty().get();
        if (plan == null || page == null) {
            return false;
        }
        List<Problem> found = new ArrayList<>();
        if (goal.get() == null) {
            found.add(Problem.of(WorkflowService.FIELD_GOAL, "plan.problem.noGoal"));
        } else if (goal.get() != plan.goal()) {
            found.add(Problem.of(WorkflowService.FIELD_GOAL, "plan.problem.goalNotSaved"));
        }
        if (page.activitiesOf(plan.id()).isEmpty()) {
            found.add(Problem.of(WorkflowService.FIELD_ACTIVITIES, "plan.problem.noActivities"));
        }
        problems.show(found);
        return found.isEmpty();
    }

    /** Saves the goal and the wishes of the version shown. */
    void save() {
        save(() -> {});
    }

    /** The same; after runs once they are stored (not after a refusal or a failure). */
    void save(Runnable after) {
        ActivityPlan plan = version.get();
        if (plan == null) {
            return;
        }
        PlanGoal chosen = goal.get();
        String typed = wishes.get();
        problems.save(
                parent.tasks(),
                () -> {
                    parent.workflow().describe(plan.id(), chosen, typed);
                    return plan;
                },
                saved -> {
                    dirty.reset();
                    parent.changed();
                    after.run();
                });
    }
}
