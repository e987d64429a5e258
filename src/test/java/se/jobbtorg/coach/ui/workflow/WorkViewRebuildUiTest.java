package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.ui.common.FxDialogService;
import se.jobbtorg.coach.ui.common.FxTaskRunner;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * What only a window shows of the work forms' models: text typed in a view is still there in a
 * view built anew on the same model (a later issue rebuilds views, e.g. after the idle lock).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkViewRebuildUiTest {
    @TempDir
    static Path dir;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private WorkFixture fx;
    private Stage stage;
    private UiContext ui;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new WorkFixture(dir.resolve("rebuild-" + System.nanoTime()), tasks);
        fx.db.forbidThread(Thread.currentThread());
        ui = new UiContext(
                fx.services, WorkFixture.EN, new FxDialogService(WorkFixture.EN, () -> stage), () -> stage, () -> null);
        stage.setScene(new Scene(new WorkView(fx.model, ui), 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        fx.close();
    }

    @Test
    void typedTextSurvivesANewViewOnTheSameModel(FxRobot robot) throws Exception {
        // The view opens on the timeline; the coach goes to the mapping.
        robot.clickOn("#workMapping");
        WaitForAsyncUtils.waitFor(
                1,
                TimeUnit.MINUTES,
                () -> robot.lookup("#mappingAreas")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        == MappingArea.values().length);
        robot.clickOn("#mappingText").write("Utkast om SFI");
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> fx.model.hasUnsavedWork());

        robot.interact(() -> stage.setScene(new Scene(new WorkView(fx.model, ui), 1100, 700)));
        robot.clickOn("#workMapping");
        // The coach works on in the new view (until then the scene's focus may rest on the old one).
        robot.clickOn("#mappingText");
        robot.interact(
                () -> System.err.println("PROBE focus " + stage.getScene().getFocusOwner()));

        assertEquals(
                "Utkast om SFI",
                robot.lookup("#mappingText").queryAs(TextArea.class).getText());
        assertEquals(
                MappingArea.values().length,
                robot.lookup("#mappingAreas")
                        .queryAs(TableView.class)
                        .getItems()
                        .size(),
                "the rebuilt view shows the work already loaded");
        assertTrue(fx.model.hasUnsavedWork());
    }

    /**
     * The model outlives its views: one let go (replaced after the lock, say) is collected, not
     * kept alive, and kept updated, by the model's listeners.
     */
    @Test
    void aViewLetGoIsNotKeptByItsModel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                1, TimeUnit.MINUTES, () -> fx.model.workProperty().get() != null);
        List<WeakReference<WorkView>> built = new ArrayList<>();
        robot.interact(() -> {
            WorkView shown = new WorkView(fx.model, ui);
            built.add(new WeakReference<>(shown));
            stage.getScene().setRoot(shown);
        });
        robot.interact(() -> stage.getScene().setRoot(new WorkView(fx.model, ui)));

        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> {
            System.gc();
            return built.get(0).get() == null;
        });
    }
}
