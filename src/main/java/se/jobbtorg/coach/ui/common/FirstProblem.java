package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** After a refused save the focus goes to the first field that is wrong, not to the button. */
public final class FirstProblem {
    private FirstProblem() {}

    private record Row(Label label, ObservableStringValue problem) {}

    /** Forms.row tells each labelled row with a problem message; the label knows its field. */
    static void remember(GridPane grid, Label label, ObservableStringValue problem) {
        rows(grid).add(new Row(label, problem));
    }

    /** From now on, each refusal of these problems moves the focus to the grid's first wrong field. */
    public static void focusOnRefusal(GridPane grid, FieldProblems problems) {
        ChangeListener<Number> refused = (o, old, now) -> Platform.runLater(() -> focusFirst(grid));
        WeakListeners.whileAlive(grid, problems.refusalsProperty(), refused);
    }

    static void focusFirst(GridPane grid) {
        rows(grid).stream()
                .filter(r -> !r.problem().get().isEmpty())
                .min(Comparator.comparingInt(r -> rowOf(r.label())))
                .map(r -> r.label().getLabelFor())
                .filter(field -> field.getScene() != null && !field.isDisabled())
                .ifPresent(Node::requestFocus);
    }

    private static int rowOf(Label label) {
        Integer row = GridPane.getRowIndex(label);
        return row == null ? 0 : row;
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(GridPane grid) {
        return (List<Row>) grid.getProperties().computeIfAbsent(FirstProblem.class, k -> new ArrayList<Row>());
    }
}
