package se.jobbtorg.coach.ui.today;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.TodayService.TodayItem;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** What is due and overdue across the coach's caseload, and the reasons given for passed deadlines. */
public final class TodayViewModel {
    private final TodayService today;
    private final WorkflowService workflow;
    private final Supplier<UUID> coach;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    /** The field a reason's problems are told under (the service names it so in a refusal). */
    public static final String FIELD_REASON = WorkflowService.FIELD_REASON;

    private final ObservableList<TodayRow> items = FXCollections.observableArrayList();

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
    }

    public ObservableList<TodayRow> items() {
        return items;
    }

    public void refresh() {
        UUID me = coach.get();
        tasks.run(() -> today.today(me).stream().map(TodayViewModel::row).toList(), items::setAll, onError);
    }

    private static TodayRow row(TodayItem item) {
        return new TodayRow(
                item.participant().id(),
                item.enrolment().id(),
                item.participant().listName(),
                item.participant().fullName(),
                item.due(),
                item.reason());
    }

    /** True when acting on the item must first ask why its deadline passed (002: ask, never block). */
    public static boolean needsReason(TodayRow item) {
        return item.due().overdue() && !item.reasonGiven();
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
