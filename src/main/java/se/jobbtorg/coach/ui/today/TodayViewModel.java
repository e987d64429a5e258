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
    private final ObservableList<TodayItem> items = FXCollections.observableArrayList();

    public TodayViewModel(TodayService today, WorkflowService workflow, Supplier<UUID> coach, TaskRunner tasks,
            Consumer<Throwable> onError) {
        this.today = today;
        this.workflow = workflow;
        this.coach = coach;
        this.tasks = tasks;
        this.onError = onError;
    }

    public ObservableList<TodayItem> items() {
        return items;
    }

    public void refresh() {
        UUID me = coach.get();
        tasks.run(() -> today.today(me), items::setAll, onError);
    }

    /** True when acting on the item must first ask why its deadline passed (002: ask, never block). */
    public static boolean needsReason(TodayItem item) {
        return item.due().overdue() && !item.reasonGiven();
    }

    public void giveReason(TodayItem item, String reason, FieldProblems problems, Runnable then) {
        problems.save(tasks, () -> {
            workflow.giveReason(item.due(), reason);
            return item;
        }, done -> {
            refresh();
            then.run();
        }, onError);
    }
}
