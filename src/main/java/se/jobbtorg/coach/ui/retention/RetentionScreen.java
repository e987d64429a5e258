package se.jobbtorg.coach.ui.retention;

import java.util.function.IntSupplier;
import se.jobbtorg.coach.ui.common.UiContext;

/** Retention for a team lead, its view model and view built from the UI context. */
public final class RetentionScreen {
    private final RetentionViewModel model;
    private final RetentionView view;

    /** years: the retention period from the settings; afterDeletion: what the window refreshes. */
    public RetentionScreen(UiContext ui, IntSupplier years, Runnable afterDeletion) {
        model = new RetentionViewModel(
                ui.services().retention(),
                ui.tasks(),
                ui.i18n(),
                years,
                e -> ui.dialogs().showError("error.loadFailed", e));
        view = new RetentionView(model, ui, afterDeletion);
    }

    /** Shown: who is past the period is read again each time. */
    public void shown() {
        model.load();
    }

    public RetentionViewModel model() {
        return model;
    }

    public RetentionView view() {
        return view;
    }
}
