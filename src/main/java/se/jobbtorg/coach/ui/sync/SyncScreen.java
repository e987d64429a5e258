package se.jobbtorg.coach.ui.sync;

import java.nio.file.Path;
import se.jobbtorg.coach.ui.common.UiContext;

/** The exchange screen, its view model and view built from the UI context. */
public final class SyncScreen {
    private final SyncViewModel model;
    private final SyncView view;

    /** afterImport: what the rest of the window does once packages came in (read again). */
    public SyncScreen(UiContext ui, Runnable afterImport) {
        model = new SyncViewModel(
                ui.services().sync(),
                ui.tasks(),
                ui.i18n(),
                e -> ui.dialogs().showError("error.loadFailed", e),
                afterImport);
        view = new SyncView(model, ui);
    }

    /** Shown: the devices, recipients and conflicts read again. */
    public void shown() {
        model.refresh();
    }

    /** A package opened from the file manager, ready to import. */
    public void offer(Path file) {
        model.offer(file);
    }

    public SyncView view() {
        return view;
    }
}
