package se.jobbtorg.coach.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
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
