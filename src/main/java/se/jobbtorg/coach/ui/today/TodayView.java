package se.jobbtorg.coach.ui.today;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.today.TodayViewModel.Horizon;
import se.jobbtorg.coach.ui.workflow.WorkTab;

/**
 * The coach's start screen: what is due today and what is overdue, and the reminders of the
 * rules, with how many days each is late. Narrowed by kind and by when, sorted by any column,
 * grouped by person if the coach likes. Acting on an overdue deadline asks for a reason first,
 * which is kept; nothing here ever blocks the work (002).
 */
public final class TodayView extends VBox {
    private final TableView<TodayRow> table = new TableView<>();

    /** open receives the item and the work tab to show (null: the person's page as it opens). */
    public TodayView(TodayViewModel model, UiContext ui, BiConsumer<TodayRow, WorkTab> open) {
        I18n i18n = ui.i18n();
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("today.title"));
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.setId("todaySummary");
        summary.setWrapText(true);
        table.setId("todayTable");
        Rows.selectOnFocus(table);
        table.setItems(model.shown());
        // The rows are sorted by the view model's list, which follows the table's sort order.
        table.setSortPolicy(t -> true);
        model.sortBy(table.comparatorProperty());
        Cells.fillOrScroll(table);
        table.setPlaceholder(new Label(i18n.get("today.nothing")));
        TableColumn<TodayRow, Long> late = new TableColumn<>(i18n.get("today.column.late"));
        late.setId("todayLate");
        late.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().daysLate()));
        late.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long days, boolean empty) {
                super.updateItem(days, empty);
                setText(empty || days == null || days == 0 ? null : i18n.get("today.late.days", days));
            }
        });
        late.setStyle("-fx-alignment: TOP-RIGHT;");
        // A table sorts ascending on the first click: most days late first is what the coach wants.
        late.setComparator(Comparator.reverseOrder());
        Cells.keepWhole(late, i18n.get("today.late.days", 365));
        TableColumn<TodayRow, String> name = Cells.column(i18n.get("today.column.name"), 200, TodayRow::listName);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                // Grouped, a person's name heads their items only; a screen reader still reads it.
                setText(empty || text == null || repeatsPerson(model, getIndex()) ? null : text);
                setAccessibleText(empty ? null : text);
            }
        });
        table.getColumns()
                .setAll(List.of(
                        Cells.keepWhole(
                                Cells.<TodayRow>column(
                                        i18n.get("today.column.state"),
                                        90,
                                        i -> i18n.get(i.due().overdue() ? "today.overdue" : "today.due")),
                                i18n.get("today.overdue")),
                        late,
                        Cells.keepWhole(
                                Cells.<TodayRow>column(
                                        i18n.get("today.column.date"),
                                        100,
                                        i -> i18n.date(i.due().dueOn())),
                                i18n.date(Cells.WIDEST_DATE)),
                        Cells.wrapping(
                                Cells.<TodayRow>column(
                                        i18n.get("today.column.what"),
                                        260,
                                        i -> i18n.of(i.due().kind())),
                                Cells.names(i18n, DeadlineKind.values())),
                        name,
                        Cells.wrapping(Cells.<TodayRow>column(
                                i18n.get("today.column.reason"), 180, i -> i.reason() == null ? "" : i.reason()))));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TodayRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("overdue", "group-start");
                if (!empty && item != null && item.due().overdue()) {
                    getStyleClass().add("overdue");
                }
                if (!empty
                        && item != null
                        && model.byPerson().get()
                        && getIndex() > 0
                        && !repeatsPerson(model, getIndex())) {
                    getStyleClass().add("group-start");
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
        ListChangeListener<TodayRow> counts = c -> summary.setText(summary(model, i18n));
        model.items().addListener(counts);
        model.shown().addListener(counts);
        // Nothing due changes no list: the first read says so all the same.
        model.read().addListener((o, was, now) -> summary.setText(summary(model, i18n)));
        model.byPerson().addListener((o, was, now) -> table.refresh());
        getChildren().setAll(title, summary, toolbar(model, i18n, act, refresh), table);
    }

    /** The filters, then the buttons; on a narrow window the buttons go to a second line. */
    private static FlowPane toolbar(TodayViewModel model, I18n i18n, Button act, Button refresh) {
        ComboBox<DeadlineKind> kind = new ComboBox<>();
        kind.setId("todayKind");
        kind.getItems().add(null);
        kind.getItems().addAll(Arrays.asList(DeadlineKind.values()));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeadlineKind k) {
                return k == null ? i18n.get("today.kind.all") : i18n.of(k);
            }

            @Override
            public DeadlineKind fromString(String s) {
                return null;
            }
        });
        kind.setMaxWidth(260);
        kind.setValue(model.kind().get());
        model.kind().bind(kind.valueProperty());
        ComboBox<Horizon> horizon = Cells.choice("todayHorizon", i18n, Horizon.values());
        horizon.setValue(Horizon.ALL);
        model.horizon().bind(horizon.valueProperty());
        CheckBox byPerson = new MnemonicCheckBox(i18n.get("today.byPerson"));
        byPerson.setId("todayByPerson");
        byPerson.setMnemonicParsing(true);
        model.byPerson().bind(byPerson.selectedProperty());
        HBox buttons = new HBox(8, act, refresh);
        HBox filters = new HBox(
                8,
                Forms.labelFor(i18n.get("today.kind"), kind),
                kind,
                Forms.labelFor(i18n.get("today.horizon"), horizon),
                horizon,
                byPerson);
        filters.setAlignment(Pos.CENTER_LEFT);
        // The filters first, then the buttons that act on the table below them (the tab order too).
        FlowPane bar = new FlowPane(24, 8, filters, buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** True when the row at index is grouped under the person of the row before it. */
    private static boolean repeatsPerson(TodayViewModel model, int index) {
        var rows = model.shown();
        return model.byPerson().get()
                && index > 0
                && index < rows.size()
                && rows.get(index - 1).participantId().equals(rows.get(index).participantId());
    }

    private static String summary(TodayViewModel model, I18n i18n) {
        long overdue = model.items().stream().filter(i -> i.due().overdue()).count();
        String all = i18n.get("today.summary", overdue, model.items().size());
        return model.shown().size() == model.items().size()
                ? all
                : all + " " + i18n.get("today.summary.shown", model.shown().size());
    }

    private void act(TodayViewModel model, UiContext ui, BiConsumer<TodayRow, WorkTab> open) {
        I18n i18n = ui.i18n();
        TodayRow item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        WorkTab tab = WorkTab.of(item.due().kind());
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
}
