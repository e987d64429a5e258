package se.jobbtorg.coach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.DatabaseInUseException;
import se.jobbtorg.coach.store.WrongPassphraseException;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * {@code import --db DB [--dry-run] FILE...} and
 * {@code export --db DB --snapshot|--since SEQ|--for DEVICE --out FILE}: caseload packages
 * without a window, for a central server that merges packages unattended. One line per package
 * ({@code imported ...}, {@code refused ... reason=CODE}, {@code exported ...}), words a script
 * can split on spaces and '='. Exit 0 done, 1 a package refused or something failed, 2 wrong
 * arguments.
 */
public final class SyncCommands {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path db;
    private final Clock clock;

    private final Passphrase passphrase;

    public SyncCommands(Path db, Clock clock, Passphrase passphrase) {
        this.db = db;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    public int importPackages(List<Path> files, boolean dryRun, PrintStream out, PrintStream err) {
        if (files.isEmpty()) {
            err.println("refused reason=no package named");
            return USAGE;
        }
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            // The window's import too: packages in a bad order still come in, one failing stops none.
            List<SyncService.PackageOutcome> outcomes = service(database)
                    .importAll(files, dryRun, new SyncService.ImportListener() {
                        @Override
                        public void settled(SyncService.PackageOutcome o) {
                            print(o, dryRun, out, err);
                        }
                    });
            return outcomes.stream().allMatch(SyncService.PackageOutcome::ok) ? OK : FAILED;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (DatabaseInUseException e) {
            err.println("failed file=" + db + " reason=in use by another program");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }

    private static void print(SyncService.PackageOutcome o, boolean dryRun, PrintStream out, PrintStream err) {
        Path file = o.file();
        if (o.imported() != null) {
            SyncService.Imported r = o.imported();
            out.println((dryRun ? "would-import" : "imported") + " file=" + file + " producer=" + r.producer()
                    + " kind=" + r.kind() + " new=" + r.created() + " updated=" + r.updated() + " unchanged="
                    + r.unchanged() + " conflicts=" + r.conflicts() + " merged=" + r.merged()
                    + " trail=" + r.trail() + " released=" + r.released());
        } else if (o.refused() != null) {
            PackageRefusedException e = o.refused();
            err.println("refused file=" + file + " reason=" + e.reason()
                    + (e.args().isEmpty()
                            ? ""
                            : " detail=" + String.join(",", e.args()).replace(' ', '_')));
        } else {
            err.println("failed file=" + file + " reason=" + DatabaseFile.reason(o.failure()));
        }
    }

    /** since: a sequence number; forDevice: a peer's device id; neither: a snapshot. */
    public int export(Long since, String forDevice, Path target, PrintStream out, PrintStream err) {
        if (target == null) {
            err.println("refused reason=--out FILE is needed");
            return USAGE;
        }
        if (since != null && forDevice != null) {
            err.println("refused reason=--since and --for exclude each other");
            return USAGE;
        }
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            if (Files.exists(target) && Files.isSameFile(target, db)) {
                err.println("refused reason=--out is the database itself");
                return USAGE;
            }
            SyncService sync = service(database);
            SyncService.Exported e = since != null
                    ? sync.exportSince(since, target, p -> {})
                    : forDevice != null
                            ? sync.exportFor(forDevice, target, p -> {})
                            : sync.exportSnapshot(target, p -> {});
            out.println("exported file=" + e.file() + " kind=" + e.kind() + " changes=" + e.changes() + " from="
                    + e.from() + " to=" + e.to() + " trail=" + e.trail() + " bytes=" + e.bytes() + " device="
                    + sync.deviceId());
            return OK;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (DatabaseInUseException e) {
            err.println("failed file=" + db + " reason=in use by another program");
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }

    private SyncService service(Database database) {
        CoachService coaches = new CoachService(database);
        return new SyncService(
                database, clock, () -> coaches.currentCoach().map(c -> c.name()).orElse(null));
    }
}
