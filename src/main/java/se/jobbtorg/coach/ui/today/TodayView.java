package se.jobbtorg.coach.ui.today;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.workflow.WorkTab;

/**
 * The coach's start screen: what is due today and what is overdue. Acting on an overdue item
 * asks for a reason first, which is kept; nothing here ever blocks the work (002).
 */
public final class TodayView extends VBox {
    private final TableView<TodayRow> table = new TableView<>();

    /** open receives the item and the work tab to show. */
    public TodayView(TodayViewModel model, UiContext ui, BiConsumer<TodayRow, WorkTab> open) {
        I18n i18n = ui.i18n();
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("today.title"));
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.setId("todaySummary");
        table.setId("todayTable");
        Rows.selectOnFocus(table);
        table.setItems(model.items());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("today.nothing")));
        table.getColumns()
                .setAll(List.of(
                        Cells.<TodayRow>column(
                                i18n.get("today.column.state"),
                                100,
                                i -> i18n.get(i.due().overdue() ? "today.overdue" : "today.due")),
                        Cells.<TodayRow>column(
                                i18n.get("today.column.date"),
                                100,
                                i -> i18n.date(i.due().dueOn())),
                        Cells.<TodayRow>column(
                                i18n.get("today.column.what"),
                                260,
                                i -> i18n.of(i.due().kind())),
                        Cells.<TodayRow>column(i18n.get("today.column.name"), 220, TodayRow::listName),
                        Cells.<TodayRow>column(
                                i18n.get("today.column.reason"), 200, i -> i.reason() == null ? "" : i.reason())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TodayRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("overdue");
                if (!empty && item != null && item.due().overdue()) {
                    getStyleClass().add("overdue");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button act = new Button(i18n.get("today.act"));
        act.setId("todayAct");
        act.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        Runnable acting = () -> act(model, ui, open);
        act.setOnAction(e -> acting.run());
        Button refresh = new Button(i18n.get("today.refresh"));
        refresh.setId("todayRefresh");
        refresh.setOnAction(e -> model.refresh());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                acting.run();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                acting.run();
            }
        });
        model.items().addListener((ListChangeListener<TodayRow>) c -> summary.setText(i18n.get(
                "today.summary",
                model.items().stream().filter(i -> i.due().overdue()).count(),
                model.items().size())));
        getChildren().setAll(title, summary, new HBox(8, act, refresh), table);
    }

    private void act(TodayViewModel model, UiContext ui, BiConsumer<TodayRow, WorkTab> open) {
        I18n i18n = ui.i18n();
        TodayRow item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        WorkTab tab = tabFor(item.due().kind());
        if (!TodayViewModel.needsReason(item)) {
            open.accept(item, tab);
            return;
        }
        FieldProblems form = new FieldProblems(i18n);
        var grid = Forms.grid();
        SimpleStringProperty reason = new SimpleStringProperty("");
        TextArea area = MultiLine.area("todayReason", reason, 3);
        Forms.row(grid, 0, i18n.get("today.reason"), area, form.of(TodayViewModel.FIELD_REASON));
        new FormDialog<TodayRow>(
                        ui,
                        "reasonDialog",
                        i18n.get("today.reason.title"),
                        i18n.get(
                                "today.reason.header",
                                i18n.of(item.due().kind()),
                                item.due().dueOn(),
                                item.fullName()),
                        grid,
                        i18n.get("today.reason.save"),
                        form,
                        (done, failed) -> model.giveReason(item, reason.get(), form, () -> done.accept(item)),
                        area)
                .showAndWait()
                .ifPresent(i -> open.accept(i, tab));
    }

    /** Where the work on a due item is done. */
    static WorkTab tabFor(DeadlineKind kind) {
        return switch (kind) {
            case PLAN_DUE, PLAN_AWAITING_APPROVAL, REVIEW_DUE, ACTIVITY_ENDING, LIMIT_APPROACHING -> WorkTab.PLAN;
            case MEETING_TODAY, FOLLOW_UP_MISSING -> WorkTab.MEETINGS;
        };
    }
}
