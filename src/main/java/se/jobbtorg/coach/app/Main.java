package se.jobbtorg.coach.app;

import java.time.Clock;
import javafx.application.Application;
import se.jobbtorg.coach.cli.CheckCommand;
import se.jobbtorg.coach.cli.ReportCommand;
import se.jobbtorg.coach.cli.SyncCommands;
import se.jobbtorg.coach.service.Version;

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
        if ("check".equals(options.command())) {
            AppLog.configure(paths.logFolder());
            return new CheckCommand(options.db() != null ? options.db() : paths.defaultDatabase(),
                    Clock.systemDefaultZone()).run(System.out, System.err);
        }
        if ("report".equals(options.command())) {
            AppLog.configure(paths.logFolder());
            return new ReportCommand(options.db() != null ? options.db() : paths.defaultDatabase(), options.from(),
                    options.to(), options.unit(), options.format(), options.out(), options.codes(), Clock.systemDefaultZone())
                    .run(System.out, System.err);
        }
        if ("import".equals(options.command()) || "export".equals(options.command())) {
            AppLog.configure(paths.logFolder());
            var sync = new SyncCommands(options.db() != null ? options.db() : paths.defaultDatabase(),
                    Clock.systemDefaultZone());
            if ("import".equals(options.command())) {
                return sync.importPackages(options.rest().stream().map(java.nio.file.Path::of).toList(),
                        options.dryRun(), System.out, System.err);
            }
            return sync.export(options.since(), options.forDevice(), options.out(), System.out, System.err);
        }
        Application.launch(CoachApplication.class, args);
        return 0;
    }

    static final String USAGE = """
            Usage: java -jar jobbtorg-coach.jar [options]            open the window
                   java -jar jobbtorg-coach.jar check [--db FILE]    check a database and exit
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
              --version     print the version and exit""";
}
