package se.jobbtorg.coach.ui.workflow;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.WeakListeners;
import se.jobbtorg.coach.ui.workflow.Timeline.Entry;
import se.jobbtorg.coach.ui.workflow.Timeline.Kind;

/**
 * The enrolment at a glance (its status band) and its timeline: every entry whole (a meeting's notes, next steps and follow-ups, a
 * reason, a mapping note), newest first, narrowed by kind and by words in it. Entries entered in
 * error are struck through, with why.
 */
final class TimelinePane extends VBox {
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final WorkViewModel model;
    private final I18n i18n;
    /** Whether the tab is chosen: the entries are held only then (see showWhile). */
    private boolean shown;

    /** show: selects the tab where an item of the status band is handled. */
    TimelinePane(WorkViewModel model, UiContext ui, Consumer<WorkTab> show) {
        this.model = model;
        this.i18n = ui.i18n();
        setSpacing(8);
        setPadding(new Insets(12));
        getStyleClass().add("form");
        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("timelineKind");
        kind.getItems().add(null);
        kind.getItems().addAll(Arrays.asList(Kind.values()));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return i18n.get(
                        k == null
                                ? "timeline.kind.all"
                                : switch (k) {
                                    case MEETING -> "timeline.kind.meeting";
                                    case PLAN -> "timeline.kind.plan";
                                    case ACTIVITY -> "timeline.kind.activity";
                                    case MAPPING -> "timeline.kind.mapping";
                                    case REASON -> "timeline.kind.reason";
                                    case ENROLMENT -> "timeline.kind.enrolment";
                                });
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        kind.setValue(null);
        TextField search = new TextField();
        search.setId("timelineSearch");
        search.setPromptText(i18n.get("timeline.search.prompt"));
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(360);
        HBox filters = new HBox(
                8,
                Forms.labelFor(i18n.get("timeline.kind"), kind),
                kind,
                Forms.labelFor(i18n.get("timeline.search"), search),
                search);
        filters.setAlignment(Pos.CENTER_LEFT);
        FilteredList<Entry> shown = new FilteredList<>(entries);
        shown.predicateProperty()
                .bind(Bindings.createObjectBinding(
                        () -> e -> (kind.getValue() == null || e.kind() == kind.getValue())
                                && e.mentions(search.getText()),
                        kind.valueProperty(),
                        search.textProperty()));
        ListView<Entry> list = new ListView<>(shown);
        list.setId("timeline");
        list.setPlaceholder(new Label(i18n.get("timeline.none")));
        list.setCellFactory(l -> new EntryCell(list, i18n));
        list.setPrefHeight(420);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label count = new Label();
        count.setId("timelineCount");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get("timeline.count", shown.size(), entries.size()), shown, entries));
        // Weakly: the model outlives a view let go (a rebuilt page).
        WeakListeners.<WorkPage>whileAlive(this, model.pageProperty(), (o, old, page) -> show());
        show();
        getChildren().setAll(new StatusBand(model, show), filters, count, list);
    }

    /** The page's story, while the tab is chosen. */
    private void show() {
        WorkPage page = model.pageProperty().get();
        if (page != null && shown) {
            entries.setAll(Timeline.of(page, i18n, model.today()));
        }
    }

    /**
     * Holds its entries only while its tab is chosen: a hidden tab's words stay out of the
     * window's other tabs (a search of the window for a text finds the tab shown, not the story).
     */
    void showWhile(ObservableBooleanValue selected) {
        Runnable follow = () -> {
            shown = selected.get();
            if (shown) {
                show();
            } else {
                entries.clear();
            }
        };
        selected.addListener((o, was, now) -> follow.run());
        follow.run();
    }

    /** An entry: its day (and time), what it is, then its words whole, wrapped to the list's width. */
    private static final class EntryCell extends ListCell<Entry> {
        private final Label heading = new Label();
        private final Label text = new Label();
        private final Label voided = new Label();
        private final VBox box = new VBox(2, heading, text, voided);
        private final I18n i18n;

        EntryCell(ListView<Entry> list, I18n i18n) {
            this.i18n = i18n;
            heading.getStyleClass().add("timeline-heading");
            text.setWrapText(true);
            voided.setWrapText(true);
            voided.getStyleClass().add("field-problem");
            for (Label l : new Label[] {heading, text, voided}) {
                l.maxWidthProperty().bind(list.widthProperty().subtract(40));
                l.setMinHeight(Label.USE_PREF_SIZE);
            }
            heading.setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Entry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String when = e.time() == null ? i18n.date(e.on()) : i18n.dateTime(e.on().atTime(e.time()));
            heading.setText(when + " · " + e.title());
            text.setText(e.text());
            text.setVisible(!e.text().isEmpty());
            text.setManaged(!e.text().isEmpty());
            voided.setText(e.voided() == null ? "" : e.voided());
            voided.setVisible(e.voided() != null);
            voided.setManaged(e.voided() != null);
            box.getStyleClass().remove("voided");
            heading.getStyleClass().remove("voided");
            text.getStyleClass().remove("voided");
            if (e.voided() != null) {
                heading.getStyleClass().add("voided");
                text.getStyleClass().add("voided");
            }
            setGraphic(box);
            setAccessibleText(heading.getText() + ". " + e.text() + (e.voided() == null ? "" : ". " + e.voided()));
        }
    }
}
