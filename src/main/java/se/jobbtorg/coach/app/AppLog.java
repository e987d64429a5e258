package se.jobbtorg.coach.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import se.jobbtorg.coach.store.PrivateFiles;

/**
 * The log file in the data folder, for whoever helps a user with a problem. It holds ids,
 * never names or personal identity numbers; SQL is not logged (its values would be personal).
 */
final class AppLog {
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger JOOQ = Logger.getLogger("org.jooq");

    private AppLog() {}

    static void configure(Path folder) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            // The data folder and the log folder are the user's alone (0700): the log holds ids only,
            // but the folder beside it holds the caseload.
            PrivateFiles.folder(folder.getParent());
            PrivateFiles.folder(folder);
            FileHandler file =
                    new FileHandler(folder.resolve("jobbtorg-coach-%g.log").toString(), 2_000_000, 5, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            root.addHandler(file);
        } catch (IOException e) {
            System.err.println("Cannot write the log in " + folder + ": " + e.getMessage());
        }
        quietLibraries();
    }

    /**
     * jOOQ's banner and tips off, and its lines below a warning out of the log (the dialect's
     * version at each first query). Before jOOQ is first used: a window's warm-up uses it before
     * the log is set up (Main.window).
     */
    static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        JOOQ.setLevel(Level.WARNING);
    }
}
