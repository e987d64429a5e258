package se.jobbtorg.coach.ui.caseload;

import java.time.LocalDate;
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
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
        scope.valueProperty().addListener((o, old, now) -> {
            if (now instanceof CaseloadViewModel.Scope s) {
                model.coachFilterProperty().set(null);
                model.scopeProperty().set(s);
            } else if (now instanceof Coach c) {
                model.coachFilterProperty().set(c);
            }
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
        buildTable(i18n);
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
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                selected(actions::open);
            }
        });
        Label empty = new Label();
        empty.textProperty()
                .bind(Bindings.when(model.queryProperty().isEmpty())
                        .then(i18n.get("caseload.empty"))
                        .otherwise(i18n.get("caseload.noMatch")));
        table.setPlaceholder(empty);

        Label status = new Label();
        status.setId("caseloadStatus");
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.limitedProperty().get()
                                ? i18n.get(
                                        "caseload.status.limited", model.rows().size())
                                : i18n.get("caseload.status.count", model.rows().size()),
                        model.rows(),
                        model.limitedProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox content = new VBox(6, bar, table, status);
        content.setPadding(new Insets(12));
        setCenter(content);
    }

    private void buildTable(I18n i18n) {
        table.setId("caseloadTable");
        Rows.selectOnFocus(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CaseloadRow, String> name = column(i18n.get("caseload.column.name"), CaseloadRow::name);
        name.setComparator(SwedishText::compare);
        name.setPrefWidth(220);
        TableColumn<CaseloadRow, String> number = column(i18n.get("caseload.column.number"), CaseloadRow::number);
        number.setPrefWidth(130);
        TableColumn<CaseloadRow, LocalDate> enrolled =
                column(i18n.get("caseload.column.enrolledOn"), CaseloadRow::enrolledOn);
        enrolled.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                setText(empty ? null : i18n.date(date));
            }
        });
        TableColumn<CaseloadRow, Long> days = column(i18n.get("caseload.column.days"), CaseloadRow::daysEnrolled);
        days.getStyleClass().add("numeric");
        days.setPrefWidth(70);
        TableColumn<CaseloadRow, String> coach = column(i18n.get("caseload.column.coach"), CaseloadRow::coach);
        coach.setComparator(SwedishText::compare);
        coach.setPrefWidth(160);
        TableColumn<CaseloadRow, String> status = column(
                i18n.get("caseload.column.status"),
                r -> i18n.get("caseload.state." + r.status().name().toLowerCase(Locale.ROOT)));
        // Dates, days and the status are read whole; the name and the coach give way.
        Cells.keepWhole(number, "19900917-3889");
        Cells.keepWhole(enrolled, i18n.date(Cells.WIDEST_DATE));
        Cells.keepWhole(days, "9999");
        Cells.keepWhole(
                status,
                Arrays.stream(CaseloadRow.Status.values())
                        .map(s -> i18n.get("caseload.state." + s.name().toLowerCase(Locale.ROOT)))
                        .max(Comparator.comparingInt(String::length))
                        .orElse(""));
        coach.setPrefWidth(140);
        table.getColumns().setAll(List.of(name, number, enrolled, days, coach, status));
    }

    private static <T> TableColumn<CaseloadRow, T> column(String title, Function<CaseloadRow, T> value) {
        TableColumn<CaseloadRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
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
}
