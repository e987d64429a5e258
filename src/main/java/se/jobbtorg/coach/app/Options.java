package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What the window is started with: a database, the demo, a language, packages to offer. The
 * commands have options of their own (see {@link Commands}).
 */
record Options(Path db, boolean demo, Locale language, List<String> rest) {

    /** Parses the window's arguments; throws IllegalArgumentException with a sentence for the user. */
    static Options parse(String... args) {
        WindowCommand window = new WindowCommand();
        try {
            new CommandLine(window).setExpandAtFiles(false).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return window.options();
    }
}
