package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * The README's picture of the main window: the demo caseload on a fixed day, the Today screen.
 * Every run writes target/screenshots/main-window.png; to refresh the README's copy:
 * {@code mvn -q -o test -Dtest=ReadmeScreenshotTest -Dreadme.screenshot=src/docs/main-window.png}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshotTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("demo-" + System.nanoTime() + ".db"), DAY, TestPassphrase.get());
        var me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        context.demo().populate(20261124L, 80, me);
        context.forbidStoreOn(Thread.currentThread());
        MainWindow window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(CoachApplication.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(SV.get("app.name"));
        stage.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theMainWindowWithTheDemoCaseload(FxRobot robot) throws Exception {
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") > 10);
        Ui.shot(robot, "#todayTable", "main-window");
        Path shot = Screenshots.FOLDER.resolve("main-window.png");
        assertTrue(Files.size(shot) > 10_000, "a picture with something on it");
        String readme = System.getProperty("readme.screenshot");
        if (readme != null && !readme.isBlank()) {
            Files.copy(shot, Path.of(readme), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
