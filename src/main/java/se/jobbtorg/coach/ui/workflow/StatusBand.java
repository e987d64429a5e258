package se.jobbtorg.coach.ui.workflow;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.WeakListeners;

/**
 * The enrolment at a glance, at the top of its timeline tab: days in Jobbtorg and the 18-month date, where the
 * plan stands, the next review and meeting, the last contact, what runs, and what is open (the
 * same rules as Today). Each fact that is worked on somewhere is a link to that tab (Tab moves
 * to it, Enter or Space follows it).
 */
final class StatusBand extends VBox {
    private final FlowPane facts = new FlowPane(14, 2);
    private final FlowPane open = new FlowPane(10, 2);

    StatusBand(WorkViewModel model, Consumer<WorkTab> show) {
        I18n i18n = model.i18n();
        setId("statusBand");
        getStyleClass().add("status-band");
        setSpacing(2);
        setPadding(new Insets(4, 8, 4, 8));
        facts.setId("statusFacts");
        open.setId("statusOpen");
        open.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(facts, open);
        // Weakly: the model outlives a view let go (a rebuilt page).
        WeakListeners.<WorkPage>whileAlive(this, model.pageProperty(), (o, old, page) -> {
            if (page != null) {
                show(page.status(), model, i18n, show);
            }
        });
        if (model.pageProperty().get() != null) {
            show(model.pageProperty().get().status(), model, i18n, show);
        }
    }

    private void show(EnrolmentStatus status, WorkViewModel model, I18n i18n, Consumer<WorkTab> show) {
        var today = model.today();
        boolean isOpen = model.pageProperty().get().isOpen();
        Label days = new Label(i18n.get(isOpen ? "status.days" : "status.days.exited", status.daysIn()) + " · "
                + i18n.get("status.limit", i18n.date(status.limit())));
        days.setId("statusDays");
        String plan = i18n.get("status.plan", i18n.of(status.plan()));
        Hyperlink planLink =
                link("statusPlan", status.planLate() ? i18n.get("status.late", plan) : plan, WorkTab.PLAN, show);
        if (status.planLate()) {
            planLink.getStyleClass().add("late");
        }
        Hyperlink review = link(
                "statusReview",
                status.reviewDue() == null
                        ? i18n.get("status.review.none")
                        : i18n.get("status.review", i18n.date(status.reviewDue())),
                WorkTab.PLAN,
                show);
        Hyperlink meeting = link(
                "statusNextMeeting",
                status.nextMeeting() == null
                        ? i18n.get("status.nextMeeting.none")
                        : i18n.get(
                                "status.nextMeeting",
                                i18n.dateTime(status.nextMeeting().at()),
                                i18n.of(status.nextMeeting().kind())),
                WorkTab.MEETINGS,
                show);
        Hyperlink contact = link(
                "statusLastContact",
                status.lastContact() == null
                        ? i18n.get("status.lastContact.none")
                        : i18n.get(
                                "status.lastContact", i18n.date(status.lastContact()), status.daysSinceContact(today)),
                WorkTab.MEETINGS,
                show);
        List<String> running =
                status.running().stream().map(a -> running(a, i18n)).toList();
        Hyperlink activities = link(
                "statusRunning",
                running.isEmpty()
                        ? i18n.get("status.running.none")
                        : i18n.get("status.running", String.join("; ", running)),
                WorkTab.PLAN,
                show);
        activities.setWrapText(true);
        List<Node> shown =
                isOpen ? List.of(days, planLink, review, meeting, contact, activities) : List.of(days, contact);
        facts.getChildren().setAll(shown);
        Label heading = new Label(i18n.get("status.open"));
        heading.getStyleClass().add("fact-label");
        open.getChildren().setAll(heading);
        if (status.open().isEmpty()) {
            Label none = new Label(i18n.get("status.open.none"));
            none.setId("statusOpenNone");
            open.getChildren().add(none);
        }
        int n = 0;
        for (Due due : status.open()) {
            String what = i18n.of(due.kind()) + " " + i18n.date(due.dueOn());
            Hyperlink item = link(
                    "statusOpen" + n++,
                    due.overdue() ? i18n.get("status.open.late", what, due.daysLate(today)) : what,
                    WorkTab.of(due.kind()),
                    show);
            if (due.overdue()) {
                item.getStyleClass().add("late");
            }
            open.getChildren().add(item);
        }
    }

    private static String running(Activity a, I18n i18n) {
        String provider = a.provider() == null || a.provider().isBlank() ? "" : " (" + a.provider() + ")";
        return i18n.of(a.kind()) + provider + " " + i18n.get("status.until", i18n.date(a.lastDay()));
    }

    private static Hyperlink link(String id, String text, WorkTab tab, Consumer<WorkTab> show) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setMnemonicParsing(false);
        link.setOnAction(e -> {
            link.setVisited(false);
            if (tab != null) {
                show.accept(tab);
            }
        });
        return link;
    }
}
