package se.jobbtorg.coach.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.DatabaseDamagedException;
import se.jobbtorg.coach.store.WrongPassphraseException;

/**
 * {@code check --db FILE}: opens the database as the app does (quick_check, backup, migration)
 * and prints one line a script can read. Exit 0 healthy, 3 damaged, 1 missing, in use or
 * could not be opened.
 */
public final class CheckCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int DAMAGED = 3;

    private final Path file;
    private final Clock clock;
    private final Passphrase passphrase;

    public CheckCommand(Path file, Clock clock, Passphrase passphrase) {
        this.file = file;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    public int run(PrintStream out, PrintStream err) {
        String refusal = DatabaseFile.refusal(file);
        if (refusal != null) {
            err.println(refusal);
            return DatabaseFile.damaged(refusal) ? DAMAGED : FAILED;
        }
        try (Database db = Database.open(file, clock, passphrase)) {
            int participants = new CaseloadService(db, clock).participantCount();
            out.println("ok file=" + db.file() + " participants=" + participants);
            return OK;
        } catch (DatabaseDamagedException e) {
            err.println("damaged file=" + file
                    + e.lastBackup().map(b -> " last-backup=" + b).orElse(""));
            return DAMAGED;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + file + " reason=wrong passphrase");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("failed file=" + file + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }
}
