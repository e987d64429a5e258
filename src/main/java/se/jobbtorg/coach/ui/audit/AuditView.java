package se.jobbtorg.coach.ui.audit;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * The access log for a team lead: who read and changed what, and when. Filters by user, kind,
 * period and participant; a row opens the person's page (Enter or a double click); the entries
 * shown export to CSV; below, the days of unusual reading.
 */
public final class AuditView extends VBox {
    private final TableView<AuditViewModel.Row> table = new TableView<>();

    public AuditView(AuditViewModel model, UiContext ui, Consumer<UUID> openParticipant) {
        I18n i18n = ui.i18n();
        DialogService dialogs = ui.dialogs();
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("audit.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(i18n.get("audit.intro"));
        intro.setWrapText(true);
        // As tall as its wrapped lines: a VBox would otherwise cut it to one line with "…".
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<AuditViewModel.UserChoice> user = new ComboBox<>(model.users);
        user.setId("auditUser");
        user.valueProperty().bindBidirectional(model.user);
        ComboBox<AuditViewModel.KindChoice> kind = new ComboBox<>(model.kinds);
        kind.setId("auditKind");
        kind.valueProperty().bindBidirectional(model.kind);
        var from = Forms.date("auditFrom", i18n.get("date.prompt"), model.from, new SimpleBooleanProperty());
        var to = Forms.date("auditTo", i18n.get("date.prompt"), model.to, new SimpleBooleanProperty());
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        HBox filters = new HBox(
                8,
                Forms.labelFor(i18n.get("audit.filter.user"), user),
                user,
                Forms.labelFor(i18n.get("audit.filter.kind"), kind),
                kind,
                Forms.labelFor(i18n.get("audit.filter.from"), from),
                from,
                Forms.labelFor(i18n.get("audit.filter.to"), to),
                to);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label participant = new Label();
        participant.setId("auditParticipant");
        participant
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get(
                                "audit.filter.participant",
                                model.participantNameProperty().get()),
                        model.participantNameProperty()));
        Button allParticipants = new Button(i18n.get("audit.filter.clearParticipant"));
        allParticipants.setId("auditAllParticipants");
        allParticipants.setOnAction(e -> model.onlyParticipant(null, null));
        HBox participantRow = new HBox(8, participant, allParticipants);
        participantRow.setId("auditParticipantRow");
        participantRow.setAlignment(Pos.CENTER_LEFT);
        participantRow.visibleProperty().bind(model.participantProperty().isNotNull());
        participantRow.managedProperty().bind(participantRow.visibleProperty());

        Label count = new Label();
        count.setId("auditCount");
        count.textProperty().bind(model.countTextProperty());

        table.setId("auditTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(i18n.get("audit.empty")));
        Cells.fillOrScroll(table);
        table.getColumns()
                .setAll(List.of(
                        Cells.keepWhole(
                                Cells.<AuditViewModel.Row>column(
                                        i18n.get("audit.column.at"), 150, AuditViewModel.Row::at),
                                "2026-12-30 23:59:59"),
                        Cells.wrapping(Cells.<AuditViewModel.Row>column(
                                i18n.get("audit.column.user"), 150, AuditViewModel.Row::user)),
                        Cells.wrapping(Cells.<AuditViewModel.Row>column(
                                i18n.get("audit.column.action"), 220, AuditViewModel.Row::action)),
                        Cells.wrapping(Cells.<AuditViewModel.Row>column(
                                i18n.get("audit.column.participant"), 170, AuditViewModel.Row::participant)),
                        Cells.wrapping(Cells.<AuditViewModel.Row>column(
                                i18n.get("audit.column.detail"), 140, AuditViewModel.Row::detail)),
                        Cells.wrapping(Cells.<AuditViewModel.Row>column(
                                i18n.get("audit.column.device"), 120, AuditViewModel.Row::device))));
        table.setMinHeight(220);
        VBox.setVgrow(table, Priority.ALWAYS);
        var selected = table.getSelectionModel().selectedItemProperty();
        Runnable open = () -> {
            var row = selected.get();
            if (row != null && row.entry().participantId() != null) {
                openParticipant.accept(row.entry().participantId());
            }
        };
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<AuditViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.run();
                }
            });
            return row;
        });

        var noPerson = Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().entry().participantId() == null, selected);
        Button openButton = new Button(i18n.get("audit.open"));
        openButton.setId("auditOpen");
        openButton.disableProperty().bind(noPerson);
        openButton.setOnAction(e -> open.run());
        Button onlyThis = new Button(i18n.get("audit.filter.onlyThis"));
        onlyThis.setId("auditOnlyThis");
        onlyThis.disableProperty().bind(noPerson);
        onlyThis.setOnAction(e -> model.onlyParticipant(
                selected.get().entry().participantId(), selected.get().participant()));
        Button export = new Button(i18n.get("audit.exportCsv"));
        export.setId("auditExport");
        String exportTitle = i18n.get("audit.exportCsv").replace("_", "");
        export.setOnAction(e -> dialogs.saveFile(
                        exportTitle, i18n.get("audit.fileName"), DialogService.FileType.extension("csv"))
                .ifPresent(file -> model.exportCsv(
                        file, saved -> dialogs.showInformation(exportTitle, i18n.get("audit.exported", saved)))));
        HBox actions = new HBox(8, openButton, onlyThis, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (Node n : actions.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }

        Label unusualTitle = new Label(i18n.get("audit.unusual.title"));
        unusualTitle.getStyleClass().add("section-title");
        Label unusualIntro = new Label();
        unusualIntro
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get("audit.unusual.intro", model.shownLimit.get()), model.shownLimit));
        unusualIntro.setWrapText(true);
        unusualIntro.setMinHeight(Region.USE_PREF_SIZE);
        ListView<String> unusual = new ListView<>(model.unusual());
        unusual.setId("auditUnusual");
        unusual.setPlaceholder(new Label(i18n.get("audit.unusual.none")));
        unusual.setPrefHeight(90);
        unusual.setMinHeight(60);

        getChildren()
                .setAll(
                        title,
                        intro,
                        filters,
                        participantRow,
                        count,
                        table,
                        actions,
                        unusualTitle,
                        unusualIntro,
                        unusual);
    }

    /** Focus to the table, for the keyboard. */
    public void focusTable() {
        table.requestFocus();
    }
}
