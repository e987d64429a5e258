package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/** A month after the exit: what did the person go on to? (the national comparison) */
final class ExitCheckViewModel {
    private final WorkViewModel parent;

    final ObjectProperty<ExitCheck> check = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> checkedOn = new SimpleObjectProperty<>();
    final BooleanProperty checkedOnUnreadable = new SimpleBooleanProperty();

    final FieldProblems problems;
    final StringProperty checkProblem;
    final StringProperty checkedOnProblem;
    final DirtyFlag dirty;

    ExitCheckViewModel(WorkViewModel parent) {
        this.parent = parent;
        this.problems = new FieldProblems(parent.i18n());
        this.checkProblem = problems.of(WorkflowService.FIELD_CHECK);
        this.checkedOnProblem = problems.of(WorkflowService.FIELD_CHECKED_ON);
        this.dirty = new DirtyFlag(check, checkedOn, checkedOnUnreadable);
        problems.watch(WorkflowService.FIELD_CHECK, check);
        problems.watch(WorkflowService.FIELD_CHECKED_ON, checkedOn, checkedOnUnreadable);
    }

    /** After an exit: the check as stored, dated today once a month has passed; typed text stays. */
    void reloaded(EnrolmentWork work) {
        var enrolment = work.enrolment();
        if (enrolment.isOpen() || dirty.isDirty()) {
            return;
        }
        dirty.refill(() -> {
            check.set(work.exitCheck());
            checkedOn.set(
                    work.exitCheckedOn() != null
                            ? work.exitCheckedOn()
                            : enrolment.exitedOn().plusMonths(1).isAfter(parent.today()) ? null : parent.today());
        });
    }

    void save() {
        save(() -> {});
    }

    /** The same; after runs once the check is stored (not after a refusal or a failure). */
    void save(Runnable after) {
        if (checkedOnUnreadable.get()) {
            problems.show(List.of(Problem.of(WorkflowService.FIELD_CHECKED_ON, "validation.date")));
            return;
        }
        problems.show(List.of());
        ExitCheck chosen = check.get();
        LocalDate on = checkedOn.get();
        problems.save(
                parent.tasks(),
                () -> {
                    parent.workflow().checkExit(parent.enrolmentId(), chosen, on);
                    return chosen;
                },
                saved -> {
                    dirty.reset();
                    parent.changed();
                    after.run();
                });
    }
}
