package se.jobbtorg.coach.ui.workflow;

import java.util.function.Supplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.i18n.I18n;

/** The work in one enrolment, one tab per step: mapping, plan, follow-up, exit. */
public final class WorkView extends TabPane {
    private final WorkViewModel model;

    public WorkView(WorkViewModel model, I18n i18n, DialogService dialogs, Supplier<Window> owner,
            se.jobbtorg.coach.ui.common.FilePicker files) {
        this.model = model;
        setId("workTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().setAll(
                tab("workMapping", i18n.get("work.mapping"), new MappingPane(model, i18n)),
                tab("workPlan", i18n.get("work.plan"), new PlanPane(model, i18n, dialogs, owner, files)),
                tab("workMeetings", i18n.get("work.meetings"), new MeetingsPane(model, i18n, dialogs, owner)),
                tab("workExit", i18n.get("work.exit"), new ExitPane(model, i18n, dialogs)));
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /** The forms behind this view: whether anything typed is unsaved, and the text itself. */
    public WorkViewModel model() {
        return model;
    }

    /** Selects the tab with this id (workMapping, workPlan, workMeetings, workExit). */
    public void show(String tabId) {
        getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }
}
