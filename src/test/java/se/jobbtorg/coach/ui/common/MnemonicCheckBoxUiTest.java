package se.jobbtorg.coach.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Alt+letter ticks and unticks a check box, as the space bar does; a click still ticks it once. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MnemonicCheckBoxUiTest {
    private MnemonicCheckBox box;
    private int actions;

    @Start
    void start(Stage stage) {
        box = new MnemonicCheckBox("Ta _med små tal");
        box.setOnAction(e -> actions++);
        TextField elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        stage.setScene(new Scene(new VBox(8, elsewhere, box), 300, 120));
        stage.show();
    }

    @Test
    void altAndTheLetterTicksTheBoxAndAgainUnticksIt(FxRobot robot) throws Exception {
        robot.clickOn("#elsewhere");
        robot.press(KeyCode.ALT).type(KeyCode.M).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, box::isSelected);
        assertTrue(box.isFocused(), "the box the letter named has the focus");
        robot.press(KeyCode.ALT).type(KeyCode.M).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> !box.isSelected());
        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, box::isSelected);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> !box.isSelected());
        assertFalse(box.isSelected());
        assertEquals(4, actions, "one action for each tick and untick, whichever way");
    }
}
