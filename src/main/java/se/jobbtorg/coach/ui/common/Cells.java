package se.jobbtorg.coach.ui.common;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
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
    /** A column's heading (Modena draws it bold). */
    private static final Font HEADING_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    /** Between a wrapped text's lines and its cell's edges: the cell's padding and border. */
    private static final double WRAP_MARGIN = 12;
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

    /**
     * A column whose text wraps onto more lines rather than being cut short ("Besök på k…"): a
     * table row keeps one line's height for a label's own wrapping, so the text is a graphic as
     * wide as the column, and the row grows to its lines. The column is never narrower than its
     * heading's longest word or these texts' (the values it can hold, where they are known), so
     * that no word is cut either; a heading does not wrap, so keep it short.
     */
    public static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column, String... texts) {
        // A heading needs the header's padding; a wrapped line only the margin it wraps within.
        double needed = longestWord(column.getText(), HEADING_FONT) + CELL_PADDING;
        for (String text : texts) {
            needed = Math.max(needed, longestWord(text, TABLE_FONT) + WRAP_MARGIN + 2);
        }
        column.setMinWidth(Math.max(column.getMinWidth(), needed));
        column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
        column.setCellFactory(c -> {
            Text shown = new Text();
            shown.getStyleClass().add("wrapping-text");
            TableCell<S, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    shown.setText(empty || text == null ? "" : text);
                    // The cell's own text too, drawn only as the graphic: found by it, read aloud.
                    setText(empty ? null : text);
                    setGraphic(empty ? null : shown);
                }
            };
            cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            shown.wrappingWidthProperty().bind(column.widthProperty().subtract(WRAP_MARGIN));
            return cell;
        });
        return column;
    }

    /**
     * Every column of this table wraps its text (those built by {@link #column}, which show
     * text), a date column too: no date is wider than its column, so it stays on one line.
     */
    @SuppressWarnings("unchecked")
    public static <S> void wrapping(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            wrapping((TableColumn<S, String>) column);
        }
    }

    /**
     * Columns that fill the table's width, as {@link TableView#CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN},
     * and on a table too narrow for every column's least width, each column at that width and the
     * table scrolling sideways. JavaFX's policy leaves the columns as wide as they last were there:
     * a window made narrow after it was wide kept its wide columns, far past its edge.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void fillOrScroll(TableView<?> table) {
        table.setColumnResizePolicy(features -> {
            if (features.getColumn() == null) {
                List<? extends TableColumnBase<?, ?>> columns = table.getVisibleLeafColumns();
                double least = columns.stream()
                        .mapToDouble(TableColumnBase::getMinWidth)
                        .sum();
                if (least >= features.getContentWidth()) {
                    columns.forEach(c -> features.setColumnWidth((TableColumnBase) c, c.getMinWidth()));
                    return true;
                }
            }
            return TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN.call(features);
        });
    }

    /** The display names of these constants, to size a column by the words they hold. */
    @SafeVarargs
    public static <E extends Enum<E>> String[] names(I18n i18n, E... values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = i18n.of(values[i]);
        }
        return names;
    }

    static double width(String text) {
        return width(text, TABLE_FONT);
    }

    private static double width(String text, Font font) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(font);
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }

    private static double longestWord(String text, Font font) {
        double widest = 0;
        // A line may break after a hyphen or a slash too ("Språk-/introduktionspraktik").
        for (String word : (text == null ? "" : text).split("\\s+|(?<=[-/])")) {
            widest = Math.max(widest, width(word, font));
        }
        return widest;
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
