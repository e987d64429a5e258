package se.jobbtorg.coach.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A form dialog makes room for a problem under a field, and keeps its buttons where they are when
 * the problem clears: it clears as the field loses the focus, that is as the user presses OK, and a
 * button that moved between press and release would lose the click (it did, in a window test).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DialogGrowthUiTest {
    private final StringProperty problem = new SimpleStringProperty("");
    private Dialog<Void> dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
        GridPane grid = Forms.grid();
        Forms.row(grid, 0, "Slutdatum", new TextField(), problem);
        dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Forms.growWith(dialog, problem);
        dialog.show();
    }

    @Test
    void theDialogGrowsForAProblemAndDoesNotShrinkUnderThePointerWhenItClears() throws Exception {
        Window window = dialog.getDialogPane().getScene().getWindow();
        double before = window.getHeight();

        WaitForAsyncUtils.asyncFx(() -> problem.set(
                        "Slutdatumet ligger före startdatumet 2026-11-24. Ange ett datum från och med startdatumet."))
                .get();
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> window.getHeight() > before);
        Bounds ok = settledOk();
        double grown = window.getHeight();

        WaitForAsyncUtils.asyncFx(() -> problem.set("")).get();
        settledOk();

        assertEquals(grown, window.getHeight(), "the dialog keeps its height");
        assertEquals(ok, okOnScreen(), "the OK button stays under the pointer");
    }

    /** Where the OK button is once the window's new size has reached the layout (a few pulses). */
    private Bounds settledOk() throws Exception {
        Bounds[] last = {null};
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            Bounds now = okOnScreen();
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private Bounds okOnScreen() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    var button = dialog.getDialogPane().lookupButton(ButtonType.OK);
                    return button.localToScreen(button.getBoundsInLocal());
                })
                .get();
    }
}
