package se.jobbtorg.coach.ui.caseload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.Rows;

/** The caseload: search field, scope, the table of participants, and the actions on them. */
public final class CaseloadView extends BorderPane {

    /** What the buttons and keys of this view ask the main window to do. */
    public interface Actions {
        void register();

        void enrol(UUID participantId);

        void open(UUID participantId);
    }

    private final TextField search;
    private final TableView<CaseloadRow> table = new TableView<>();
    /** The person chosen last: chosen again when the list has read again. */
    private UUID chosen;

    public CaseloadView(CaseloadViewModel model, I18n i18n, Actions actions) {
        getStyleClass().add("caseload");

        search = TextFields.createClearableTextField();
        search.setId("caseloadSearch");
        search.setPromptText(i18n.get("caseload.search.prompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setPrefColumnCount(28);
        Label searchLabel = new Label(i18n.get("caseload.search.label"));
        searchLabel.setMnemonicParsing(true);
        searchLabel.setLabelFor(search);

        // My participants, everyone's, or (for a team lead) one coach's.
        ComboBox<Object> scope = new ComboBox<>();
        scope.setId("caseloadScope");
        Runnable fill = () -> {
            Object chosen = model.coachFilterProperty().get() != null
                    ? model.coachFilterProperty().get()
                    : model.scopeProperty().get();
            List<Object> items = new ArrayList<>(List.of(CaseloadViewModel.Scope.values()));
            items.addAll(model.otherCoaches());
            scope.getItems().setAll(items);
            scope.setValue(chosen);
        };
        fill.run();
        model.coaches().addListener((ListChangeListener<Coach>) c -> fill.run());
        // The scope chosen from elsewhere (the empty list's "search everyone") shows here too.
        boolean[] choosing = {false};
        Runnable show = () -> {
            if (!choosing[0]) {
                scope.setValue(
                        model.coachFilterProperty().get() != null
                                ? model.coachFilterProperty().get()
                                : model.scopeProperty().get());
            }
        };
        model.scopeProperty().addListener((o, old, now) -> show.run());
        model.coachFilterProperty().addListener((o, old, now) -> show.run());
        scope.valueProperty().addListener((o, old, now) -> {
            choosing[0] = true;
            if (now instanceof CaseloadViewModel.Scope s) {
                model.coachFilterProperty().set(null);
                model.scopeProperty().set(s);
            } else if (now instanceof Coach c) {
                model.coachFilterProperty().set(c);
            }
            choosing[0] = false;
        });
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object item) {
                if (item instanceof CaseloadViewModel.Scope s) {
                    return i18n.get("caseload.scope." + s.name().toLowerCase(Locale.ROOT));
                }
                if (item instanceof Coach c) {
                    return i18n.get("caseload.scope.coach", c.name());
                }
                return "";
            }

            @Override
            public Object fromString(String text) {
                return null;
            }
        });
        Label scopeLabel = new Label(i18n.get("caseload.scope.label"));
        scopeLabel.setMnemonicParsing(true);
        scopeLabel.setLabelFor(scope);

        Button register = new Button(i18n.get("caseload.action.register"));
        register.setId("registerButton");
        register.setOnAction(e -> actions.register());
        Button enrol = new Button(i18n.get("caseload.action.enrol"));
        enrol.setId("enrolButton");
        Button open = new Button(i18n.get("caseload.action.open"));
        open.setId("openButton");
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        enrol.disableProperty().bind(noSelection);
        open.disableProperty().bind(noSelection);
        enrol.setOnAction(e -> selected(actions::enrol));
        open.setOnAction(e -> selected(actions::open));

        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setMaxWidth(420);
        search.setMinWidth(160);
        for (Region r : new Region[] {searchLabel, scopeLabel, scope, register, enrol, open}) {
            // Labels and buttons keep their text; the search field gives way on a narrow window.
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The search and the actions are two groups that wrap onto two lines on a narrow window,
        // so that "Öppna" is never pushed out of sight.
        HBox finding = new HBox(8, searchLabel, search, scopeLabel, scope);
        finding.setAlignment(Pos.CENTER_LEFT);
        HBox acting = new HBox(8, register, enrol, open);
        acting.setAlignment(Pos.CENTER_LEFT);
        acting.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(24, 6, finding, acting);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar-row");
        bar.setPadding(new Insets(0, 0, 8, 0));

        // Down arrow from the search field goes to the first row: type, arrow, Enter opens.
        // Enter when the search has found exactly one person opens them at once.
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && model.rows().size() == 1) {
                table.getSelectionModel().select(0);
                actions.open(model.rows().get(0).participantId());
                e.consume();
            }
        });
        buildTable(model, i18n);
        table.setItems(model.rows());
        // The list reads again after every change (an enrolment, an import): the person chosen
        // stays chosen, so the buttons and the focus on them stay too.
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                chosen = row.participantId();
            }
        });
        model.rows().addListener((ListChangeListener<CaseloadRow>) c -> {
            if (table.getSelectionModel().isEmpty()) {
                selectChosen();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selected(actions::open);
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            // A double click on a row opens the person; two clicks on a heading only sort.
            if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && onRow(e.getPickResult().getIntersectedNode())) {
                selected(actions::open);
            }
        });
        table.setPlaceholder(placeholder(model, i18n));

        Label status = new Label();
        status.setId("caseloadStatus");
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> !model.limitedProperty().get()
                                ? i18n.get("caseload.status.count", model.rows().size())
                                : model.searchedProperty().get()
                                        ? i18n.get(
                                                "caseload.status.limitedSearch",
                                                model.rows().size())
                                        : i18n.get(
                                                "caseload.status.limited",
                                                model.rows().size()),
                        model.rows(),
                        model.limitedProperty(),
                        model.searchedProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox content = new VBox(6, bar, table, status);
        content.setPadding(new Insets(12));
        setCenter(content);
    }

    private void buildTable(CaseloadViewModel model, I18n i18n) {
        table.setId("caseloadTable");
        Rows.selectOnFocus(table);
        Cells.fillOrScroll(table);
        // Dates sort as dates and an empty cell sorts last, whichever way a column is sorted.
        table.setSortPolicy(t -> {
            Comparator<CaseloadRow> order = emptyLast(t.getSortOrder());
            if (order != null) {
                FXCollections.sort(t.getItems(), order);
            }
            return true;
        });
        TableColumn<CaseloadRow, String> name = column(i18n.get("caseload.column.name"), CaseloadRow::name);
        name.setComparator(SwedishText::compare);
        name.setPrefWidth(170);
        TableColumn<CaseloadRow, String> number = column(i18n.get("caseload.column.number"), CaseloadRow::number);
        number.setPrefWidth(130);

        // The next deadline or reminder: its date, "försenad" in words as well as in red (the
        // colour is not the only sign), and what it is.
        TableColumn<CaseloadRow, LocalDate> due = column(i18n.get("caseload.column.due"), CaseloadRow::nextDueOn);
        due.setId("caseloadDue");
        due.setCellFactory(c -> new TableCell<>() {
            // Two lines at most, so that a row stays two lines high: the date and "försenad"
            // first, whole; what is due below it, cut with "…" where the column is narrow. The
            // whole sentence is the cell's own text (found by it, read aloud) and its tooltip.
            private final Label when = new Label();
            private final Label what = new Label();
            private final VBox shown = new VBox(when, what);
            private final Tooltip whole = new Tooltip();

            {
                when.setMinWidth(Region.USE_PREF_SIZE);
                what.setMinWidth(0);
                shown.setMinWidth(0);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                CaseloadRow row = empty ? null : getTableRow().getItem();
                getStyleClass().remove("overdue");
                if (row == null || row.nextDue() == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                if (row.overdue()) {
                    getStyleClass().add("overdue");
                }
                String text = dueText(i18n, row);
                when.setText(i18n.get(
                        row.overdue() ? "caseload.due.when.late" : "caseload.due.when",
                        i18n.date(row.nextDue().dueOn())));
                what.setText(i18n.of(row.nextDue().kind()));
                whole.setText(text);
                setText(text);
                setGraphic(shown);
                setTooltip(whole);
            }
        });
        TableColumn<CaseloadRow, LocalDateTime> meeting =
                column(i18n.get("caseload.column.nextMeeting"), CaseloadRow::nextMeeting);
        meeting.setId("caseloadNextMeeting");
        meeting.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDateTime at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : i18n.dateTime(at));
            }
        });
        TableColumn<CaseloadRow, LocalDate> contact =
                column(i18n.get("caseload.column.lastContact"), CaseloadRow::lastContact);
        contact.setId("caseloadLastContact");
        contact.setCellFactory(dayAndDaysSince(i18n, "caseload.lastContact", CaseloadRow::daysSinceContact));
        // The day of the enrolment, and how many days ago: the 5-day and 18-month clocks.
        TableColumn<CaseloadRow, LocalDate> enrolled =
                column(i18n.get("caseload.column.enrolledOn"), CaseloadRow::enrolledOn);
        enrolled.setCellFactory(dayAndDaysSince(i18n, "caseload.enrolledOn", CaseloadRow::daysEnrolled));
        TableColumn<CaseloadRow, String> coach = column(i18n.get("caseload.column.coach"), CaseloadRow::coach);
        coach.setId("caseloadCoach");
        coach.setComparator(SwedishText::compare);
        // One coach's list (mine, or the one a team lead chose) would say the same name on every
        // row: the column is left out there, and its width goes to what is due.
        coach.visibleProperty()
                .bind(model.scopeProperty()
                        .isEqualTo(CaseloadViewModel.Scope.ALL)
                        .and(model.coachFilterProperty().isNull()));
        TableColumn<CaseloadRow, String> status = column(
                i18n.get("caseload.column.status"),
                r -> i18n.get("caseload.state." + r.status().name().toLowerCase(Locale.ROOT)));
        // Dates, days and the status are read whole; the name, the deadline and the coach give way.
        Cells.keepWhole(number, "19900917-3889");
        Cells.keepWhole(meeting, i18n.dateTime(Cells.WIDEST_DATE.atTime(10, 30)));
        Cells.keepWhole(contact, i18n.get("caseload.lastContact", i18n.date(Cells.WIDEST_DATE), 999));
        Cells.keepWhole(enrolled, i18n.get("caseload.enrolledOn", i18n.date(Cells.WIDEST_DATE), 999));
        Cells.keepWhole(
                status,
                Arrays.stream(CaseloadRow.Status.values())
                        .map(s -> i18n.get("caseload.state." + s.name().toLowerCase(Locale.ROOT)))
                        .max(Comparator.comparingInt(String::length))
                        .orElse(""));
        // The date and its mark whole; what is due below them gives way.
        Cells.keepWhole(due, i18n.get("caseload.due.when.late", i18n.date(Cells.WIDEST_DATE)));
        due.setPrefWidth(Math.max(due.getMinWidth(), 180));
        // A wide window widens what is due most, and the name and the coach; a date is no easier
        // to read for the room around it.
        name.setMaxWidth(280);
        for (TableColumn<CaseloadRow, ?> read : List.of(number, meeting, contact, enrolled, status)) {
            read.setMaxWidth(read.getPrefWidth() + 24);
        }
        coach.setPrefWidth(110);
        name.setMinWidth(130);
        coach.setMinWidth(70);
        table.getColumns().setAll(List.of(name, number, due, meeting, contact, enrolled, coach, status));
    }

    /** "2026-11-24: Planen ska omprövas", "2026-11-24, försenad: Aktivitetsplan ska upprättas". */
    static String dueText(I18n i18n, CaseloadRow row) {
        return i18n.get(
                row.overdue() ? "caseload.due.late" : "caseload.due",
                i18n.date(row.nextDue().dueOn()),
                i18n.of(row.nextDue().kind()));
    }

    /**
     * The rows' order for the table's sort order: each column's values in its direction, an
     * empty value after every value in either direction (nothing planned is not "earliest").
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<CaseloadRow> emptyLast(List<TableColumn<CaseloadRow, ?>> columns) {
        Comparator<CaseloadRow> order = null;
        for (TableColumn<CaseloadRow, ?> column : columns) {
            Comparator values = column.getComparator();
            Comparator<Object> directed =
                    column.getSortType() == TableColumn.SortType.DESCENDING ? values.reversed() : values;
            Comparator<CaseloadRow> by = Comparator.comparing(
                    r -> column.getCellObservableValue(r).getValue(), Comparator.nullsLast(directed));
            order = order == null ? by : order.thenComparing(by);
        }
        return order;
    }

    private static <T> TableColumn<CaseloadRow, T> column(String title, Function<CaseloadRow, T> value) {
        TableColumn<CaseloadRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /**
     * What the empty list says: how to add the first person; or, after a search that found
     * nobody, what else to try: everyone (when the words would find someone there, with a button
     * that searches there), the last four digits or four digits from inside the number.
     */
    private static VBox placeholder(CaseloadViewModel model, I18n i18n) {
        Label said = new Label();
        said.setId("caseloadEmpty");
        said.setWrapText(true);
        said.setMaxWidth(560);
        said.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String words = model.queryProperty().get();
                            if (words == null || words.isBlank()) {
                                return i18n.get("caseload.empty");
                            }
                            String tries = i18n.get("caseload.noMatch.digits");
                            boolean everyone = model.scopeProperty().get() == CaseloadViewModel.Scope.ALL
                                    && model.coachFilterProperty().get() == null;
                            String key = everyone
                                    ? "caseload.noMatch"
                                    : model.foundElsewhereProperty().get()
                                            ? "caseload.noMatch.elsewhere"
                                            : "caseload.noMatch.nowhere";
                            return i18n.get(key, words.strip()) + " " + tries;
                        },
                        model.queryProperty(),
                        model.scopeProperty(),
                        model.coachFilterProperty(),
                        model.foundElsewhereProperty()));
        Button everyone = new Button(i18n.get("caseload.noMatch.searchAll"));
        everyone.setId("caseloadSearchAll");
        everyone.setMnemonicParsing(true);
        everyone.visibleProperty().bind(model.foundElsewhereProperty());
        everyone.managedProperty().bind(everyone.visibleProperty());
        everyone.setOnAction(e -> model.searchEveryone());
        VBox box = new VBox(10, said, everyone);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        return box;
    }

    /**
     * Chooses this person, now or once the list shows them: one just registered is the one the
     * coach works on next, enrolled now or later ("Skriv in" is then at hand).
     */
    public void choose(UUID participantId) {
        chosen = participantId;
        table.getSelectionModel().clearSelection();
        selectChosen();
    }

    private void selectChosen() {
        if (chosen == null) {
            return;
        }
        table.getItems().stream()
                .filter(r -> r.participantId().equals(chosen))
                .findFirst()
                .ifPresent(r -> {
                    table.getSelectionModel().select(r);
                    table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
                });
    }

    private static boolean onRow(Node node) {
        for (Node n = node; n != null && !(n instanceof TableView); n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return !row.isEmpty();
            }
        }
        return false;
    }

    private void selected(Consumer<UUID> action) {
        CaseloadRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row.participantId());
        }
    }

    /** The participant of the selected row, if a row is selected. */
    public Optional<UUID> selectedParticipant() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(CaseloadRow::participantId);
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Cells of a day and how many days ago it was ("2026-04-18 (230 d)"), sorted by the day. */
    private static Callback<TableColumn<CaseloadRow, LocalDate>, TableCell<CaseloadRow, LocalDate>> dayAndDaysSince(
            I18n i18n, String key, Function<CaseloadRow, Long> daysSince) {
        return c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                CaseloadRow row = empty ? null : getTableRow().getItem();
                setText(row == null || date == null ? null : i18n.get(key, i18n.date(date), daysSince.apply(row)));
            }
        };
    }
}
