package se.jobbtorg.coach.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.jobbtorg.coach.bench.BenchCommand;
import se.jobbtorg.coach.cli.AuditCommand;
import se.jobbtorg.coach.cli.CheckCommand;
import se.jobbtorg.coach.cli.InitCommand;
import se.jobbtorg.coach.cli.PassphraseSource;
import se.jobbtorg.coach.cli.ReportCommand;
import se.jobbtorg.coach.cli.RetentionCommand;
import se.jobbtorg.coach.cli.SyncCommands;
import se.jobbtorg.coach.cli.TeamCommands;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.store.Database;

/**
 * The commands that run without a window, each with exactly its own options. The work is done
 * by the classes of the cli package; these only say what the command line takes.
 *
 * <p>A new command is one class here, named in {@link #all()}: a {@code @Command(name = ...)} that
 * extends {@link DatabaseCommand} when it opens the caseload, else implements
 * {@code Callable<Integer>} (its exit code) with a {@code @Mixin Help} for its --help. Main
 * gives it the usage's layout and the handling of wrong arguments (exit 2 and the usage).
 */
final class Commands {
    /** The name the installed launcher has; {@code java -jar jobbtorg-coach.jar} is the same. */
    static final String PROGRAM = "jobbtorg-coach";

    private Commands() {}

    /** Every command, in the order the help lists them. */
    static List<Supplier<Object>> all() {
        return List.of(
                Check::new,
                Init::new,
                Report::new,
                Audit::new,
                Retention::new,
                Import::new,
                Export::new,
                Devices::new,
                Admit::new,
                Withdraw::new,
                TeamPassphrase::new,
                Bench::new);
    }

    /** --help for a command (no -h: one spelling, and the synopsis starts with the command's own options). */
    static final class Help {
        @Option(names = "--help", usageHelp = true, order = 100, description = "print this command's help and exit")
        boolean help;
    }

    /** Never an argument: arguments are visible to every user in the process list and stay in the history. */
    static final class PassphraseRefused {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--passphrase", hidden = true, arity = "0..1")
        void refuse(String ignored) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the passphrase is never an argument (others can read it): use --passphrase-file FILE or"
                            + " standard input");
        }
    }

    /**
     * A command on the caseload: its database, its passphrase (from a file, the terminal or
     * standard input), the log. A database not yet encrypted is refused: encrypting it under a
     * passphrase typed once, unchecked, at a prompt is one typo from losing it, and the window
     * asks for the new passphrase twice, with the rules.
     */
    abstract static class DatabaseCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--db",
                paramLabel = "FILE",
                order = 1,
                description = "the caseload database (default: caseload.db in the user's data folder)")
        Path db;

        @Option(
                names = "--passphrase-file",
                paramLabel = "FILE",
                order = 90,
                description = "the database's passphrase is the file's first line (without it: the terminal,"
                        + " else the first line of standard input)")
        Path passphraseFile;

        @Mixin
        PassphraseRefused passphrase;

        @Mixin
        Help help;

        /** What the options cannot say one by one; throws ParameterException. */
        void validate() {}

        /** init makes a new file; every other command refuses a plain one. */
        boolean refusesPlainFile() {
            return true;
        }

        abstract int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err);

        ParameterException wrong(String sentence) {
            return new ParameterException(spec.commandLine(), sentence);
        }

        @Override
        public Integer call() {
            validate();
            AppPaths paths = AppPaths.detect();
            AppLog.configure(paths.logFolder());
            Path file = db != null ? db : paths.defaultDatabase();
            if (refusesPlainFile() && Database.stateOf(file) == Database.FileState.PLAIN) {
                System.err.println("refused file=" + file + " reason=the database is not encrypted yet: open it once in"
                        + " the window, which asks for a new passphrase twice and encrypts it");
                return 1;
            }
            try (Passphrase secret = PassphraseSource.read(passphraseFile, System.in, System.console(), System.err)) {
                return run(file, Clock.systemDefaultZone(), secret, System.out, System.err);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(
            name = "check",
            description = "Checks a database as the program opens it (integrity check, backup,"
                    + " migration) and prints one line. Exit 0 healthy, 3 damaged, 1 missing, in use or failed.")
    static final class Check extends DatabaseCommand {
        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new CheckCommand(file, clock, passphrase).run(out, err);
        }
    }

    @Command(
            name = "init",
            description = "Creates a new, empty database, encrypted under a passphrase of at least"
                    + " 10 characters; refuses a file that exists.")
    static final class Init extends DatabaseCommand {
        @Override
        boolean refusesPlainFile() {
            return false;
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new InitCommand(file, clock, passphrase).run(out, err);
        }
    }

    @Command(
            name = "report",
            description = {
                "Writes the indicators (in Swedish) for the enrolments of a period" + " (default: this calendar year).",
                "--codes national (CSV only): exits and activities by"
                        + " Socialstyrelsen's categories (HSLF-FS 2015:30) instead."
            })
    static final class Report extends DatabaseCommand {
        private LocalDate from;
        private LocalDate to;

        @Option(names = "--unit", paramLabel = "U", order = 4, description = "only this unit")
        String unit;

        @Option(
                names = "--format",
                paramLabel = "csv|xlsx|pdf",
                required = true,
                order = 5,
                description = "the file's format")
        String format;

        @Option(
                names = "--codes",
                paramLabel = "national",
                order = 6,
                description = "Socialstyrelsen's categories instead of ours (CSV only)")
        String codes;

        @Option(names = "--out", paramLabel = "FILE", required = true, order = 7, description = "the file to write")
        Path out;

        @Option(
                names = "--internal",
                order = 8,
                description = "keep counts of 1-4 people (internal use); without it they are written < 5")
        boolean internal;

        @Option(names = "--from", paramLabel = "D", order = 2, description = "the first day (YYYY-MM-DD)")
        void from(String value) {
            from = date(value, "--from");
        }

        @Option(names = "--to", paramLabel = "D", order = 3, description = "the last day (YYYY-MM-DD)")
        void to(String value) {
            to = date(value, "--to");
        }

        private LocalDate date(String value, String option) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw wrong(option + " takes a date like 2026-11-24");
            }
        }

        @Override
        void validate() {
            // Before the passphrase is asked for: a wrong value is the script's mistake, not the database's.
            if (!List.of("csv", "xlsx", "pdf").contains(format)) {
                throw wrong("--format takes csv, xlsx or pdf");
            }
            if (codes != null && !"national".equals(codes)) {
                throw wrong("--codes takes national");
            }
            if (codes != null && !"csv".equals(format)) {
                throw wrong("--codes national is written as csv only");
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw wrong("--to is before --from");
            }
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream stdout, PrintStream err) {
            return new ReportCommand(file, from, to, unit, format, out, codes, clock, passphrase)
                    .internal(internal)
                    .run(stdout, err);
        }
    }

    @Command(
            name = "audit",
            description = {
                "Writes the audit trail (who read and changed what, and when) as a CSV in Swedish,"
                        + " newest first: every entry, or those of one participant, one user or a period.",
                "The entries name people by id; the export is itself written to the trail."
            })
    static final class Audit extends DatabaseCommand {
        private LocalDate from;
        private LocalDate to;
        private UUID participant;
        private UUID user;

        @Option(names = "--out", paramLabel = "FILE", required = true, order = 6, description = "the CSV file to write")
        Path out;

        @Option(
                names = "--participant",
                paramLabel = "ID",
                order = 2,
                description = "only entries about this participant")
        void participant(String value) {
            participant = id(value, "--participant");
        }

        @Option(
                names = "--user",
                paramLabel = "ID",
                order = 3,
                description = "only entries made by this user (a coach id)")
        void user(String value) {
            user = id(value, "--user");
        }

        @Option(names = "--from", paramLabel = "D", order = 4, description = "the first day (YYYY-MM-DD)")
        void from(String value) {
            from = day(value, "--from");
        }

        @Option(names = "--to", paramLabel = "D", order = 5, description = "the last day (YYYY-MM-DD)")
        void to(String value) {
            to = day(value, "--to");
        }

        private UUID id(String value, String option) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw wrong(option + " takes an id like 3f2b8c1e-0000-4000-8000-000000000001");
            }
        }

        private LocalDate day(String value, String option) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw wrong(option + " takes a date like 2026-11-24");
            }
        }

        @Override
        void validate() {
            if (from != null && to != null && to.isBefore(from)) {
                throw wrong("--to is before --from");
            }
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream stdout, PrintStream err) {
            return new AuditCommand(file, participant, user, from, to, out, clock, passphrase).run(stdout, err);
        }
    }

    @Command(
            name = "retention",
            description = {
                "Lists, by id, the people whose last entry is older than the retention period (default"
                        + " five years: SoL chapter 12).",
                "--delete (a team lead's database): deletes them for good, compacts the file and replaces"
                        + " the backups; the next packages carry the deletion to the team's other laptops."
            })
    static final class Retention extends DatabaseCommand {
        @Option(
                names = "--years",
                paramLabel = "N",
                order = 2,
                description = "the retention period in years (default 5)")
        int years = 5;

        @Option(names = "--delete", order = 3, description = "delete the people listed (without it: only list)")
        boolean delete;

        @Option(names = "--dry-run", order = 4, description = "only list (the default; says so in a script)")
        boolean dryRun;

        @Override
        void validate() {
            if (years < 1 || years > 100) {
                throw wrong("--years takes a number of years from 1 to 100");
            }
            if (delete && dryRun) {
                throw wrong("--delete and --dry-run together: choose one");
            }
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream stdout, PrintStream err) {
            return new RetentionCommand(file, Period.ofYears(years), delete, clock, passphrase).run(stdout, err);
        }
    }

    @Command(
            name = "import",
            description =
                    "Merges caseload packages, one line each; the others are still tried" + " when one is refused.")
    static final class Import extends DatabaseCommand {
        @Option(names = "--dry-run", order = 2, description = "say what would be imported; change nothing")
        boolean dryRun;

        @Parameters(paramLabel = "PACKAGE", arity = "1..*", description = "a caseload package (.caseload.zip)")
        List<Path> packages;

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new SyncCommands(file, clock, passphrase).importPackages(packages, dryRun, out, err);
        }
    }

    @Command(name = "export", description = "Writes a caseload package (default: a snapshot).")
    static final class Export extends DatabaseCommand {
        private Long since;

        @Option(names = "--snapshot", order = 2, description = "everything (the default)")
        boolean snapshot;

        @Option(
                names = "--for",
                paramLabel = "DEVICE",
                order = 4,
                description = "what the device (a colleague's computer) has not had yet")
        String forDevice;

        @Option(names = "--out", paramLabel = "FILE", required = true, order = 5, description = "the file to write")
        Path out;

        @Option(
                names = "--since",
                paramLabel = "SEQ",
                order = 3,
                description = "the changes after this sequence number")
        void since(String value) {
            try {
                since = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw wrong("--since takes a sequence number like 120");
            }
            if (since < 0) {
                throw wrong("--since takes a sequence number like 120");
            }
        }

        @Override
        void validate() {
            if (snapshot && (since != null || forDevice != null)) {
                throw wrong("--snapshot excludes --since and --for");
            }
            if (since != null && forDevice != null) {
                throw wrong("--since and --for exclude each other");
            }
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream stdout, PrintStream err) {
            return new SyncCommands(file, clock, passphrase).export(since, forDevice, out, stdout, err);
        }
    }

    @Command(name = "devices", description = "Lists the team's computers with their fingerprints, this one first.")
    static final class Devices extends DatabaseCommand {
        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new TeamCommands(file, clock, passphrase).devices(out, err);
        }
    }

    @Command(
            name = "admit",
            description = {
                "Admits a computer whose package was refused, after comparing its" + " fingerprint with its owner.",
                "Give the fingerprint as its owner reads it out (spaces or dashes"
                        + " between the groups, any case), or --unsigned for another system's export."
            })
    static final class Admit extends DatabaseCommand {
        @Parameters(paramLabel = "DEVICE", arity = "1", description = "the device id, as devices lists it")
        String device;

        @Option(names = "--fingerprint", paramLabel = "FP", order = 2, description = "its fingerprint")
        String fingerprint;

        @Option(names = "--unsigned", order = 3, description = "its packages are unsigned")
        boolean unsigned;

        @Override
        void validate() {
            if ((fingerprint == null) == !unsigned) {
                throw wrong("admit takes either --fingerprint FP or --unsigned");
            }
        }

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new TeamCommands(file, clock, passphrase).admit(device, fingerprint, unsigned, out, err);
        }
    }

    @Command(
            name = "withdraw",
            description = "Withdraws a computer (a stolen laptop): its later packages are"
                    + " refused. A withdrawal is final.")
    static final class Withdraw extends DatabaseCommand {
        @Parameters(paramLabel = "DEVICE", arity = "1", description = "the device id, as devices lists it")
        String device;

        @Override
        int run(Path file, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new TeamCommands(file, clock, passphrase).withdraw(device, out, err);
        }
    }

    @Command(
            name = "team-passphrase",
            description = "Sets the team passphrase (first contact) from the first line" + " of a file.")
    static final class TeamPassphrase extends DatabaseCommand {
        @Option(
                names = "--team-passphrase-file",
                paramLabel = "FILE",
                required = true,
                order = 2,
                description = "the team passphrase is the file's first line (at least 12 characters)")
        Path file;

        @Override
        int run(Path db, Clock clock, Passphrase passphrase, PrintStream out, PrintStream err) {
            return new TeamCommands(db, clock, passphrase).teamPassphrase(file, out, err);
        }
    }

    @Command(
            name = "bench",
            description = "Builds the synthetic city in a temporary folder and prints each figure of"
                    + " the design's performance targets, with the same run's plain-JDBC baseline where one applies.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Help help;

        @Option(names = "--participants", paramLabel = "N", order = 1, description = "the city's size (default 100000)")
        int participants = 100_000;

        @Option(names = "--json", paramLabel = "FILE", order = 2, description = "also write the figures as JSON")
        Path json;

        @Option(names = "--seed", paramLabel = "N", order = 3, description = "the city's seed (default 16)")
        long seed = BenchCommand.Options.SEED;

        @Option(names = "--runs", paramLabel = "N", order = 4, description = "runs of each long figure (default 3)")
        int runs = 3;

        @Option(names = "--skip-import", order = 5, description = "no export or import figures")
        boolean skipImport;

        @Option(
                names = "--import-limit",
                paramLabel = "N",
                order = 6,
                description = "export and import figures only up to N participants (default 10000)")
        int importLimit = BenchCommand.Options.IMPORT_LIMIT;

        @Option(names = "--keep", paramLabel = "DIR", order = 7, description = "build the city in DIR and keep it")
        Path keep;

        @Option(
                names = "--reuse",
                paramLabel = "DIR",
                order = 8,
                description = "measure a copy of the city an earlier --keep left in DIR; build nothing")
        Path reuse;

        @Override
        public Integer call() {
            if (participants < 10 || runs < 1) {
                throw new ParameterException(spec.commandLine(), "--participants at least 10, --runs at least 1");
            }
            if (keep != null && reuse != null) {
                throw new ParameterException(spec.commandLine(), "--keep or --reuse, not both");
            }
            return new BenchCommand()
                    .run(
                            new BenchCommand.Options(
                                    participants,
                                    json,
                                    seed,
                                    runs,
                                    skipImport ? -1 : importLimit,
                                    reuse != null ? reuse : keep,
                                    reuse != null),
                            System.out,
                            System.err);
        }
    }
}
