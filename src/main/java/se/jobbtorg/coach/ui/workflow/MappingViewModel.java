package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/** The mapping form: the selected area's status, date, text and actors, and saving them. */
final class MappingViewModel {
    private final WorkViewModel parent;
    private final I18n i18n;

    /** The area's current entry, which a save supersedes; null before one is chosen. */
    final ObjectProperty<MappingEntry> entry = new SimpleObjectProperty<>();

    final ObjectProperty<MappingStatus> status = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final BooleanProperty dateUnreadable = new SimpleBooleanProperty();
    final StringProperty text = new SimpleStringProperty("");
    final StringProperty otherActors = new SimpleStringProperty("");
    final Map<Actor, BooleanProperty> actors = new EnumMap<>(Actor.class);
    /**
     * Every stored entry of the area, newest first: the current one, those it superseded, and
     * those entered in error (which the pane strikes through), so any of them can be voided.
     */
    final ObservableList<MappingEntry> history = FXCollections.observableArrayList();

    final FieldProblems problems;
    final StringProperty dateProblem;
    final StringProperty otherActorsProblem;
    final DirtyFlag dirty;
    final BooleanBinding canSave;

    MappingViewModel(WorkViewModel parent) {
        this.parent = parent;
        this.i18n = parent.i18n();
        this.problems = new FieldProblems(i18n);
        this.dateProblem = problems.of(WorkflowService.FIELD_MAPPING_DATE);
        this.otherActorsProblem = problems.of(WorkflowService.FIELD_OTHER_ACTORS);
        for (Actor actor : Actor.values()) {
            actors.put(actor, new SimpleBooleanProperty());
        }
        this.dirty = new DirtyFlag(status, date, dateUnreadable, text, otherActors);
        actors.values().forEach(dirty::watch);
        this.canSave = entry.isNotNull().and(problems.savingProperty().not());
        problems.watch(WorkflowService.FIELD_MAPPING_DATE, date, dateUnreadable, status);
        problems.watch(WorkflowService.FIELD_OTHER_ACTORS, otherActors);
    }

    /**
     * Shows an area's entry. Another area (or a clean form) is filled from it; the same area
     * again, after a reload, keeps what the coach has typed and only takes the newer entry.
     */
    void select(MappingEntry chosen) {
        show(chosen, parent.workProperty().get());
    }

    private void show(MappingEntry chosen, EnrolmentWork work) {
        MappingEntry shown = entry.get();
        boolean sameArea = shown != null && chosen != null && shown.area() == chosen.area();
        entry.set(chosen);
        history.setAll(historyOf(chosen, work));
        if (sameArea && dirty.isDirty()) {
            return;
        }
        problems.show(List.of());
        dirty.refill(() -> {
            if (chosen != null) {
                status.set(chosen.status());
                date.set(chosen.date());
                dateUnreadable.set(false);
                text.set(chosen.text() == null ? "" : chosen.text());
                otherActors.set(chosen.otherActors() == null ? "" : chosen.otherActors());
                actors.forEach((a, chosenNow) -> chosenNow.set(chosen.actors().contains(a)));
            }
        });
    }

    /** The page read the database again: the same area, in its newest entry. */
    void reloaded(EnrolmentWork work) {
        if (entry.get() != null) {
            show(work.mapping().get(entry.get().area()), work);
        }
    }

    private static List<MappingEntry> historyOf(MappingEntry chosen, EnrolmentWork work) {
        if (chosen == null || work == null) {
            return List.of();
        }
        List<MappingEntry> entries = new ArrayList<>(work.mappingHistory().stream()
                .filter(h -> h.area() == chosen.area())
                .toList());
        // Stored in stamp order, oldest first; the newest is what the coach looks for.
        Collections.reverse(entries);
        return entries;
    }

    Set<Actor> chosenActors() {
        EnumSet<Actor> chosen = EnumSet.noneOf(Actor.class);
        actors.forEach((a, on) -> {
            if (on.get()) {
                chosen.add(a);
            }
        });
        return chosen;
    }

    /** Saves the area in the background; problems go next to their fields, the text stays. */
    void save() {
        save(() -> {});
    }

    /** The same; after runs once it is stored (not after a refusal or a failure). */
    void save(Runnable after) {
        MappingEntry current = entry.get();
        if (current == null) {
            return;
        }
        if (dateUnreadable.get()) {
            problems.show(List.of(Problem.of(WorkflowService.FIELD_MAPPING_DATE, "validation.date")));
            return;
        }
        problems.show(List.of());
        MappingStatus chosenStatus = status.get();
        String typed = text.get();
        LocalDate on = date.get();
        Set<Actor> chosen = chosenActors();
        String others = otherActors.get();
        problems.save(
                parent.tasks(),
                () -> parent.workflow().saveMapping(current, chosenStatus, typed, on, chosen, others),
                saved -> {
                    dirty.reset();
                    select(saved);
                    parent.changed();
                    after.run();
                });
    }
}
