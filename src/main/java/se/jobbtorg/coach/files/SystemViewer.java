package se.jobbtorg.coach.files;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a file in the program the system uses for it (a PDF in the PDF reader, which prints it):
 * on Windows and macOS through the desktop, on Linux through xdg-open. Started, not waited for.
 */
public final class SystemViewer {
    private SystemViewer() {}

    /** True if the viewer was started; false where the system has none for the file. */
    public static boolean open(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("windows") || os.startsWith("mac")) {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(file.toFile());
                    return true;
                }
                List<String> command = os.startsWith("mac")
                        ? List.of("open", file.toString())
                        : List.of("rundll32", "url.dll,FileProtocolHandler", file.toString());
                start(command);
                return true;
            }
            start(List.of("xdg-open", file.toString()));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static void start(List<String> command) throws IOException {
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
