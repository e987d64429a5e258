package se.jobbtorg.coach.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.RetentionDue;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.WrongPassphraseException;

/**
 * {@code retention --db FILE [--years N] [--delete]}: the people whose last entry is older than
 * the period (default five years), one line each, by id; with {@code --delete} (a team lead's
 * database only) they are deleted for good, the file compacted and the backups replaced. Exit 0
 * done, 1 failed, 2 wrong arguments.
 */
public final class RetentionCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path db;
    private final Period period;
    private final boolean delete;
    private final Clock clock;
    private final Passphrase passphrase;

    public RetentionCommand(Path db, Period period, boolean delete, Clock clock, Passphrase passphrase) {
        this.db = db;
        this.period = period;
        this.delete = delete;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    public int run(PrintStream out, PrintStream err) {
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            RetentionService retention = new RetentionService(database, clock);
            var due = retention.due(period);
            for (RetentionDue d : due) {
                // Ids only: a terminal's scrollback is no place for names and numbers.
                out.println("due participant=" + d.participantId() + " last-entry=" + d.lastEntry());
            }
            if (!delete) {
                out.println("would-delete people=" + due.size() + " before="
                        + retention.today().minus(period));
                return OK;
            }
            var deleted = retention.delete(
                    due.stream().map(RetentionDue::participantId).toList(), period);
            out.println("deleted people=" + deleted.people() + " records=" + deleted.records() + " audit-entries="
                    + deleted.auditEntries());
            return OK;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (IllegalStateException e) {
            err.println("refused file=" + db + " reason=only a team lead's database deletes at retention");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }
}
