package se.jobbtorg.coach.ui.summary;

import java.util.UUID;
import java.util.function.Consumer;
import se.jobbtorg.coach.ui.common.UiContext;

/** The team lead's summary, its view model and view built from the UI context. */
public final class SummaryScreen {
    private final SummaryViewModel model;
    private final SummaryView view;

    /** openParticipant: opens a person's page, as the caseload does (from the list behind a figure). */
    public SummaryScreen(UiContext ui, Consumer<UUID> openParticipant) {
        model = new SummaryViewModel(
                ui.services().indicators(),
                ui.tasks(),
                ui.i18n(),
                e -> ui.dialogs().showError("error.loadFailed", e),
                (e, file) -> ui.dialogs().showFileError(file, e));
        view = new SummaryView(model, ui, openParticipant);
    }

    /** Shown: the figures of the period are computed the first time. */
    public void shown() {
        if (model.resultProperty().get() == null) {
            model.compute();
        }
    }

    public SummaryViewModel model() {
        return model;
    }

    public SummaryView view() {
        return view;
    }
}
