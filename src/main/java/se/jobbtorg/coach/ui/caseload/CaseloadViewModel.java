package se.jobbtorg.coach.ui.caseload;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** The caseload list: which rows to show for the search words and the chosen scope. */
public final class CaseloadViewModel {

    /** Whose participants the list shows. */
    public enum Scope {
        MINE,
        ALL
    }

    private final CaseloadService caseload;
    private final Supplier<UUID> currentCoach;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.MINE);
    /** A team lead's view of one coach's enrolled participants; null: the scope decides. */
    private final ObjectProperty<Coach> coachFilter = new SimpleObjectProperty<>();

    private final ObservableList<Coach> coaches = FXCollections.observableArrayList();
    private Supplier<List<Coach>> coachList = List::of;
    private final ObservableList<CaseloadRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty limited = new SimpleBooleanProperty(false);
    /** The rows shown were found by search words (not the whole list). */
    private final BooleanProperty searched = new SimpleBooleanProperty(false);
    /** The words found nobody here but would find someone among everyone (the other scope). */
    private final BooleanProperty foundElsewhere = new SimpleBooleanProperty(false);

    private long generation;

    public CaseloadViewModel(
            CaseloadService caseload, Supplier<UUID> currentCoach, TaskRunner tasks, Consumer<Throwable> onError) {
        this.caseload = caseload;
        this.currentCoach = currentCoach;
        this.tasks = tasks;
        this.onError = onError;
        query.addListener((obs, old, now) -> refresh());
        scope.addListener((obs, old, now) -> refresh());
        coachFilter.addListener((obs, old, now) -> refresh());
    }

    /** Where the other coaches come from (after an import the team's coaches are there). */
    public void setCoachList(Supplier<List<Coach>> coachList) {
        this.coachList = coachList;
    }

    /**
     * Loads the rows again. Search runs on every keystroke; an answer that arrives after a newer
     * question was asked is dropped, so the list always matches what is in the field.
     */
    public void refresh() {
        long asked = ++generation;
        String words = query.get();
        UUID colleague = coachFilter.get() == null ? null : coachFilter.get().id();
        UUID coach = scope.get() == Scope.MINE ? currentCoach.get() : null;
        var source = coachList;
        record Loaded(List<CaseloadEntry> entries, List<Coach> coaches, boolean elsewhere) {}
        tasks.run(
                () -> {
                    List<CaseloadEntry> entries = colleague != null
                            ? caseload.enrolledWith(colleague, words)
                            : caseload.caseload(coach, words);
                    // Nobody here: would the other scope find someone? (Said in the empty list.)
                    boolean elsewhere = entries.isEmpty()
                            && !words.isBlank()
                            && (colleague != null || coach != null)
                            && caseload.anyone(words);
                    return new Loaded(entries, source.get(), elsewhere);
                },
                loaded -> {
                    if (asked != generation) {
                        return;
                    }
                    var entries = loaded.entries();
                    if (!coaches.equals(loaded.coaches())) {
                        coaches.setAll(loaded.coaches());
                    }
                    var today = caseload.today();
                    List<CaseloadRow> fresh =
                            entries.stream().map(e -> CaseloadRow.of(e, today)).toList();
                    foundElsewhere.set(loaded.elsewhere());
                    rows.setAll(fresh);
                    limited.set(fresh.size() >= CaseloadService.limitFor(words));
                    searched.set(!words.isBlank());
                },
                onError);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Coach> coachFilterProperty() {
        return coachFilter;
    }

    /** The coaches other than the one using the program ("mine" is theirs), for a team lead's choice. */
    public List<Coach> otherCoaches() {
        UUID me = currentCoach.get();
        return coaches.stream().filter(c -> !c.id().equals(me)).toList();
    }

    /** The coaches in this database, for the team lead's choice of one coach's caseload. */
    public ObservableList<Coach> coaches() {
        return coaches;
    }

    public ObservableList<CaseloadRow> rows() {
        return rows;
    }

    /** True when the search found nobody in this scope and would find someone among everyone. */
    public BooleanProperty foundElsewhereProperty() {
        return foundElsewhere;
    }

    /** Searches the same words among everyone (the other scope). */
    public void searchEveryone() {
        coachFilter.set(null);
        scope.set(Scope.ALL);
    }

    /** True when there were more rows than the list shows: the user should search, or type more. */
    public BooleanProperty limitedProperty() {
        return limited;
    }

    /** True when the rows shown were found by search words; false for the whole list. */
    public BooleanProperty searchedProperty() {
        return searched;
    }
}
