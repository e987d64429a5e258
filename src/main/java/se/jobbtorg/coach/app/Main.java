package se.jobbtorg.coach.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import se.jobbtorg.coach.store.Database;

/**
 * The entry point of the jar. Not an {@link Application} itself, so that JavaFX runs from the
 * class path. No command opens the window ({@link WindowCommand}); the commands
 * ({@link Commands}) run without one.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; the window's code is 0 once it closes. */
    static int run(String... args) {
        return (isWindowStart(args) ? windowOnly() : commandLine()).execute(args);
    }

    /**
     * Whether the arguments are the window's alone (its options, packages to offer) and ask for
     * nothing else: no command, no help. The window's start then skips the commands' part of
     * the command line, which picocli builds from their annotations (about 0.12 s of a cold
     * start, decision 0017). Anything else takes the whole command line.
     */
    static boolean isWindowStart(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--db") || arg.equals("--lang")) {
                if (++i == args.length) {
                    return false;
                }
            } else if (!arg.equals("--demo")
                    && !arg.startsWith("--db=")
                    && !arg.startsWith("--lang=")
                    && (arg.startsWith("-") || !CoachApplication.isPackageName(arg))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The window's command line without the commands under it. Arguments it refuses go to the
     * whole command line, which refuses them in the same words, with the usage that lists the
     * commands.
     */
    private static CommandLine windowOnly() {
        CommandLine cli = configured(new CommandLine(new WindowCommand()));
        cli.setParameterExceptionHandler((e, args) -> commandLine().execute(args));
        return cli;
    }

    /** The window's command line with every command under it, writing to System.out and System.err as they are now. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WindowCommand());
        for (Supplier<Object> command : Commands.all()) {
            CommandLine sub = new CommandLine(command.get());
            // Every command's usage reads as the README writes it: "--db FILE", in the order declared.
            sub.setSeparator(" ");
            sub.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
            cli.addSubcommand(sub);
        }
        return configured(cli);
    }

    /** The settings the window's command line has with or without the commands under it. */
    private static CommandLine configured(CommandLine cli) {
        // A package named @something.caseload.zip is a file, not a list of arguments to read.
        cli.setExpandAtFiles(false);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setParameterExceptionHandler(Main::wrongArguments);
        cli.setExecutionExceptionHandler(Main::failed);
        cli.setExecutionStrategy(Main::execute);
        return cli;
    }

    /** Exit 2, the sentence, then the usage of the command that was given: always the usage, for scripts too. */
    private static int wrongArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print(command.getUsageMessage(command.getColorScheme()));
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** What no command caught: one sentence for the user, the trace in the log only. */
    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        // Again, or for the first time when the window failed before it set the log up: the trace
        // goes to the file, not to the terminal java.util.logging writes to until then.
        AppLog.configure(AppPaths.detect().logFolder());
        Logger.getLogger(Main.class.getName()).log(Level.SEVERE, "command failed", e);
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        command.getErr().println("failed reason=" + reason);
        command.getErr().flush();
        return 1;
    }

    /**
     * The window's options belong to the window: before a command they are refused, except --db,
     * which a command takes from there when it was not given after the command's name.
     */
    private static int execute(ParseResult parsed) {
        if (parsed.hasSubcommand()) {
            ParseResult sub = parsed.subcommand();
            for (OptionSpec option : parsed.matchedOptions()) {
                boolean carried = option.longestName().equals("--db")
                        && sub.commandSpec().userObject() instanceof Commands.DatabaseCommand command
                        && command.db == null;
                if (!carried) {
                    throw new ParameterException(
                            sub.commandSpec().commandLine(),
                            option.longestName() + " is an option of the window, not of "
                                    + sub.commandSpec().name());
                }
                ((Commands.DatabaseCommand) sub.commandSpec().userObject()).db = option.getValue();
            }
            if (!parsed.matchedPositionals().isEmpty()) {
                throw new ParameterException(
                        parsed.commandSpec().commandLine(),
                        "unknown command "
                                + parsed.matchedPositionals()
                                        .get(0)
                                        .stringValues()
                                        .get(0));
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * The window, once per user and database: when it is already open, this start hands over the
     * package it was opened with (a double click in the file manager), brings it forward and ends.
     */
    static int window(Options options, AppPaths paths, Supplier<String> usage, String[] args) {
        if (noDisplay(System.getProperty("os.name", ""), System.getenv())) {
            // Over ssh or in a script: a sentence instead of JavaFX's stack trace.
            System.err.println(
                    "The window needs a graphical desktop (DISPLAY is not set). " + "The commands run without one:");
            System.err.print(usage.get());
            return 1;
        }
        Path db = options.db() != null ? options.db() : paths.defaultDatabase();
        List<String> message = new ArrayList<>();
        message.add(SingleInstance.SHOW);
        options.rest().stream()
                .filter(CoachApplication::isPackageName)
                .map(name ->
                        SingleInstance.OPEN + Path.of(name).toAbsolutePath().normalize())
                .forEach(message::add);
        SingleInstance.Mailbox mailbox = new SingleInstance.Mailbox();
        try {
            Optional<SingleInstance> claimed = SingleInstance.claim(paths.dataFolder(), db, mailbox::post);
            if (claimed.isPresent()) {
                CoachApplication.handOff(claimed.get(), mailbox);
            } else if (SingleInstance.handOver(paths.dataFolder(), db, message, HAND_OVER_WAIT_MS)) {
                return 0;
            }
        } catch (IOException e) {
            // Without the claim the window still opens; a second one meets the database lock.
            Logger.getLogger(Main.class.getName()).log(Level.WARNING, "single-instance claim failed", e);
        }
        // SQLite and jOOQ made ready while JavaFX starts and the passphrase is typed.
        AppLog.quietLibraries();
        Thread warmUp = new Thread(Database::warmUp, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Application.launch(CoachApplication.class, args);
        return 0;
    }

    /** On Linux and the BSDs the window needs an X or Wayland display; elsewhere there always is one. */
    static boolean noDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return false;
        }
        return isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** How long a second start waits for a first that is still starting. */
    private static final long HAND_OVER_WAIT_MS = 5000;
}
