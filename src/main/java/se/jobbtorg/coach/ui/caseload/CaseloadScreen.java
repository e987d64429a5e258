package se.jobbtorg.coach.ui.caseload;

import se.jobbtorg.coach.ui.common.UiContext;

/** The caseload screen, its view model and view built from the UI context. */
public final class CaseloadScreen {
    private final CaseloadViewModel model;
    private final CaseloadView view;

    public CaseloadScreen(UiContext ui, CaseloadView.Actions actions) {
        model = new CaseloadViewModel(
                ui.services().caseload(),
                () -> ui.coach().get().id(),
                ui.tasks(),
                e -> ui.dialogs().showError("error.loadFailed", e));
        model.setCoachList(ui.services().coaches()::coaches);
        view = new CaseloadView(model, ui.i18n(), actions);
    }

    public CaseloadViewModel model() {
        return model;
    }

    public CaseloadView view() {
        return view;
    }
}
