package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.i18n.I18n;

/** The mapping: every area with its status at a glance, and the selected area to work on. */
final class MappingPane extends HBox {
    private final TableView<MappingEntry> areas = new TableView<>();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);

    private final SimpleObjectProperty<MappingStatus> status = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty dateUnreadable = new SimpleBooleanProperty();
    private final SimpleStringProperty text = new SimpleStringProperty("");
    private final SimpleStringProperty otherActors = new SimpleStringProperty("");
    private final Map<Actor, CheckBox> actors = new EnumMap<>(Actor.class);
    private final FieldProblems problems;

    MappingPane(WorkViewModel model, I18n i18n) {
        setSpacing(16);
        setPadding(new Insets(12));
        problems = new FieldProblems(i18n);

        areas.setId("mappingAreas");
        areas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        areas.getColumns().setAll(java.util.List.of(
                Cells.<MappingEntry>column(i18n.get("mapping.column.area"), 230, e -> i18n.of(e.area())),
                Cells.<MappingEntry>column(i18n.get("mapping.column.status"), 110, e -> i18n.of(e.status())),
                Cells.<MappingEntry>column(i18n.get("mapping.column.date"), 95, e -> i18n.date(e.date()))));
        progress.setId("mappingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("mappingProgressText");
        VBox left = new VBox(6, progressText, progress, areas);
        VBox.setVgrow(areas, Priority.ALWAYS);
        left.setPrefWidth(460);
        left.setMinWidth(380);

        var grid = Forms.grid();
        ComboBox<MappingStatus> statusBox = Cells.choice("mappingStatus", i18n, MappingStatus.values());
        statusBox.valueProperty().bindBidirectional(status);
        Forms.row(grid, 0, i18n.get("mapping.status"), statusBox, null);
        Forms.row(grid, 1, i18n.get("mapping.date"), Forms.date("mappingDate", i18n.get("date.prompt"), date, dateUnreadable),
                problems.of("date"));
        TextArea textArea = new TextArea();
        textArea.setId("mappingText");
        textArea.setWrapText(true);
        textArea.setPrefRowCount(6);
        textArea.textProperty().bindBidirectional(text);
        Forms.row(grid, 2, i18n.get("mapping.text"), textArea, null);
        FlowPane actorBoxes = new FlowPane(10, 4);
        for (Actor actor : Actor.values()) {
            CheckBox box = new CheckBox(i18n.of(actor));
            box.setId("actor-" + actor.code());
            actors.put(actor, box);
            actorBoxes.getChildren().add(box);
        }
        Forms.row(grid, 3, i18n.get("mapping.actors"), actorBoxes, null)
                .setLabelFor(actorBoxes.getChildren().get(0));
        Forms.row(grid, 4, i18n.get("mapping.otherActors"), Forms.text("mappingOtherActors", otherActors),
                problems.of(se.jobbtorg.coach.service.WorkflowService.FIELD_OTHER_ACTORS));
        Button save = new Button(i18n.get("mapping.save"));
        save.setId("mappingSave");
        save.setDefaultButton(false);
        save.disableProperty().bind(areas.getSelectionModel().selectedItemProperty().isNull()
                .or(problems.savingProperty()));
        save.setOnAction(e -> {
            MappingEntry current = areas.getSelectionModel().getSelectedItem();
            if (dateUnreadable.get()) {
                problems.show(java.util.List.of(se.jobbtorg.coach.domain.Problem.of("date", "validation.date")));
                return;
            }
            EnumSet<Actor> chosen = EnumSet.noneOf(Actor.class);
            actors.forEach((a, box) -> {
                if (box.isSelected()) {
                    chosen.add(a);
                }
            });
            model.saveMapping(current, status.get(), text.get(), date.get(), chosen, otherActors.get(), problems,
                    saved -> { });
        });
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.setId("mappingAreaTitle");
        Label history = new Label();
        history.setId("mappingHistory");
        history.setWrapText(true);
        history.getStyleClass().add("history");
        VBox right = new VBox(8, heading, grid, save, history);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(0);
        getChildren().setAll(left, right);

        areas.getSelectionModel().selectedItemProperty().addListener((o, old, entry) -> {
            heading.setText(entry == null ? "" : i18n.of(entry.area()));
            var work = model.workProperty().get();
            history.setText(entry == null || work == null ? "" : String.join("\n", work.mappingHistory().stream()
                    .filter(h -> h.area() == entry.area() && !h.id().equals(entry.id()))
                    .map(h -> i18n.get("mapping.history.line", h.date() == null ? "" : i18n.date(h.date()),
                            i18n.of(h.status()), h.text() == null ? "" : h.text()))
                    .toList()));
            problems.show(java.util.List.of());
            if (entry != null) {
                status.set(entry.status());
                date.set(entry.date());
                text.set(entry.text() == null ? "" : entry.text());
                otherActors.set(entry.otherActors() == null ? "" : entry.otherActors());
                actors.forEach((a, box) -> box.setSelected(entry.actors().contains(a)));
            }
        });
        model.workProperty().addListener((o, old, work) -> {
            if (work == null) {
                return;
            }
            MappingArea selected = areas.getSelectionModel().getSelectedItem() == null ? MappingArea.values()[0]
                    : areas.getSelectionModel().getSelectedItem().area();
            areas.getItems().setAll(work.mapping().values());
            areas.getSelectionModel().select(work.mapping().get(selected));
            long settled = work.settledAreas();
            progressText.setText(i18n.get("mapping.progress", settled, work.mapping().size()));
            progress.setProgress(settled / (double) work.mapping().size());
        });
    }
}
