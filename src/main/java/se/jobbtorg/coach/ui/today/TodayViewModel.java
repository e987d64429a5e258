package se.jobbtorg.coach.ui.today;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.TodayService.TodayItem;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * What is due and overdue across the coach's caseload, the reminders of the rules, and the
 * reasons given for passed deadlines. The list can be narrowed by kind and by when (overdue,
 * this week, later), sorted by any column, and grouped by person.
 */
public final class TodayViewModel {
    private final TodayService today;
    private final WorkflowService workflow;
    private final Supplier<UUID> coach;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    /** The field a reason's problems are told under (the service names it so in a refusal). */
    public static final String FIELD_REASON = WorkflowService.FIELD_REASON;

    /** When an item falls, for the filter: late, by the end of this calendar week, or after it. */
    public enum Horizon {
        ALL,
        OVERDUE,
        THIS_WEEK,
        LATER;

        boolean holds(TodayRow row, LocalDate day) {
            LocalDate weekEnds = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            return switch (this) {
                case ALL -> true;
                case OVERDUE -> row.due().overdue();
                case THIS_WEEK -> !row.due().overdue() && !row.due().dueOn().isAfter(weekEnds);
                case LATER -> !row.due().overdue() && row.due().dueOn().isAfter(weekEnds);
            };
        }
    }

    /** The service's order: overdue first, then by date. */
    static final Comparator<TodayRow> BY_DATE = Comparator.comparing(
                    (TodayRow r) -> !r.due().overdue())
            .thenComparing(r -> r.due().dueOn());

    /** One person's items together, people in Swedish order (å, ä, ö last). */
    static final Comparator<TodayRow> BY_PERSON =
            Comparator.comparing(TodayRow::listName, SwedishText::compare).thenComparing(TodayRow::participantId);

    private final ObservableList<TodayRow> items = FXCollections.observableArrayList();
    private final FilteredList<TodayRow> filtered = new FilteredList<>(items);
    private final SortedList<TodayRow> shown = new SortedList<>(filtered);
    private final ObjectProperty<DeadlineKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Horizon> horizon = new SimpleObjectProperty<>(Horizon.ALL);
    private final BooleanProperty byPerson = new SimpleBooleanProperty();
    private final ObjectProperty<Comparator<TodayRow>> order = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper itemsRead = new ReadOnlyBooleanWrapper();
    private LocalDate day;

    public TodayViewModel(
            TodayService today,
            WorkflowService workflow,
            Supplier<UUID> coach,
            TaskRunner tasks,
            Consumer<Throwable> onError) {
        this.today = today;
        this.workflow = workflow;
        this.coach = coach;
        this.tasks = tasks;
        this.onError = onError;
        this.day = today.today();
        filtered.predicateProperty()
                .bind(Bindings.createObjectBinding(
                        () -> row -> (kind.get() == null || row.due().kind() == kind.get())
                                && horizon.get().holds(row, day),
                        kind,
                        horizon));
        shown.comparatorProperty()
                .bind(Bindings.createObjectBinding(
                        () -> {
                            Comparator<TodayRow> within = order.get() == null ? BY_DATE : order.get();
                            return byPerson.get() ? BY_PERSON.thenComparing(within) : within;
                        },
                        order,
                        byPerson));
    }

    /** True once the items have been read (none due is an answer too): the screen shows the day. */
    public ReadOnlyBooleanProperty read() {
        return itemsRead.getReadOnlyProperty();
    }

    /** Every item, in the service's order. */
    public ObservableList<TodayRow> items() {
        return items;
    }

    /** The items the filters let through, in the order chosen: what the table shows. */
    public ObservableList<TodayRow> shown() {
        return shown;
    }

    /** The kind shown; null for all. */
    public ObjectProperty<DeadlineKind> kind() {
        return kind;
    }

    public ObjectProperty<Horizon> horizon() {
        return horizon;
    }

    /** True to keep each person's items together. */
    public BooleanProperty byPerson() {
        return byPerson;
    }

    /** Follows the table's own sorting (a column clicked); without one, overdue first by date. */
    public void sortBy(ObservableValue<Comparator<TodayRow>> tableOrder) {
        order.bind(tableOrder);
    }

    public void refresh() {
        UUID me = coach.get();
        tasks.run(
                () -> {
                    LocalDate on = today.today();
                    return new Read(
                            on, today.worklist(me).stream().map(i -> row(i, on)).toList());
                },
                read -> {
                    // The filter reads the day as each new row passes it.
                    day = read.day();
                    items.setAll(read.rows());
                    itemsRead.set(true);
                },
                onError);
    }

    private record Read(LocalDate day, List<TodayRow> rows) {}

    private static TodayRow row(TodayItem item, LocalDate day) {
        return new TodayRow(
                item.participant().id(),
                item.enrolment() == null ? null : item.enrolment().id(),
                item.participant().listName(),
                item.participant().fullName(),
                item.due(),
                item.due().daysLate(day),
                item.reason());
    }

    /**
     * True when acting on the item must first ask why its deadline passed (002: ask, never
     * block). A reminder asks nothing: doing the work is its answer.
     */
    public static boolean needsReason(TodayRow item) {
        return item.due().overdue() && item.due().kind().asksReason() && !item.reasonGiven();
    }

    /** The reason a deadline passed, saved with the deadline; the field's problems show under it. */
    public void giveReason(TodayRow item, String reason, FieldProblems problems, Runnable then) {
        problems.save(
                tasks,
                () -> {
                    workflow.giveReason(item.due(), reason);
                    return item;
                },
                done -> {
                    refresh();
                    then.run();
                },
                onError);
    }
}
