package se.jobbtorg.coach.ui.audit;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import se.jobbtorg.coach.ui.common.UiContext;

/** The team lead's access log, its view model and view built from the UI context. */
public final class AuditScreen {
    private final AuditViewModel model;
    private final AuditView view;

    /** threshold: how many people outside one's own caseload a day make the reading unusual (settings). */
    public AuditScreen(UiContext ui, IntSupplier threshold, Consumer<UUID> openParticipant) {
        model = new AuditViewModel(
                ui.services(),
                ui.i18n(),
                threshold,
                e -> ui.dialogs().showError("error.loadFailed", e),
                (e, file) -> ui.dialogs().showFileError(file, e));
        view = new AuditView(model, ui, openParticipant);
    }

    /** Shown: read at each showing (the trail grows with every page opened meanwhile). */
    public void shown() {
        model.load();
    }

    public AuditViewModel model() {
        return model;
    }

    public AuditView view() {
        return view;
    }
}
