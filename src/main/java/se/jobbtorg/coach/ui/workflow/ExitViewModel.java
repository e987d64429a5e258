package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/**
 * The exit: date and a clear reason. "Unknown" needs a note on what was tried, and the form
 * says why: unknown exits hide real outcomes (004).
 */
final class ExitViewModel {
    private final WorkViewModel parent;

    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final BooleanProperty dateUnreadable = new SimpleBooleanProperty();
    final ObjectProperty<ExitReason> reason = new SimpleObjectProperty<>();
    final StringProperty note = new SimpleStringProperty("");

    final FieldProblems problems;
    final BooleanBinding unknownReason;
    final DirtyFlag dirty;

    ExitViewModel(WorkViewModel parent) {
        this.parent = parent;
        this.problems = new FieldProblems(parent.i18n());
        problems.of(ExitDraft.FIELD_DATE);
        problems.of(ExitDraft.FIELD_REASON);
        problems.of(ExitDraft.FIELD_NOTE);
        this.unknownReason = reason.isEqualTo(ExitReason.UNKNOWN);
        this.dirty = new DirtyFlag(date, dateUnreadable, reason, note);
        problems.checkWith(() -> {
            EnrolmentWork work = parent.workProperty().get();
            return work == null ? List.of() : draft().problems(work.enrolment(), parent.today());
        });
        problems.watch(ExitDraft.FIELD_DATE, date, dateUnreadable);
        problems.watch(ExitDraft.FIELD_REASON, reason);
        problems.watch(ExitDraft.FIELD_NOTE, note, reason);
    }

    /** An open enrolment's form starts on today's date, which is not something typed. */
    void reloaded(EnrolmentWork work) {
        if (work.enrolment().isOpen() && date.get() == null && !dateUnreadable.get()) {
            if (dirty.isDirty()) {
                date.set(parent.today());
            } else {
                dirty.refill(() -> date.set(parent.today()));
            }
        }
    }

    /**
     * Checks the form before the question "exit now?": false, with the problems shown, when it
     * could not be saved anyway.
     */
    boolean check() {
        if (dateUnreadable.get()) {
            problems.show(List.of(Problem.of(ExitDraft.FIELD_DATE, "validation.date")));
            return false;
        }
        EnrolmentWork work = parent.workProperty().get();
        List<Problem> found = work == null ? List.of() : draft().problems(work.enrolment(), parent.today());
        problems.show(found);
        return found.isEmpty();
    }

    private ExitDraft draft() {
        return new ExitDraft(parent.enrolmentId(), date.get(), reason.get(), note.get());
    }

    /** The question before an exit is stored: the answer true ends the enrolment. */
    @FunctionalInterface
    interface Confirmation {
        boolean ends(String title, String question, String yes);
    }

    /** Nothing is ended unasked: until a view gives the question, every exit waits. */
    private Confirmation confirmation = (title, question, yes) -> false;

    void confirmWith(Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    /**
     * What the exit button and the question about unsaved work both do: the form checked first,
     * then "end the enrolment on this date for this reason?", then the save; after runs once the
     * exit is stored, never on a problem or a no.
     */
    void confirmAndSave(Runnable after) {
        if (!check()) {
            return;
        }
        var i18n = parent.i18n();
        if (confirmation.ends(
                i18n.get("exit.confirm.title"),
                i18n.get("exit.confirm.text", date.get(), i18n.of(reason.get())),
                i18n.get("exit.confirm.yes"))) {
            save(after);
        }
    }

    /** Ends the enrolment in the background, unasked; running activities end the same day. */
    void save() {
        save(() -> {});
    }

    /** The same; after runs once the exit is stored (not after a refusal or a failure). */
    void save(Runnable after) {
        if (!check()) {
            return;
        }
        ExitDraft draft = draft();
        problems.save(
                parent.tasks(),
                () -> {
                    parent.workflow().exit(draft);
                    return draft;
                },
                done -> {
                    dirty.reset();
                    parent.changed();
                    after.run();
                });
    }
}
