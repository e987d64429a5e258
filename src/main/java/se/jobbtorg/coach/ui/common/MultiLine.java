package se.jobbtorg.coach.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Every multi-line field of the program. Tab moves on to the next field (Shift+Tab back), as in
 * every one-line field: a coach working from the keyboard is never caught in a note, and no
 * note stores an invisible tab character, typed or pasted.
 */
public final class MultiLine {
    private MultiLine() {}

    /** A wrapping text area of this many rows, bound both ways to the value. */
    public static TextArea area(String id, StringProperty value, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(value);
        tabMovesFocus(area);
        return area;
    }

    /** Tab and Shift+Tab leave the area; a tab in pasted text becomes a space. */
    public static void tabMovesFocus(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            e.consume();
            // The area's own way out is Ctrl+Tab (Ctrl+Shift+Tab back); JavaFX 21 has no public
            // call that moves the focus, so Tab is handed on as that key.
            area.fireEvent(new KeyEvent(
                    e.getSource(),
                    area,
                    KeyEvent.KEY_PRESSED,
                    e.getCharacter(),
                    e.getText(),
                    KeyCode.TAB,
                    e.isShiftDown(),
                    true,
                    false,
                    false));
        });
        area.setTextFormatter(new TextFormatter<String>(change -> {
            if (change.getText().indexOf('\t') >= 0) {
                change.setText(change.getText().replace('\t', ' '));
            }
            return change;
        }));
    }
}
