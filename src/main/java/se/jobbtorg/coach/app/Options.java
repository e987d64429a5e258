package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What the window is started with: a database, the demo, a language, packages to offer. The
 * commands have options of their own (see {@link Commands}).
 */
record Options(Path db, boolean demo, Locale language, List<String> rest) {

    /** Parses the window's arguments; throws IllegalArgumentException with a sentence for the user. */
    static Options parse(String... args) {
        Optional<Options> plain = plain(args);
        if (plain.isPresent()) {
            return plain.get();
        }
        WindowCommand window = new WindowCommand();
        try {
            new CommandLine(window).setExpandAtFiles(false).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return window.options();
    }

    /**
     * The window's usual starts, read without picocli: nothing (the installed launcher), {@code
     * --db FILE} and {@code --demo}, each at most once. Empty for anything else, which picocli
     * reads as before. Its first use cost about 0.4 s of every start (src/docs/start.md); these
     * arguments mean to it exactly what they mean here.
     */
    static Optional<Options> plain(String... args) {
        Path db = null;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--demo") && !demo) {
                demo = true;
            } else if (args[i].equals("--db")
                    && db == null
                    && i + 1 < args.length
                    && !args[i + 1].isEmpty()
                    && !args[i + 1].startsWith("-")
                    && !Commands.NAMES.contains(args[i + 1])) {
                db = Path.of(args[++i]);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Options(db, demo, null, List.of()));
    }
}
