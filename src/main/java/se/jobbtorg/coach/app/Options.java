package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line: a command (none for the window) and its options. */
record Options(String command, Path db, boolean demo, Locale language, List<String> rest) {

    static final List<String> COMMANDS = List.of("check");

    /** Parses the arguments; throws IllegalArgumentException with a sentence for the user. */
    static Options parse(String... args) {
        String command = null;
        Path db = null;
        boolean demo = false;
        Locale language = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--db" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--db needs a file path");
                    }
                    db = Path.of(args[++i]);
                }
                case "--demo" -> demo = true;
                case "--lang" -> {
                    if (i + 1 >= args.length || !List.of("sv", "en").contains(args[i + 1])) {
                        throw new IllegalArgumentException("--lang takes sv or en");
                    }
                    language = Locale.forLanguageTag(args[++i]);
                }
                default -> {
                    if (command == null && rest.isEmpty() && COMMANDS.contains(arg)) {
                        command = arg;
                    } else if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    } else {
                        rest.add(arg);
                    }
                }
            }
        }
        return new Options(command, db, demo, language, List.copyOf(rest));
    }
}
