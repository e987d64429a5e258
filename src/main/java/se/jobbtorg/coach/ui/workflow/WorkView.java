package se.jobbtorg.coach.ui.workflow;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.TabMnemonics;
import se.jobbtorg.coach.ui.common.UiContext;

/** The work in one enrolment: its timeline first (the status at a glance), then one tab per step. */
public final class WorkView extends TabPane {
    private final WorkViewModel model;

    public WorkView(WorkViewModel model, UiContext ui) {
        this.model = model;
        setId("workTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (WorkTab tab : WorkTab.values()) {
            // Each step scrolls on a low window rather than cutting off its buttons.
            Region pane = pane(tab, ui);
            Tab shown = tab(tab, ui.i18n().get(tab.titleKey()), Forms.scrolling(pane));
            if (pane instanceof TimelinePane timeline) {
                timeline.showWhile(shown.selectedProperty());
            }
            getTabs().add(shown);
        }
    }

    private Region pane(WorkTab tab, UiContext ui) {
        return switch (tab) {
            case MAPPING -> new MappingPane(model, ui);
            case PLAN -> new PlanPane(model, ui);
            case MEETINGS -> new MeetingsPane(model, ui);
            case EXIT -> new ExitPane(model, ui);
            case TIMELINE -> new TimelinePane(model, ui, this::show);
        };
    }

    private static Tab tab(WorkTab which, String title, Node content) {
        Tab tab = new Tab(null, content);
        TabMnemonics.title(tab, title);
        tab.setId(which.id());
        tab.setUserData(which);
        return tab;
    }

    /** The forms behind this view: whether anything typed is unsaved, and the text itself. */
    public WorkViewModel model() {
        return model;
    }

    /** Shows the first step that holds unsaved text, if any (before asking to save it). */
    public void showUnsaved() {
        model.unsavedTabs().stream().findFirst().ifPresent(this::show);
    }

    /** Selects this step's tab. */
    public void show(WorkTab which) {
        getTabs().stream()
                .filter(t -> t.getUserData() == which)
                .findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }
}
