package se.jobbtorg.coach.ui.retention;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * Retention (gallring) for a team lead: the people whose last entry is older than the period, and
 * one button that deletes them for good after a question whose safe answer is the default.
 */
public final class RetentionView extends VBox {
    private final TableView<RetentionViewModel.Row> table = new TableView<>();

    public RetentionView(RetentionViewModel model, UiContext ui, Runnable afterDeletion) {
        I18n i18n = ui.i18n();
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("retention.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(i18n.get("retention.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("retentionSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());

        table.setId("retentionTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(i18n.get("retention.empty")));
        Cells.fillOrScroll(table);
        table.getColumns()
                .setAll(List.of(
                        Cells.wrapping(Cells.<RetentionViewModel.Row>column(
                                i18n.get("caseload.column.name"), 260, RetentionViewModel.Row::name)),
                        Cells.keepWhole(
                                Cells.<RetentionViewModel.Row>column(
                                        i18n.get("caseload.column.number"), 140, RetentionViewModel.Row::number),
                                "19880314-1081"),
                        Cells.<RetentionViewModel.Row>column(
                                i18n.get("retention.column.lastEntry"), 160, RetentionViewModel.Row::lastEntry)));
        table.setMinHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delete = new Button(i18n.get("retention.delete"));
        delete.setId("retentionDelete");
        delete.setMinWidth(Region.USE_PREF_SIZE);
        delete.disableProperty().bind(model.workingProperty().or(javafx.beans.binding.Bindings.isEmpty(model.rows())));
        String confirmTitle = i18n.get("retention.confirm.title");
        delete.setOnAction(e -> {
            if (ui.dialogs()
                    .confirm(
                            confirmTitle,
                            i18n.get("retention.confirm.text", model.rows().size()),
                            i18n.get("retention.confirm.yes"))) {
                model.deleteAll(deleted -> {
                    ui.dialogs()
                            .showInformation(
                                    confirmTitle, i18n.get("retention.deleted", deleted.people(), deleted.records()));
                    afterDeletion.run();
                });
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("retentionBusy");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.workingProperty());
        HBox actions = new HBox(8, delete, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().setAll(title, intro, summary, table, actions);
    }
}
