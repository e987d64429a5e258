package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/** Approval of a draft version by the social-services unit: who approved it, and when. */
final class ApprovalViewModel implements WorkViewModel.DialogForm {
    private final WorkViewModel parent;
    private final ActivityPlan version;

    final StringProperty approvedBy = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> approvedOn = new SimpleObjectProperty<>();
    final BooleanProperty approvedOnUnreadable = new SimpleBooleanProperty();

    final FieldProblems problems;
    final StringProperty approvedByProblem;
    final StringProperty approvedOnProblem;
    /** Refusals about the plan itself (goal, activities) are shown in the dialog too. */
    final StringExpression planProblems;

    final DirtyFlag dirty;

    ApprovalViewModel(WorkViewModel parent, ActivityPlan version) {
        this.parent = parent;
        this.version = version;
        this.problems = new FieldProblems(parent.i18n());
        this.approvedByProblem = problems.of(WorkflowService.FIELD_APPROVED_BY);
        this.approvedOnProblem = problems.of(WorkflowService.FIELD_APPROVED_ON);
        this.planProblems = problems.of(WorkflowService.FIELD_GOAL)
                .concat(" ")
                .concat(problems.of(WorkflowService.FIELD_ACTIVITIES));
        var work = parent.workProperty().get();
        String secretary = work == null ? null : work.enrolment().socialSecretary();
        approvedBy.set(secretary == null ? "" : secretary);
        approvedOn.set(parent.today());
        this.dirty = new DirtyFlag(approvedBy, approvedOn, approvedOnUnreadable);
        problems.watch(WorkflowService.FIELD_APPROVED_BY, approvedBy);
        problems.watch(WorkflowService.FIELD_APPROVED_ON, approvedOn, approvedOnUnreadable);
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.dirtyProperty();
    }

    ActivityPlan version() {
        return version;
    }

    void save(Consumer<ActivityPlan> onSaved) {
        if (approvedOnUnreadable.get()) {
            problems.show(List.of(Problem.of(WorkflowService.FIELD_APPROVED_ON, "validation.date")));
            return;
        }
        problems.show(List.of());
        String by = approvedBy.get();
        LocalDate on = approvedOn.get();
        problems.save(parent.tasks(), () -> parent.workflow().approve(version.id(), by, on), approved -> {
            dirty.reset();
            parent.closed(this);
            parent.changed();
            onSaved.accept(approved);
        });
    }
}
