package se.jobbtorg.coach.ui.participant;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FocusKeeper;
import se.jobbtorg.coach.ui.participant.ParticipantViewModel.EnrolmentRow;

/** A participant's page: who they are, and every enrolment they have had. */
public final class ParticipantView extends VBox {
    private final Label name = new Label();
    /** Label and value pairs side by side, wrapping onto a second line on a narrow window. */
    private final FlowPane facts = new FlowPane(16, 4);
    /** The same for the enrolment chosen in the table: what does not fit in its columns. */
    private final FlowPane enrolmentFacts = new FlowPane(16, 4);

    private final TableView<EnrolmentRow> table;
    private final StackPane workArea = new StackPane();
    private UUID wanted;
    private boolean focusWanted;
    /** The focus was put on the page once: from then on it is moved only while it is still here. */
    private boolean placed;

    /**
     * teamLead: whether the team-lead action (reassign) is shown; it may change while the page is
     * open. workFor builds the work area of an enrolment (mapping, plan, follow-up, exit); it is shown
     * for the enrolment selected in the table, the newest one at first.
     */
    public ParticipantView(
            ParticipantViewModel model,
            I18n i18n,
            Runnable enrol,
            Function<UUID, Node> workFor,
            Runnable edit,
            Consumer<UUID> reassign,
            ObservableValue<Boolean> teamLead) {
        getStyleClass().add("participant-view");
        setSpacing(6);
        setPadding(new Insets(16));
        name.getStyleClass().add("page-title");
        name.setId("participantName");
        facts.getStyleClass().add("facts");

        Label heading = new Label(i18n.get("participant.enrolments"));
        heading.getStyleClass().add("section-title");
        Button enrolButton = new Button(i18n.get("participant.enrol"));
        enrolButton.setId("participantEnrolButton");
        enrolButton.setOnAction(e -> enrol.run());
        // One open enrolment at a time: a new one starts after the exit.
        enrolButton.disableProperty().bind(model.enrolledProperty());
        Button reassignButton = new Button(i18n.get("participant.reassign"));
        reassignButton.setId("participantReassignButton");
        // A team-lead action: a coach does not see it (nor reach it with Tab).
        reassignButton.visibleProperty().bind(teamLead);
        reassignButton.managedProperty().bind(teamLead);
        HBox sectionBar = new HBox(12, heading, enrolButton, reassignButton);
        Button editButton = new Button(i18n.get("participant.edit"));
        editButton.setId("participantEditButton");
        editButton.setOnAction(e -> edit.run());
        editButton.disableProperty().bind(model.participantProperty().isNull());
        HBox titleBar = new HBox(12, name, editButton);
        titleBar.setAlignment(Pos.BASELINE_LEFT);

        table = new TableView<>(model.enrolments());
        table.setId("enrolmentTable");
        // Dates and days keep their width; the exit's reason, the target groups and the coach
        // wrap onto more lines rather than end in "…". The enrolment's other facts (unit,
        // social secretary, language) are under the table, for the enrolment chosen: eight
        // columns of Swedish words do not fit a narrow window whole.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(i18n.get("participant.noEnrolments")));
        String date = i18n.date(Cells.WIDEST_DATE);
        TableColumn<EnrolmentRow, String> groups =
                Cells.wrapping(column(i18n.get("participant.column.targetGroups"), r -> groups(i18n, r.enrolment())));
        groups.setMinWidth(Math.max(groups.getMinWidth(), 150));
        groups.setPrefWidth(400);
        // The date whole on its line, the reason under it where it does not fit beside it.
        TableColumn<EnrolmentRow, String> exited = Cells.wrapping(
                Cells.keepWhole(column(i18n.get("participant.column.exitedOn"), r -> exit(i18n, r.enrolment())), date),
                Cells.names(i18n, ExitReason.values()));
        exited.setPrefWidth(220);
        TableColumn<EnrolmentRow, String> coach =
                Cells.wrapping(column(i18n.get("participant.column.coach"), EnrolmentRow::coachName));
        coach.setPrefWidth(150);
        table.getColumns()
                .setAll(List.of(
                        fixed(Cells.keepWhole(
                                column(
                                        i18n.get("participant.column.enrolledOn"),
                                        r -> i18n.date(r.enrolment().enrolledOn())),
                                date)),
                        exited,
                        fixed(Cells.keepWhole(
                                column(i18n.get("participant.column.days"), r -> Long.toString(r.days())), "9999")),
                        groups,
                        coach));
        // Two enrolments of two lines each show whole under the headings; more scroll.
        table.setPrefHeight(120);
        table.setMinHeight(100);
        enrolmentFacts.getStyleClass().add("facts");
        enrolmentFacts.setId("enrolmentFacts");
        reassignButton
                .disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        reassignButton.setOnAction(e -> reassign.accept(
                table.getSelectionModel().getSelectedItem().enrolment().id()));
        workArea.setId("workArea");
        VBox.setVgrow(workArea, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> showEnrolment(row, i18n));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null
                    && (old == null
                            || !old.enrolment().id().equals(row.enrolment().id()))) {
                workArea.getChildren().setAll(workFor.apply(row.enrolment().id()));
                focusWhenShown();
            }
        });
        model.enrolments().addListener((ListChangeListener<EnrolmentRow>) c -> {
            if (wanted != null) {
                selectEnrolment(wanted);
            }
            if (table.getSelectionModel().getSelectedItem() == null
                    && !model.enrolments().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });

        model.participantProperty().addListener((o, old, p) -> show(p, i18n));
        model.missingProperty().addListener((o, was, missing) -> {
            if (missing) {
                show(null, i18n);
            }
        });
        getChildren().setAll(titleBar, facts, sectionBar, table, enrolmentFacts, workArea);
    }

    private void show(Participant p, I18n i18n) {
        facts.getChildren().clear();
        if (p == null) {
            name.setText(i18n.get("participant.missing"));
            return;
        }
        name.setText(p.fullName());
        fact(
                facts,
                0,
                i18n.get("participant.number"),
                p.personalNumber().display()
                        + (p.personalNumber().isCoordinationNumber()
                                ? " (" + i18n.get("participant.coordination") + ")"
                                : ""));
        fact(facts, 1, i18n.get("participant.phone"), orDash(p.phone()));
        fact(facts, 2, i18n.get("participant.email"), orDash(p.email()));
        fact(facts, 3, i18n.get("participant.district"), orDash(p.homeDistrict()));
    }

    /** The chosen enrolment's referring unit, social secretary and language, under the table. */
    private void showEnrolment(EnrolmentRow row, I18n i18n) {
        enrolmentFacts.getChildren().clear();
        if (row == null) {
            return;
        }
        Enrolment e = row.enrolment();
        fact(enrolmentFacts, 10, i18n.get("participant.column.unit"), orDash(e.referringUnit()));
        fact(enrolmentFacts, 11, i18n.get("participant.column.secretary"), orDash(e.socialSecretary()));
        fact(enrolmentFacts, 12, i18n.get("participant.column.language"), orDash(language(i18n, e)));
    }

    /** Shows the work of this enrolment, now or as soon as the enrolments have been read. */
    public void selectEnrolment(UUID enrolmentId) {
        wanted = enrolmentId;
        table.getItems().stream()
                .filter(r -> r.enrolment().id().equals(enrolmentId))
                .findFirst()
                .ifPresent(r -> {
                    table.getSelectionModel().select(r);
                    wanted = null;
                });
    }

    /**
     * Puts the focus in the work (the enrolment's work area, or the page when there is none
     * yet) as soon as it is shown: opening a person is for working on them.
     */
    public void focusWork() {
        focusWanted = true;
        placed = false;
        focusWhenShown();
    }

    private void focusWhenShown() {
        Scene scene = getScene();
        if (!focusWanted) {
            return;
        }
        if (scene == null) {
            sceneProperty().addListener(new ChangeListener<Scene>() {
                @Override
                public void changed(ObservableValue<? extends Scene> o, Scene old, Scene now) {
                    if (now != null) {
                        sceneProperty().removeListener(this);
                        focusWhenShown();
                    }
                }
            });
            return;
        }
        // After a layout: a page just put in its tab is not shown before it.
        Runnable once = new Runnable() {
            @Override
            public void run() {
                Node owner = scene.getFocusOwner();
                boolean ours = owner == null || !placed || isInside(owner);
                Node target = workArea.getChildren().isEmpty()
                        ? FocusKeeper.first(ParticipantView.this, scene)
                        : workTarget(scene);
                if (!focusWanted || !ours) {
                    scene.removePostLayoutPulseListener(this);
                    focusWanted = false;
                } else if (target != null) {
                    scene.removePostLayoutPulseListener(this);
                    target.requestFocus();
                    placed = true;
                    // The page first, the work once it is there.
                    focusWanted = workArea.getChildren().isEmpty();
                }
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    /** In the step shown (the mapping's areas, the plan, …), not on the row of tabs above it. */
    private Node workTarget(Scene scene) {
        Node work = workArea.getChildren().get(0);
        if (work.lookup("#workTabs") instanceof TabPane steps
                && steps.getSelectionModel().getSelectedItem() != null) {
            Node inStep = FocusKeeper.first(
                    steps.getSelectionModel().getSelectedItem().getContent(), scene);
            if (inStep != null) {
                return inStep;
            }
        }
        return FocusKeeper.first(workArea, scene);
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** Facts stand side by side in one line, to leave the height to the work below. */
    private static void fact(FlowPane into, int index, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        Label v = new Label(value);
        v.setId("fact" + index);
        HBox pair = new HBox(6, l, v);
        pair.setAlignment(Pos.BASELINE_LEFT);
        into.getChildren().add(pair);
    }

    private static String exit(I18n i18n, Enrolment e) {
        if (e.isOpen()) {
            return i18n.get("participant.open");
        }
        return i18n.date(e.exitedOn()) + (e.exitReason() == null ? "" : " – " + i18n.of(e.exitReason()));
    }

    private static String groups(I18n i18n, Enrolment e) {
        return String.join(
                ", ", e.targetGroups().stream().sorted().map(i18n::of).toList());
    }

    private static String language(I18n i18n, Enrolment e) {
        String language = nz(e.language());
        return e.interpreterNeeded() ? language + " (" + i18n.get("participant.interpreter") + ")" : language;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A column as wide as its date or number, no wider: the width left goes to the text beside it. */
    private static TableColumn<EnrolmentRow, String> fixed(TableColumn<EnrolmentRow, String> c) {
        c.setPrefWidth(c.getMinWidth());
        c.setMaxWidth(c.getMinWidth());
        return c;
    }

    private static TableColumn<EnrolmentRow, String> column(String title, Function<EnrolmentRow, String> value) {
        TableColumn<EnrolmentRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(110);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setSortable(false);
        return c;
    }
}
