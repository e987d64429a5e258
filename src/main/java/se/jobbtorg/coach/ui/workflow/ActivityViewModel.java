package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/** A new activity in a draft plan: kind (or what "other" is), provider, dates. */
final class ActivityViewModel implements WorkViewModel.DialogForm {
    private final WorkViewModel parent;
    private final ActivityPlan version;

    final ObjectProperty<ActivityKind> kind = new SimpleObjectProperty<>();
    final StringProperty otherText = new SimpleStringProperty("");
    final StringProperty provider = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    final BooleanProperty startUnreadable = new SimpleBooleanProperty();
    final ObjectProperty<LocalDate> end = new SimpleObjectProperty<>();
    final BooleanProperty endUnreadable = new SimpleBooleanProperty();

    final FieldProblems problems;
    final BooleanBinding otherAsked;
    final DirtyFlag dirty;

    ActivityViewModel(WorkViewModel parent, ActivityPlan version) {
        this.parent = parent;
        this.version = version;
        this.problems = new FieldProblems(parent.i18n());
        for (String field : List.of(
                ActivityDraft.FIELD_KIND,
                ActivityDraft.FIELD_OTHER,
                ActivityDraft.FIELD_PROVIDER,
                ActivityDraft.FIELD_START,
                ActivityDraft.FIELD_END)) {
            problems.of(field);
        }
        start.set(parent.today());
        this.otherAsked = kind.isEqualTo(ActivityKind.OTHER);
        this.dirty = new DirtyFlag(kind, otherText, provider, description, start, startUnreadable, end, endUnreadable);
        problems.checkWith(() -> draft().problems());
        problems.watch(ActivityDraft.FIELD_KIND, kind);
        problems.watch(ActivityDraft.FIELD_OTHER, otherText, kind);
        problems.watch(ActivityDraft.FIELD_PROVIDER, provider);
        problems.watch(ActivityDraft.FIELD_START, start, startUnreadable);
        problems.watch(ActivityDraft.FIELD_END, end, endUnreadable, start);
    }

    private ActivityDraft draft() {
        return new ActivityDraft(
                kind.get(), otherText.get(), provider.get(), description.get(), start.get(), end.get());
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.dirtyProperty();
    }

    ActivityPlan version() {
        return version;
    }

    /** Checks the form and adds the activity in the background; onSaved gets it. */
    void save(Consumer<Activity> onSaved) {
        if (startUnreadable.get() || endUnreadable.get()) {
            problems.show(List.of(Problem.of(
                    startUnreadable.get() ? ActivityDraft.FIELD_START : ActivityDraft.FIELD_END, "validation.date")));
            return;
        }
        var draft = draft();
        problems.show(draft.problems());
        if (!draft.problems().isEmpty()) {
            return;
        }
        problems.save(parent.tasks(), () -> parent.workflow().addActivity(version.id(), draft), added -> {
            dirty.reset();
            parent.closed(this);
            parent.changed();
            onSaved.accept(added);
        });
    }
}
