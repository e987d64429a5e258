package se.jobbtorg.coach.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Work that can wait until the screen as it is now has been laid out and drawn: it runs on the FX
 * thread after the next layout pulse, not inside it, so that pulse draws without it.
 */
public final class AfterLayout {
    private AfterLayout() {}

    /** Runs the work after the scene's next layout pulse (at once, as a later FX event, without a scene). */
    public static void run(Scene scene, Runnable work) {
        if (scene == null) {
            Platform.runLater(work);
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
