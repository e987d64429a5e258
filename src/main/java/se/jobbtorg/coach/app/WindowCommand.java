package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.jobbtorg.coach.service.Version;

/** The top of the command line: without a command, the window; its commands are in {@link Commands}. */
@Command(
        name = Commands.PROGRAM,
        separator = " ",
        sortOptions = false,
        sortSynopsis = false,
        versionProvider = WindowCommand.VersionText.class,
        description = "Opens the window; with a command, runs that command without a window and exits.",
        footer = {
            "%nA FILE.caseload.zip given to the window opens it on the sync screen, ready to import; when"
                    + " the window is already open, it is handed to that window.",
            "Every command takes --help. Exit codes: 0 done, 1 refused or failed, 2 wrong arguments"
                    + " (check: 3 damaged)."
        })
final class WindowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            order = 1,
            description = "the caseload database (default: caseload.db in the user's data folder)")
    Path db;

    @Option(names = "--demo", order = 2, description = "fill a new, empty database with an invented demo caseload")
    boolean demo;

    private Locale language;

    @Parameters(
            paramLabel = "FILE.caseload.zip",
            arity = "0..*",
            description = "a caseload package to open on the sync screen")
    List<String> packages = new ArrayList<>();

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            order = 4,
            description = "print this help and exit")
    boolean help;

    @Option(names = "--version", versionHelp = true, order = 5, description = "print the version and exit")
    boolean version;

    @Mixin
    Commands.PassphraseRefused passphrase;

    @Option(
            names = "--lang",
            paramLabel = "sv|en",
            order = 3,
            description = "the interface language (default: the saved choice, else Swedish)")
    void language(String tag) {
        if (!List.of("sv", "en").contains(tag)) {
            throw new ParameterException(spec.commandLine(), "--lang takes sv or en");
        }
        language = Locale.forLanguageTag(tag);
    }

    Options options() {
        return new Options(db, demo, language, List.copyOf(packages));
    }

    @Override
    public Integer call() {
        for (String arg : packages) {
            if (!CoachApplication.isPackageName(arg)) {
                // Not a command and not a package: a typing mistake, not a reason to open a window.
                throw new ParameterException(spec.commandLine(), "unknown command " + arg);
            }
        }
        return Main.window(
                options(),
                AppPaths.detect(),
                // The usage with the commands, made only when it is printed: a window start's
                // command line has none of them (Main.isWindowStart).
                () -> Main.commandLine().getUsageMessage(),
                spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
    }

    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Jobbtorg Coach " + Version.current()};
        }
    }
}
