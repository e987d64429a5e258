package se.jobbtorg.coach.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a window shows to {@code target/screenshots/NAME.png}, so a person can look at each
 * screen after a test run. Plain ImageIO, so no javafx-swing is needed.
 */
final class Screenshots {
    static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {}

    static void save(Scene scene, String name) {
        try {
            WritableImage image =
                    WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(2, TimeUnit.MINUTES);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Files.createDirectories(FOLDER);
            ImageIO.write(out, "png", FOLDER.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }
}
