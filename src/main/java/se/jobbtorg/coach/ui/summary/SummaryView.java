package se.jobbtorg.coach.ui.summary;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.jobbtorg.coach.domain.PeriodPreset;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.report.IndicatorTable;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.DialogService.FileType;
import se.jobbtorg.coach.ui.common.FileExport;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * The team lead's summary: the indicators of a period, self-support in both definitions side by
 * side as a chart, every figure with its unit, numerator and denominator, its definition on hover
 * and in a panel below the table that follows the selection, the people behind it on Enter or a
 * double click (a person's page opens from that list), period presets, and the exports with small
 * numbers left out unless the team lead keeps them for internal use.
 */
public final class SummaryView extends VBox {
    private final TableView<IndicatorTable.Row> table = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 10));

    private final TextArea definition = new TextArea();

    public SummaryView(SummaryViewModel model, UiContext ui, Consumer<UUID> openParticipant) {
        I18n i18n = ui.i18n();
        DialogService dialogs = ui.dialogs();
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("summary.title"));
        title.getStyleClass().add("page-title");

        var from = Forms.date("summaryFrom", i18n.get("date.prompt"), model.from, new SimpleBooleanProperty());
        var to = Forms.date("summaryTo", i18n.get("date.prompt"), model.to, new SimpleBooleanProperty());
        ComboBox<PeriodPreset> preset = new ComboBox<>(FXCollections.observableArrayList(PeriodPreset.values()));
        preset.setId("summaryPreset");
        preset.setPromptText(i18n.get("summary.preset.prompt"));
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(PeriodPreset p) {
                return p == null ? "" : presetName(p, i18n);
            }

            @Override
            public PeriodPreset fromString(String text) {
                return null;
            }
        });
        preset.setValue(model.preset());
        boolean[] choosing = {false};
        preset.setOnAction(e -> {
            if (!choosing[0] && preset.getValue() != null) {
                choosing[0] = true;
                model.preset(preset.getValue());
                choosing[0] = false;
            }
        });
        // Dates typed by hand that make a preset's period name it; others clear the box.
        javafx.beans.InvalidationListener follow = o -> {
            if (!choosing[0]) {
                choosing[0] = true;
                preset.setValue(model.preset());
                choosing[0] = false;
            }
        };
        model.from.addListener(follow);
        model.to.addListener(follow);
        preset.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> unit = new ComboBox<>(model.units);
        unit.setId("summaryUnit");
        unit.setEditable(true);
        unit.setPromptText(i18n.get("report.allUnits"));
        unit.getEditor().textProperty().bindBidirectional(model.unit);
        unit.setPrefWidth(260);
        Button compute = new Button(i18n.get("summary.compute"));
        compute.setId("summaryCompute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> {
            Forms.commit(from);
            Forms.commit(to);
            model.compute();
        });
        Button export = exportButton(
                model,
                i18n,
                dialogs,
                "summaryExport",
                "summary.exportCsv",
                "summary.fileName",
                "csv",
                model::exportCsv);
        Button exportXlsx = exportButton(
                model,
                i18n,
                dialogs,
                "summaryExportXlsx",
                "summary.exportXlsx",
                "summary.fileName.xlsx",
                "xlsx",
                model::exportXlsx);
        Button exportPdf = exportButton(
                model,
                i18n,
                dialogs,
                "summaryExportPdf",
                "summary.exportPdf",
                "summary.fileName.pdf",
                "pdf",
                model::exportPdf);
        Button exportNational = exportButton(
                model,
                i18n,
                dialogs,
                "summaryExportNational",
                "summary.exportNationalCsv",
                "summary.fileName.national",
                "csv",
                model::exportNationalCsv);
        HBox controls = new HBox(
                8,
                Forms.labelFor(i18n.get("summary.preset"), preset),
                preset,
                Forms.labelFor(i18n.get("summary.from"), from),
                from,
                Forms.labelFor(i18n.get("summary.to"), to),
                to,
                Forms.labelFor(i18n.get("summary.unit"), unit),
                unit,
                compute);
        // The exports on a row of their own: on one row with the period they pushed the whole
        // screen wider than the window (1180 px and less), cutting off the chart.
        CheckBox internal = new MnemonicCheckBox(i18n.get("summary.internal"));
        internal.setId("summaryInternal");
        internal.setMnemonicParsing(true);
        internal.selectedProperty().bindBidirectional(model.internal);
        internal.setTooltip(new Tooltip(i18n.get("summary.internal.tooltip")));
        internal.setMinWidth(Region.USE_PREF_SIZE);
        // A flow: at 1024 px the box for small numbers goes to a line of its own instead of
        // pushing the screen wider than the window.
        FlowPane exports = new FlowPane(8, 6, export, exportXlsx, exportPdf, exportNational, internal);
        exports.setAlignment(Pos.CENTER_LEFT);
        compute.setMinWidth(Region.USE_PREF_SIZE);
        unit.setMinWidth(100);
        from.setMinWidth(120);
        to.setMinWidth(120);
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        HBox.setHgrow(unit, Priority.SOMETIMES);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox exporting = exporting(model.export(), i18n);

        table.setId("summaryTable");
        table.setItems(model.rows());
        // Only the figure's column grows and shrinks with the window (below): a constrained policy
        // left "Nämnare" cut off, with no scroll bar, after the window was made smaller.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(i18n.get("summary.empty")));
        table.getColumns()
                .setAll(List.of(
                        Cells.<IndicatorTable.Row>column(
                                i18n.get("report.column.section"), 110, IndicatorTable.Row::section),
                        Cells.wrapping(Cells.<IndicatorTable.Row>column(
                                i18n.get("report.column.figure"), 330, IndicatorTable.Row::figure)),
                        Cells.<IndicatorTable.Row>column(i18n.get("summary.column.value"), 64, row -> value(row, i18n)),
                        Cells.<IndicatorTable.Row>column(
                                i18n.get("summary.column.measure"),
                                64,
                                row -> i18n.get(row.unit().key())),
                        Cells.<IndicatorTable.Row>column(
                                i18n.get("report.column.numerator"), 64, IndicatorTable.Row::numerator),
                        Cells.<IndicatorTable.Row>column(
                                i18n.get("report.column.denominator"), 64, IndicatorTable.Row::denominator)));
        // A narrow window (1024 px) leaves the figures' names little room: they wrap onto more
        // lines instead of being cut to "Inskrivna under p…"; the other columns keep their
        // headings and values whole ("Självförsörjning", "Denominator").
        Cells.keepWhole(table.getColumns().get(0), i18n.get("report.section.selfSupport"));
        table.getColumns().get(1).setMinWidth(165);
        for (int i = 2; i < table.getColumns().size(); i++) {
            Cells.keepWhole(table.getColumns().get(i), i == 3 ? i18n.get("report.measure.points") : "100.0");
        }
        double others = 0;
        for (int i = 0; i < table.getColumns().size(); i++) {
            if (i != 1) {
                others += table.getColumns().get(i).getPrefWidth();
            }
        }
        // The rest of the table's width, less its border and vertical scroll bar; below the
        // figure's least width the table scrolls sideways.
        table.getColumns()
                .get(1)
                .prefWidthProperty()
                .bind(Bindings.max(165, table.widthProperty().subtract(others + 24)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(IndicatorTable.Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.definition()));
            }
        });
        Runnable open = () -> {
            var row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.behind().count() > 0) {
                model.behind(row.behind(), lines -> showPeople(i18n, dialogs, row, lines, openParticipant));
            }
        };
        // The selected figure's definition, below the table: read from the keyboard (Tab from the
        // table, or its letter), not only on hover, and it follows the arrows.
        definition.setId("summaryDefinition");
        definition.setEditable(false);
        definition.setWrapText(true);
        definition.setPrefRowCount(3);
        definition.setMinHeight(Region.USE_PREF_SIZE);
        definition.setText(i18n.get("summary.definition.none"));
        Label definitionLabel = Forms.labelFor(i18n.get("summary.definition"), definition);
        definition.setAccessibleText(definitionLabel.getText().replace("_", ""));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            definition.setText(row == null ? i18n.get("summary.definition.none") : definition(row, i18n));
            definition.setAccessibleHelp(definition.getText());
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open.run();
            }
        });

        chart.setId("summaryChart");
        chart.setTitle(i18n.get("summary.chart.title"));
        chart.getYAxis().setLabel("%");
        chart.setAnimated(false);
        // Narrow enough that the table beside it shows all its columns at 1024 px.
        chart.setPrefWidth(280);
        chart.setMinWidth(240);
        model.resultProperty().addListener((o, old, report) -> {
            chart.getData().clear();
            if (report == null) {
                return;
            }
            for (SelfSupport definition : SelfSupport.values()) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(i18n.get("summary.chart." + definition.code()));
                for (var at : report.selfSupport()) {
                    Double v = at.shares().get(definition).value();
                    if (v != null) { // nothing measurable yet is no bar, not a bar at zero
                        series.getData()
                                .add(new XYChart.Data<>(i18n.get("summary.chart.months", at.months()), v * 100));
                    }
                }
                chart.getData().add(series);
            }
        });
        VBox left = new VBox(4, table, definitionLabel, definition);
        // Never narrower than its columns at their least: the chart beside it gives way first.
        left.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> table.getColumns().stream()
                                        .mapToDouble(c -> c.getMinWidth())
                                        .sum()
                                + 26,
                        table.getColumns().stream()
                                .map(c -> c.minWidthProperty())
                                .toArray(javafx.beans.Observable[]::new)));
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, left, chart);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label hint = new Label(i18n.get("summary.hint"));
        hint.getStyleClass().add("history");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        getChildren().setAll(title, controls, exports, exporting, hint, body);
    }

    /** While a file is written: which, how far it has come, and a button that stops it. */
    private static HBox exporting(FileExport export, I18n i18n) {
        Label saving = new Label();
        saving.setId("summaryExporting");
        saving.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> export.fileProperty().get() == null
                                ? ""
                                : i18n.get(
                                        "summary.exporting",
                                        export.fileProperty().get().getFileName()),
                        export.fileProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("summaryExportProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(export.progressProperty());
        Button cancel = new Button(i18n.get("summary.exportCancel"));
        cancel.setId("summaryExportCancel");
        cancel.setOnAction(e -> export.cancel());
        HBox row = new HBox(8, saving, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(export.runningProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** A button that asks where to save, exports what is shown there, and says where it went. */
    private static Button exportButton(
            SummaryViewModel model,
            I18n i18n,
            DialogService dialogs,
            String id,
            String key,
            String fileNameKey,
            String extension,
            BiConsumer<Path, Consumer<Path>> export) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        // One export at a time: the row under the buttons shows it and can stop it.
        button.disableProperty()
                .bind(model.resultProperty().isNull().or(model.export().runningProperty()));
        button.setMinWidth(Region.USE_PREF_SIZE);
        String title = i18n.get(key).replace("_", "");
        button.setOnAction(e -> dialogs.saveFile(title, i18n.get(fileNameKey), FileType.extension(extension))
                .ifPresent(file -> export.accept(
                        file, saved -> dialogs.showInformation(title, i18n.get("summary.saved", saved)))));
        return button;
    }

    /** A preset's name in the user's language. */
    static String presetName(PeriodPreset preset, I18n i18n) {
        return switch (preset) {
            case THIS_MONTH -> i18n.get("summary.preset.thisMonth");
            case LAST_MONTH -> i18n.get("summary.preset.lastMonth");
            case THIS_QUARTER -> i18n.get("summary.preset.thisQuarter");
            case THIS_YEAR -> i18n.get("summary.preset.thisYear");
            case LAST_YEAR -> i18n.get("summary.preset.lastYear");
        };
    }

    /**
     * What the panel below the table says of a figure: its name and unit, what is counted, and
     * for a share its numerator and denominator.
     */
    static String definition(IndicatorTable.Row row, I18n i18n) {
        StringBuilder text = new StringBuilder(i18n.get(
                "summary.definition.heading", row.figure(), i18n.get(row.unit().key())));
        text.append('\n').append(row.definition());
        if (row.unit() == IndicatorTable.Unit.SHARE && !row.denominator().isEmpty()) {
            String v = value(row, i18n);
            text.append('\n')
                    .append(i18n.get(
                            "summary.definition.share", row.numerator(), row.denominator(), v.isEmpty() ? "–" : v));
        }
        return text.toString();
    }

    private static void showPeople(
            I18n i18n,
            DialogService dialogs,
            IndicatorTable.Row row,
            List<IndicatorReport.Line> lines,
            Consumer<UUID> openParticipant) {
        TableView<IndicatorReport.Line> people = new TableView<>();
        people.setId("summaryPeople");
        people.getItems().setAll(lines);
        // Enter or a double click on a person: the list closes and their page opens, as from the caseload.
        UUID[] chosen = {null};
        Runnable choose = () -> {
            var line = people.getSelectionModel().getSelectedItem();
            if (line != null) {
                chosen[0] = line.participantId();
                for (Node n = people; n != null; n = n.getParent()) {
                    if (n instanceof DialogPane pane && pane.lookupButton(ButtonType.OK) instanceof Button ok) {
                        ok.fire();
                        return;
                    }
                }
            }
        };
        people.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && people.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                choose.run();
            }
        });
        people.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                choose.run();
            }
        });
        Cells.fillOrScroll(people);
        people.getColumns()
                .setAll(List.of(
                        Cells.<IndicatorReport.Line>column(
                                i18n.get("caseload.column.name"), 200, IndicatorReport.Line::name),
                        Cells.<IndicatorReport.Line>column(
                                i18n.get("caseload.column.number"), 130, IndicatorReport.Line::number),
                        Cells.<IndicatorReport.Line>column(
                                i18n.get("participant.column.enrolledOn"), 100, l -> i18n.date(l.enrolledOn())),
                        Cells.<IndicatorReport.Line>column(
                                i18n.get("participant.column.exitedOn"),
                                220,
                                l -> l.exitedOn() == null
                                        ? ""
                                        : i18n.date(l.exitedOn()) + " – " + i18n.of(l.reason()))));
        people.setPrefSize(680, 360);
        dialogs.showContent(
                row.figure(), row.figure() + ": " + lines.size() + "\n" + i18n.get("summary.people.hint"), people);
        if (chosen[0] != null) {
            openParticipant.accept(chosen[0]);
        }
    }

    /**
     * A figure's value in the user's language: a share with a decimal point in English and a
     * decimal comma in Swedish (the exports stay Swedish: they are made for the city's reports).
     */
    static String value(IndicatorTable.Row row, I18n i18n) {
        if (row.number() != null
                && (row.unit() == IndicatorTable.Unit.SHARE || row.unit() == IndicatorTable.Unit.POINTS)) {
            return String.format(i18n.locale(), "%.1f", row.number() * 100);
        }
        return row.value();
    }
}
