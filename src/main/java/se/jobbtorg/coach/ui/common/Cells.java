package se.jobbtorg.coach.ui.common;

import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import se.jobbtorg.coach.i18n.I18n;

/** Table columns and choice boxes that show values as text in the user's language. */
public final class Cells {
    private Cells() {}

    public static <S> TableColumn<S, String> column(String title, double width, Function<S, String> text) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(text.apply(r.getValue())));
        c.setPrefWidth(width);
        // Dates and short codes never shrink below what they need to be read.
        c.setMinWidth(Math.min(width, 92));
        return c;
    }

    /** A date as wide as dates get, to measure a date column by. */
    public static final LocalDate WIDEST_DATE = LocalDate.of(2028, 10, 28);

    /** The window's text size (coach.css): what a column's width is measured in. */
    private static final Font TABLE_FONT = Font.font(Font.getDefault().getFamily(), 13);
    /** A cell's padding and a little air, so a date is never cut to "2026-11-…". */
    private static final double CELL_PADDING = 22;

    /**
     * Keeps a column at least as wide as this text (the widest value it holds, e.g. a date) and
     * its own heading, so that a narrow window scrolls the table sideways instead of cutting them.
     */
    public static <S, T> TableColumn<S, T> keepWhole(TableColumn<S, T> column, String widest) {
        double needed = Math.max(width(widest), width(column.getText())) + CELL_PADDING;
        column.setMinWidth(Math.max(column.getMinWidth(), needed));
        column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
        return column;
    }

    static double width(String text) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(TABLE_FONT);
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }

    /** A choice of enum constants, shown through the bundle. */
    public static <E extends Enum<E>> ComboBox<E> choice(String id, I18n i18n, E[] values) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return i18n.of(value);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
