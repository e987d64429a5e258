package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import se.jobbtorg.coach.cli.CheckCommand;
import se.jobbtorg.coach.cli.InitCommand;
import se.jobbtorg.coach.cli.PassphraseSource;
import se.jobbtorg.coach.cli.ReportCommand;
import se.jobbtorg.coach.cli.SyncCommands;
import se.jobbtorg.coach.service.Version;
import se.jobbtorg.coach.domain.Passphrase;

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
            Application.launch(CoachApplication.class, args);
            return 0;
        }
        AppLog.configure(paths.logFolder());
        Path db = options.db() != null ? options.db() : paths.defaultDatabase();
        Clock clock = Clock.systemDefaultZone();
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
                default -> throw new IllegalStateException("command without a branch: " + options.command());
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    static final String USAGE = """
            Usage: java -jar jobbtorg-coach.jar [options]            open the window
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
            Options:
              --db FILE     the caseload database (default: caseload.db in the user's data folder)
              --demo        fill a new, empty database with an invented demo caseload
              --lang sv|en  the interface language (default: the saved choice, else Swedish)
              --passphrase-file FILE  the database's passphrase is the file's first line (commands
                            only; without it the passphrase is read from the terminal or standard input)
              --version     print the version and exit""";
}
