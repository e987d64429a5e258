package se.jobbtorg.coach.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, place and maximised state, kept between starts. A first start opens
 * maximised on a screen narrower than {@value #WIDE} px (a laptop); a saved place that is no
 * longer on any screen (a monitor unplugged) is not used.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    static final double WIDE = 1600;
    static final double WIDTH = 1180;
    static final double HEIGHT = 720;
    /** How much of the title bar must be on a screen for a saved place to count. */
    private static final double GRIP_W = 120;

    private static final double GRIP_H = 40;

    /** Where to open, from what was saved and the screens there are now (visual bounds). */
    static WindowPlacement choose(Optional<WindowPlacement> saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved.isPresent() && saved.get().width() > 0 && saved.get().height() > 0) {
            WindowPlacement s = saved.get();
            Rectangle2D grip = new Rectangle2D(s.x(), s.y(), Math.min(GRIP_W, s.width()), GRIP_H);
            for (Rectangle2D screen : screens) {
                if (screen.contains(grip)) {
                    return new WindowPlacement(
                            s.x(),
                            s.y(),
                            Math.min(s.width(), screen.getWidth()),
                            Math.min(s.height(), screen.getHeight()),
                            s.maximized());
                }
            }
            return centred(primary, s.maximized());
        }
        return centred(primary, primary.getWidth() < WIDE);
    }

    private static WindowPlacement centred(Rectangle2D screen, boolean maximized) {
        double w = Math.min(WIDTH, screen.getWidth());
        double h = Math.min(HEIGHT, screen.getHeight());
        return new WindowPlacement(
                screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2,
                w,
                h,
                maximized);
    }

    /**
     * Shows the stage where it was, or where a first start should. The place and size are set
     * before showing and again after: some window managers (seen with openbox) give a window
     * shown with a size of its own 200 x 200 px, and only the second setting holds there.
     */
    static void show(Stage stage, Optional<WindowPlacement> saved) {
        List<Rectangle2D> screens =
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement p = choose(saved, screens, Screen.getPrimary().getVisualBounds());
        p.applyBounds(stage);
        stage.show();
        p.applyBounds(stage);
        stage.setMaximized(p.maximized());
    }

    private void applyBounds(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    /**
     * Follows the stage and hands over its placement whenever it changes: the size and place it
     * has when neither maximised nor iconified (what un-maximising goes back to), and whether it is
     * maximised. Read a pulse later, since a maximise moves and resizes before it says so.
     */
    static void track(Stage stage, Consumer<WindowPlacement> changed) {
        double[] normal = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        Runnable note = () -> Platform.runLater(() -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
            if (!stage.isIconified()) {
                changed.accept(new WindowPlacement(normal[0], normal[1], normal[2], normal[3], stage.isMaximized()));
            }
        });
        stage.xProperty().addListener((o, a, b) -> note.run());
        stage.yProperty().addListener((o, a, b) -> note.run());
        stage.widthProperty().addListener((o, a, b) -> note.run());
        stage.heightProperty().addListener((o, a, b) -> note.run());
        stage.maximizedProperty().addListener((o, a, b) -> note.run());
    }
}
