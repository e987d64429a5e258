package se.jobbtorg.coach.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;
import se.jobbtorg.coach.i18n.I18n;

/** Small builders that make every form look and behave the same. */
public final class Forms {
    private static final double FIELD_WIDTH = 440;

    private Forms() {}

    /** A grid of label | field | message rows. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPrefWidth(FIELD_WIDTH);
        fields.setMinWidth(220);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        // Squeezed below its height, a grid's rows overlap: the screen around it scrolls instead.
        grid.setMinHeight(Region.USE_PREF_SIZE);
        return grid;
    }

    /**
     * A label beside a field in a row of filters: its mnemonic (an underscore in its text) focuses
     * the field, and it is never squeezed below its text.
     */
    public static Label labelFor(String text, Node field) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    /**
     * Adds a labelled row. The label's mnemonic (an underscore in its text) focuses the field;
     * the message under the field shows the problem with it, if any.
     */
    public static Label row(GridPane grid, int row, String labelText, Node field, StringProperty problem) {
        Label label = new Label(labelText);
        // A group of boxes reads from its first line; a single field is centred on its label.
        GridPane.setValignment(label, field instanceof Pane || field instanceof TextArea ? VPos.TOP : VPos.CENTER);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("form-label");
        grid.add(label, 0, row * 2);
        grid.add(field, 1, row * 2);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (problem != null) {
            Label message = new Label();
            message.getStyleClass().add("field-problem");
            message.textProperty().bind(problem);
            message.visibleProperty().bind(problem.isNotEmpty());
            message.managedProperty().bind(message.visibleProperty());
            message.setWrapText(true);
            message.setMaxWidth(FIELD_WIDTH);
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.setId(field.getId() == null ? null : field.getId() + "Problem");
            grid.add(message, 1, row * 2 + 1);
            FirstProblem.remember(grid, label, problem);
            // Weakly: the problem may belong to a model that outlives this form (a rebuilt view).
            WeakListeners.whileAlive(field, problem, (obs, old, now) -> {
                if (now == null || now.isEmpty()) {
                    field.getStyleClass().remove("has-problem");
                } else if (!field.getStyleClass().contains("has-problem")) {
                    field.getStyleClass().add("has-problem");
                }
            });
        }
        return label;
    }

    /**
     * A form's own failure (the record gone, the database failing) as a sentence under its
     * fields, hidden while there is none; what the user typed stays in the fields above it.
     */
    public static Label formError(String id, ObservableStringValue error) {
        Label message = new Label();
        message.setId(id);
        message.getStyleClass().add("field-problem");
        message.textProperty().bind(error);
        message.visibleProperty().bind(Bindings.isNotEmpty(error));
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        message.setMaxWidth(FIELD_WIDTH);
        message.setMinHeight(Region.USE_PREF_SIZE);
        return message;
    }

    /**
     * Lets a dialog grow when problem messages appear under its fields, so its buttons are
     * never pushed out of sight.
     */
    public static void growWith(Dialog<?> dialog, ObservableValue<?>... problems) {
        for (ObservableValue<?> problem : problems) {
            problem.addListener((o, old, now) -> Platform.runLater(() -> grow(dialog)));
        }
    }

    /**
     * Grows the dialog to what its content now needs, and never shrinks it: a problem clears when
     * its field loses the focus, which happens as the user presses OK, so shrinking then would
     * move the button away between the press and the release and the click would be lost. The
     * pane is held at its tallest too, because the dialog's window lays it out at its preferred
     * size, not at the window's.
     */
    private static void grow(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        Scene scene = pane.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        double width = Math.max(pane.getWidth(), pane.prefWidth(-1));
        double height = Math.max(pane.getHeight(), pane.prefHeight(width));
        pane.setMinSize(width, height);
        Parent root = scene.getRoot();
        double sceneWidth = Math.max(scene.getWidth(), root.prefWidth(-1));
        double sceneHeight = Math.max(scene.getHeight(), root.prefHeight(sceneWidth));
        window.setWidth(window.getWidth() + sceneWidth - scene.getWidth());
        window.setHeight(window.getHeight() + sceneHeight - scene.getHeight());
    }

    /**
     * An editable combo box (free text with suggestions) bound to the view model through its
     * text, so what is typed counts at once, not only after Enter or leaving the field.
     */
    public static ComboBox<String> editableCombo(String id, List<String> suggestions, StringProperty value) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId(id);
        combo.setEditable(true);
        combo.getItems().setAll(suggestions);
        combo.getEditor().textProperty().bindBidirectional(value);
        combo.setMaxWidth(Double.MAX_VALUE);
        return combo;
    }

    public static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /**
     * A date picker that reads and writes Swedish dates (2026-11-24) in every language. Typed
     * text that is not a date leaves the value empty and sets unreadable, so the view model can
     * say so instead of "required".
     */
    public static DatePicker date(
            String id, String prompt, ObjectProperty<LocalDate> value, BooleanProperty unreadable) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : I18n.dateFormat().format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    unreadable.set(false);
                    return null;
                }
                try {
                    LocalDate date = LocalDate.parse(text.strip(), I18n.dateFormat());
                    unreadable.set(false);
                    return date;
                } catch (DateTimeParseException e) {
                    unreadable.set(true);
                    return null;
                }
            }
        });
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    /**
     * A screen in a scroll pane: as wide as the window unless its content needs more (then it
     * scrolls sideways), and as tall as the window while there is room for the content's least
     * height (its tables grow with the window); on a lower window it scrolls instead of cutting
     * off what is below.
     */
    public static ScrollPane scrolling(Region content) {
        ScrollPane scroll = new ScrollPane(content) {
            /*
             * Decided at each layout, not once when the viewport changes: the least height grows
             * after the pane is built (rows loaded, a problem shown, boxes wrapping at a narrower
             * width), and content held to a viewport lower than that overflows it with no scroll
             * bar, squeezing what it holds below its own height on the way.
             */
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                boolean fits = fitsHeight(this, content);
                if (fits != isFitToHeight()) {
                    setFitToHeight(fits);
                    super.layoutChildren();
                }
            }
        };
        scroll.getStyleClass().add("page-scroll");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    /** Whether the viewport is as tall as the content's least height at the width it is laid out at. */
    private static boolean fitsHeight(ScrollPane scroll, Region content) {
        Bounds viewport = scroll.getViewportBounds();
        if (viewport.getHeight() <= 0) {
            return false;
        }
        double width = content.getContentBias() == Orientation.HORIZONTAL
                ? Math.max(viewport.getWidth(), content.minWidth(-1))
                : -1;
        return viewport.getHeight() >= content.minHeight(width);
    }

    /** Takes what is typed in a date picker as its value even if the user has not left it. */
    public static void commit(DatePicker picker) {
        picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
    }

    /** Marks a row's label as a field the form cannot be saved without. */
    public static Label required(Label label, I18n i18n) {
        label.setText(i18n.get("form.required", label.getText()));
        label.getStyleClass().add("required");
        return label;
    }
}
