package se.jobbtorg.coach.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Small builders that make every form look and behave the same. */
public final class Forms {
    private Forms() {
    }

    /** A grid of label | field | message rows. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    /**
     * Adds a labelled row. The label's mnemonic (an underscore in its text) focuses the field;
     * the message under the field shows the problem with it, if any.
     */
    public static void row(GridPane grid, int row, String labelText, javafx.scene.Node field, StringProperty problem) {
        Label label = new Label(labelText);
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
            message.setId(field.getId() == null ? null : field.getId() + "Problem");
            grid.add(message, 1, row * 2 + 1);
            problem.addListener((obs, old, now) -> {
                if (now == null || now.isEmpty()) {
                    field.getStyleClass().remove("has-problem");
                } else if (!field.getStyleClass().contains("has-problem")) {
                    field.getStyleClass().add("has-problem");
                }
            });
        }
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
    public static DatePicker date(String id, String prompt, ObjectProperty<LocalDate> value,
            BooleanProperty unreadable) {
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
}
