package se.jobbtorg.coach.ui.workflow;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.WeakListeners;

/** The mapping: every area with its status at a glance, and the selected area to work on. */
final class MappingPane extends HBox {
    private final TableView<MappingEntry> areas = new TableView<>();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);

    MappingPane(WorkViewModel work, UiContext ui) {
        I18n i18n = ui.i18n();
        MappingViewModel model = work.mapping;
        setSpacing(16);
        setPadding(new Insets(12));

        areas.setId("mappingAreas");
        Rows.selectOnFocus(areas);
        Cells.fillOrScroll(areas);
        areas.getColumns()
                .setAll(List.of(
                        Cells.wrapping(
                                Cells.<MappingEntry>column(
                                        i18n.get("mapping.column.area"), 230, e -> i18n.of(e.area())),
                                Cells.names(i18n, MappingArea.values())),
                        Cells.<MappingEntry>column(i18n.get("mapping.column.status"), 110, e -> i18n.of(e.status())),
                        Cells.keepWhole(
                                Cells.<MappingEntry>column(
                                        i18n.get("mapping.column.date"), 95, e -> i18n.date(e.date())),
                                i18n.date(Cells.WIDEST_DATE))));
        progress.setId("mappingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        // Squeezed below its height, a bar draws as an empty line whatever its progress.
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progressText.setId("mappingProgressText");
        VBox left = new VBox(6, progressText, progress, areas);
        VBox.setVgrow(areas, Priority.ALWAYS);
        // The list shortens on a low window (it scrolls itself); the form beside it sets the height.
        areas.setMinHeight(180);
        left.setPrefWidth(460);
        left.setMinWidth(340);

        var grid = Forms.grid();
        ComboBox<MappingStatus> statusBox = Cells.choice("mappingStatus", i18n, MappingStatus.values());
        statusBox.valueProperty().bindBidirectional(model.status);
        Forms.row(grid, 0, i18n.get("mapping.status"), statusBox, null);
        Forms.row(
                grid,
                1,
                i18n.get("mapping.date"),
                Forms.date("mappingDate", i18n.get("date.prompt"), model.date, model.dateUnreadable),
                model.dateProblem);
        TextArea textArea = MultiLine.area("mappingText", model.text, 4);
        Forms.row(grid, 2, i18n.get("mapping.text"), textArea, null);
        FlowPane actorBoxes = new FlowPane(10, 4);
        for (Actor actor : Actor.values()) {
            CheckBox box = new CheckBox(i18n.of(actor));
            box.setId("actor-" + actor.code());
            box.selectedProperty().bindBidirectional(model.actors.get(actor));
            actorBoxes.getChildren().add(box);
        }
        // The grid asks a flow for its height at the flow's preferred width: wrapped at the width
        // it is given, the boxes get the lines they need instead of covering the row below.
        actorBoxes.prefWrapLengthProperty().bind(actorBoxes.widthProperty());
        actorBoxes.setMinHeight(Region.USE_PREF_SIZE);
        Forms.row(grid, 3, i18n.get("mapping.actors"), actorBoxes, null)
                .setLabelFor(actorBoxes.getChildren().get(0));
        Forms.row(
                grid,
                4,
                i18n.get("mapping.otherActors"),
                Forms.text("mappingOtherActors", model.otherActors),
                model.otherActorsProblem);
        FirstProblem.focusOnRefusal(grid, model.problems);
        Button save = new Button(i18n.get("mapping.save"));
        save.setId("mappingSave");
        save.setDefaultButton(false);
        save.disableProperty().bind(model.canSave.not());
        save.setOnAction(e -> model.save());
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.setId("mappingAreaTitle");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.entry.get() == null
                                ? ""
                                : i18n.of(model.entry.get().area()),
                        model.entry));
        // The area's entries, the current one first; one entered in error is voided here.
        // No letter of its own: every letter left would clash in some case (a scene's mnemonics
        // are looked up by letter and case, so Alt+O can reach a hidden "o" first). Tab from the
        // save button reaches the list, and selects its newest entry.
        Voiding.EntryList<MappingEntry> entries = Voiding.list(
                work,
                ui,
                "mappingEntries",
                i18n.get("mapping.entries"),
                i18n.get("mapping.entries.none"),
                List.of(
                        Cells.keepWhole(
                                Cells.<MappingEntry>column(
                                        i18n.get("mapping.column.date"),
                                        95,
                                        e -> e.date() == null ? "" : i18n.date(e.date())),
                                i18n.date(Cells.WIDEST_DATE)),
                        Cells.<MappingEntry>column(i18n.get("mapping.column.status"), 110, e -> i18n.of(e.status())),
                        Cells.<MappingEntry>column(
                                i18n.get("mapping.column.text"), 220, e -> e.text() == null ? "" : e.text())),
                "mappingVoid",
                i18n.get("mapping.void"),
                EntryVoid.Kind.MAPPING_ENTRY,
                MappingEntry::id,
                e -> i18n.get(
                        "void.header.mapping",
                        i18n.of(e.area()),
                        e.date() == null ? "" : i18n.date(e.date()),
                        i18n.of(e.status())));
        TableView<MappingEntry> history = entries.table;
        history.setItems(model.history);
        // Taller than the meetings' lists, and spaced as the form above it.
        history.setPrefHeight(160);
        history.setMinHeight(120);
        entries.setSpacing(8);
        VBox right = new VBox(
                8, heading, grid, save, Forms.formError("mappingError", model.problems.errorProperty()), entries);
        // Never narrower than its form: a narrow window takes the width from the list, and
        // what is narrower still scrolls sideways rather than cutting the fields off.
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().setAll(left, right);

        areas.getSelectionModel().selectedItemProperty().addListener((o, old, entry) -> {
            if (entry != null) {
                model.select(entry);
            }
        });
        ChangeListener<WorkPage> onWork = (o, old, loaded) -> {
            if (loaded == null) {
                return;
            }
            MappingArea selected = model.entry.get() == null
                    ? MappingArea.values()[0]
                    : model.entry.get().area();
            areas.getItems().setAll(loaded.areas());
            areas.getSelectionModel().select(loaded.area(selected));
            long settled = loaded.settledAreas();
            progressText.setText(
                    i18n.get("mapping.progress", settled, loaded.areas().size()));
            progress.setProgress(settled / (double) loaded.areas().size());
            // The form's model took the entries before the page took the voids: restrike them.
            history.refresh();
        };
        WeakListeners.whileAlive(this, work.pageProperty(), onWork);
        // A view built for work already loaded (a rebuilt view) shows it at once.
        onWork.changed(work.pageProperty(), null, work.pageProperty().get());
    }
}
