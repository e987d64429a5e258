package se.jobbtorg.coach.ui.workflow;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/**
 * Marks an entry as entered in error ("Makulera…"): the reason is asked for, the entry stays in
 * the history struck through, and counts nowhere afterwards. For an exit or its check, the entry
 * is the enrolment, and the exit (or check) is undone.
 */
final class VoidViewModel implements WorkViewModel.DialogForm {
    private final WorkViewModel parent;
    final EntryVoid.Kind kind;
    final UUID entryId;

    final StringProperty reason = new SimpleStringProperty("");
    final FieldProblems problems;
    final DirtyFlag dirty;

    VoidViewModel(WorkViewModel parent, EntryVoid.Kind kind, UUID entryId) {
        this.parent = parent;
        this.kind = kind;
        this.entryId = entryId;
        this.problems = new FieldProblems(parent.i18n());
        problems.of(EntryVoid.FIELD_REASON);
        problems.watch(EntryVoid.FIELD_REASON, reason);
        this.dirty = new DirtyFlag(reason);
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.dirtyProperty();
    }

    /** Voids the entry in the background; an empty reason is refused next to its field. */
    void save(Consumer<EntryVoid> onSaved) {
        String why = reason.get();
        problems.save(
                parent.tasks(),
                () -> {
                    UUID coach = parent.coaches()
                            .currentCoach()
                            .orElseThrow(() -> new MissingRecordException("no current coach"))
                            .id();
                    return switch (kind) {
                        case EXIT -> parent.workflow().undoExit(entryId, why, coach);
                        case EXIT_CHECK -> parent.workflow().undoExitCheck(entryId, why, coach);
                        default -> parent.workflow().voidEntry(kind, entryId, why, coach);
                    };
                },
                made -> {
                    dirty.reset();
                    parent.closed(this);
                    parent.changed();
                    onSaved.accept(made);
                });
    }
}
