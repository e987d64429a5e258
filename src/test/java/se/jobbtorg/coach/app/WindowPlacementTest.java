package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window opens where it was, or maximised on a first start on a laptop's screen. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1920, 1050);

    @Test
    void aFirstStartOnAScreenNarrowerThan1600IsMaximised() {
        WindowPlacement p = WindowPlacement.choose(Optional.empty(), List.of(LAPTOP), LAPTOP);
        assertTrue(p.maximized());
        // Un-maximising goes back to a window that fits the screen.
        assertTrue(p.width() <= LAPTOP.getWidth() && p.height() <= LAPTOP.getHeight());
    }

    @Test
    void aFirstStartOnAWideScreenIsAWindowInTheMiddle() {
        WindowPlacement p = WindowPlacement.choose(Optional.empty(), List.of(WIDE), WIDE);
        assertFalse(p.maximized());
        assertEquals(WindowPlacement.WIDTH, p.width());
        assertEquals((WIDE.getWidth() - WindowPlacement.WIDTH) / 2, p.x());
    }

    @Test
    void aSavedPlacementOnAScreenIsKept() {
        var saved = new WindowPlacement(2100, 80, 1400, 900, false);
        assertEquals(saved, WindowPlacement.choose(Optional.of(saved), List.of(WIDE, RIGHT), WIDE));
        var maximised = new WindowPlacement(100, 50, 1000, 700, true);
        assertEquals(maximised, WindowPlacement.choose(Optional.of(maximised), List.of(LAPTOP), LAPTOP));
    }

    @Test
    void aPlacementOnAScreenThatIsGoneComesBackToThePrimary() {
        var saved = new WindowPlacement(2100, 80, 1400, 900, false);
        WindowPlacement p = WindowPlacement.choose(Optional.of(saved), List.of(WIDE), WIDE);
        assertTrue(WIDE.contains(p.x(), p.y()), "on the screen there is: " + p);
    }

    @Test
    void aPlacementLargerThanItsScreenIsCutToIt() {
        var saved = new WindowPlacement(0, 0, 2500, 1400, false);
        WindowPlacement p = WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP), LAPTOP);
        assertEquals(LAPTOP.getWidth(), p.width());
        assertEquals(LAPTOP.getHeight(), p.height());
    }

    @Test
    void theSettingsFileKeepsThePlacement(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Settings settings = Settings.load(file);
        assertEquals(Optional.empty(), settings.window());
        settings.setWindow(new WindowPlacement(12, 34, 1280, 800, true));
        settings.save();
        assertEquals(
                Optional.of(new WindowPlacement(12, 34, 1280, 800, true)),
                Settings.load(file).window());
        Files.writeString(file, "windowX=left\nwindowY=1\nwindowWidth=2\nwindowHeight=3\n");
        assertEquals(Optional.empty(), Settings.load(file).window());
    }
}
