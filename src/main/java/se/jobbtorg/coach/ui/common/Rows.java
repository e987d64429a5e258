package se.jobbtorg.coach.ui.common;

import javafx.scene.control.TableView;

/** What the keyboard does in a table the coach acts on through its selected row. */
public final class Rows {
    private Rows() {}

    /**
     * A table reached with Tab, or whose focused row moves while none is selected, selects the
     * focused row (the first one at first): a focused row the buttons cannot act on is a trap.
     */
    public static <S> void selectOnFocus(TableView<S> table) {
        table.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                selectFocused(table);
            }
        });
        table.getFocusModel().focusedIndexProperty().addListener((o, old, now) -> {
            if (table.isFocused()) {
                selectFocused(table);
            }
        });
    }

    private static <S> void selectFocused(TableView<S> table) {
        if (!table.getSelectionModel().isEmpty() || table.getItems().isEmpty()) {
            return;
        }
        int at = table.getFocusModel().getFocusedIndex();
        int row = at < 0 || at >= table.getItems().size() ? 0 : at;
        table.getSelectionModel().select(row);
        table.getFocusModel().focus(row);
    }
}
