package se.jobbtorg.coach.ui.today;

import java.util.function.BiConsumer;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.workflow.WorkTab;

/** The Today screen, its view model and view built from the UI context. */
public final class TodayScreen {
    private final TodayViewModel model;
    private final TodayView view;

    /** open receives the item acted on and the work tab where it is done. */
    public TodayScreen(UiContext ui, BiConsumer<TodayRow, WorkTab> open) {
        model = new TodayViewModel(
                ui.services().today(),
                ui.services().workflow(),
                () -> ui.coach().get().id(),
                ui.tasks(),
                e -> ui.dialogs().showError("error.loadFailed", e));
        view = new TodayView(model, ui, open);
    }

    public TodayViewModel model() {
        return model;
    }

    public TodayView view() {
        return view;
    }
}
