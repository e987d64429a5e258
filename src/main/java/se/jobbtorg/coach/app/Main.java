package se.jobbtorg.coach.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import se.jobbtorg.coach.bench.BenchCommand;
import se.jobbtorg.coach.cli.CheckCommand;
import se.jobbtorg.coach.cli.InitCommand;
import se.jobbtorg.coach.cli.PassphraseSource;
import se.jobbtorg.coach.cli.ReportCommand;
import se.jobbtorg.coach.cli.SyncCommands;
import se.jobbtorg.coach.cli.TeamCommands;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.service.Version;
import se.jobbtorg.coach.store.Database;

/**
 * The entry point of the jar. Not an {@link Application} itself, so that JavaFX runs from the
 * class path; commands (check, and later import, export, report, bench) run without a window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; the window's code is 0 once it closes. */
    static int run(String... args) {
        if (args.length > 0 && args[0].equals("bench")) return new BenchCommand().run(List.of(args), System.out, System.err);
        for (String arg : args) {
            if (arg.equals("--version")) {
                System.out.println("Jobbtorg Coach " + Version.current());
                return 0;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            }
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        AppPaths paths = AppPaths.detect();
        if (options.command() == null) {
            return window(options, paths, args);
        }
        AppLog.configure(paths.logFolder());
        Path db = options.db() != null ? options.db() : paths.defaultDatabase();
        Clock clock = Clock.systemDefaultZone();
        if (!"init".equals(options.command()) && Database.stateOf(db) == Database.FileState.PLAIN) {
            // Encrypting a caseload under a passphrase typed once, unchecked, at a prompt is one
            // typo from losing it: the window asks for the new passphrase twice, with the rules.
            System.err.println("refused file=" + db + " reason=the database is not encrypted yet: open it once in"
                    + " the window, which asks for a new passphrase twice and encrypts it");
            return 1;
        }
        try (Passphrase passphrase = PassphraseSource.read(options.passphraseFile(), System.in, System.console(),
                System.err)) {
            return switch (options.command()) {
                case "check" -> new CheckCommand(db, clock, passphrase).run(System.out, System.err);
                case "init" -> new InitCommand(db, clock, passphrase).run(System.out, System.err);
                case "report" -> new ReportCommand(db, options.from(), options.to(), options.unit(), options.format(),
                        options.out(), options.codes(), clock, passphrase).run(System.out, System.err);
                case "import" -> new SyncCommands(db, clock, passphrase).importPackages(
                        options.rest().stream().map(Path::of).toList(), options.dryRun(), System.out, System.err);
                case "export" -> new SyncCommands(db, clock, passphrase).export(options.since(), options.forDevice(),
                        options.out(), System.out, System.err);
                case "devices" -> new TeamCommands(db, clock, passphrase).devices(System.out, System.err);
                case "admit" -> new TeamCommands(db, clock, passphrase).admit(first(options.rest()),
                        options.fingerprint(), options.unsigned(), System.out, System.err);
                case "withdraw" -> new TeamCommands(db, clock, passphrase).withdraw(first(options.rest()), System.out,
                        System.err);
                case "team-passphrase" -> new TeamCommands(db, clock, passphrase).teamPassphrase(
                        options.teamPassphraseFile(), System.out, System.err);
                default -> throw new IllegalStateException("command without a branch: " + options.command());
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static String first(List<String> rest) {
        return rest.isEmpty() ? null : rest.get(0);
    }

    /**
     * The window, once per user and database: when it is already open, this start hands over the
     * package it was opened with (a double click in the file manager), brings it forward and ends.
     */
    private static int window(Options options, AppPaths paths, String[] args) {
        for (String arg : options.rest()) {
            if (!CoachApplication.isPackageName(arg)) {
                // Not a command and not a package: a typing mistake, not a reason to open a window.
                System.err.println("unknown command " + arg);
                System.err.println(USAGE);
                return 2;
            }
        }
        if (noDisplay(System.getProperty("os.name", ""), System.getenv())) {
            // Over ssh or in a script: a sentence instead of JavaFX's stack trace.
            System.err.println("The window needs a graphical desktop (DISPLAY is not set). "
                    + "The commands run without one:");
            System.err.println(USAGE);
            return 1;
        }
        Path db = options.db() != null ? options.db() : paths.defaultDatabase();
        List<String> message = new ArrayList<>();
        message.add(SingleInstance.SHOW);
        options.rest().stream().filter(CoachApplication::isPackageName)
                .map(name -> SingleInstance.OPEN + Path.of(name).toAbsolutePath().normalize())
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
        Application.launch(CoachApplication.class, args);
        return 0;
    }

    /** On Linux and the BSDs the window needs an X or Wayland display; elsewhere there always is one. */
    static boolean noDisplay(String osName, java.util.Map<String, String> env) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
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

    static final String USAGE = """
            Usage: java -jar jobbtorg-coach.jar [options] [FILE.caseload.zip]  open the window
                   java -jar jobbtorg-coach.jar check [--db FILE]    check a database and exit
                   java -jar jobbtorg-coach.jar init --db FILE       create a new, empty, encrypted database
                   java -jar jobbtorg-coach.jar report [--db FILE] [--from D] [--to D] [--unit U]
                                                --format csv|xlsx|pdf [--codes national] --out FILE
                                                                     the indicators (Swedish); --codes national
                                                                     (CSV only): exits and activities by
                                                                     Socialstyrelsen's categories (HSLF-FS 2015:30)
                   java -jar jobbtorg-coach.jar import [--db FILE] [--dry-run] PACKAGE...
                                                                     merge caseload packages (--dry-run: report only)
                   java -jar jobbtorg-coach.jar export [--db FILE] [--snapshot | --since SEQ | --for DEVICE] --out FILE
                                                                     write a caseload package (default: a snapshot)
                   java -jar jobbtorg-coach.jar devices [--db FILE]  the team's computers, with fingerprints
                   java -jar jobbtorg-coach.jar admit [--db FILE] DEVICE (--fingerprint FP | --unsigned)
                                                                     admit a computer whose package was refused
                   java -jar jobbtorg-coach.jar withdraw [--db FILE] DEVICE
                                                                     withdraw a computer (a stolen laptop)
                   java -jar jobbtorg-coach.jar team-passphrase [--db FILE] --team-passphrase-file FILE
                                                                     set the team passphrase (first contact)
            Options:
              --db FILE     the caseload database (default: caseload.db in the user's data folder)
              --demo        fill a new, empty database with an invented demo caseload
              --lang sv|en  the interface language (default: the saved choice, else Swedish)
              --passphrase-file FILE  the database's passphrase is the file's first line (commands
                            only; without it the passphrase is read from the terminal or standard input)
              --version     print the version and exit
            A FILE.caseload.zip given to the window opens it on the sync screen, ready to import; when the
            window is already open, it is handed to that window.""";
}
