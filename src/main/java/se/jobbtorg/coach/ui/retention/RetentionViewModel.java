package se.jobbtorg.coach.ui.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.RetentionDue;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * Retention for a team lead: the people whose last entry is older than the period (from the
 * settings), and their deletion for good, off the FX thread.
 */
public final class RetentionViewModel {
    /** One person as the list shows them. */
    public record Row(RetentionDue due, String name, String number, String lastEntry) {}

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final RetentionService retention;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final IntSupplier years;
    private final Consumer<Throwable> onError;

    public RetentionViewModel(
            RetentionService retention, TaskRunner tasks, I18n i18n, IntSupplier years, Consumer<Throwable> onError) {
        this.retention = retention;
        this.tasks = tasks;
        this.i18n = i18n;
        this.years = years;
        this.onError = onError;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the list is read or people are deleted. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    public int years() {
        return years.getAsInt();
    }

    public LocalDate before() {
        return retention.today().minus(period());
    }

    private Period period() {
        return Period.ofYears(years.getAsInt());
    }

    /** Reads who is past the period now. */
    public void load() {
        Period period = period();
        working.set(true);
        tasks.run(
                () -> retention.due(period),
                due -> {
                    working.set(false);
                    show(due);
                },
                e -> {
                    working.set(false);
                    onError.accept(e);
                });
    }

    private void show(List<RetentionDue> due) {
        rows.setAll(due.stream()
                .map(d -> new Row(d, d.listName(), number(d.personalNumber()), i18n.date(d.lastEntry())))
                .toList());
        summary.set(i18n.get("retention.count", due.size(), before(), years.getAsInt()));
    }

    private static String number(String stored) {
        try {
            return PersonalIdentityNumber.ofNormalised(stored).display();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    /** What a deletion did, as the screen says it. */
    public record Deleted(int people, int records) {}

    /** Deletes everyone listed for good; done gets how many people and records went. Reads the list again. */
    public void deleteAll(Consumer<Deleted> done) {
        List<UUID> people = rows.stream().map(r -> r.due().participantId()).toList();
        Period period = period();
        working.set(true);
        tasks.run(
                () -> retention.delete(people, period),
                deleted -> {
                    working.set(false);
                    done.accept(new Deleted(deleted.people(), deleted.records()));
                    load();
                },
                e -> {
                    working.set(false);
                    onError.accept(e);
                });
    }
}
