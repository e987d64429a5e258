package se.jobbtorg.coach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.AuditCsv;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.WrongPassphraseException;

/**
 * {@code audit --db FILE [--participant ID] [--user ID] [--from D] [--to D] --out FILE.csv}: the
 * audit trail, every entry the filter lets through, newest first, as a CSV in Swedish. The
 * export is itself written to the trail. Prints one line a script can read; exit 0 written, 1
 * failed, 2 wrong arguments.
 */
public final class AuditCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path db;
    private final UUID participant;
    private final UUID user;
    private final LocalDate from;
    private final LocalDate to;
    private final Path out;
    private final Clock clock;
    private final Passphrase passphrase;

    public AuditCommand(
            Path db,
            UUID participant,
            UUID user,
            LocalDate from,
            LocalDate to,
            Path out,
            Clock clock,
            Passphrase passphrase) {
        this.db = db;
        this.participant = participant;
        this.user = user;
        this.from = from;
        this.to = to;
        this.out = out;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    public int run(PrintStream stdout, PrintStream err) {
        if (out == null) {
            err.println("refused reason=--out FILE is needed");
            return USAGE;
        }
        if (from != null && to != null && to.isBefore(from)) {
            err.println("refused reason=--to is before --from");
            return USAGE;
        }
        try {
            if (Files.exists(out) && Files.isSameFile(out, db)) {
                err.println("refused reason=--out is the database itself");
                return USAGE;
            }
        } catch (IOException e) {
            err.println("failed reason=" + e.getMessage());
            return FAILED;
        }
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            AuditService audit = new AuditService(database, clock);
            var filter = new AuditEntry.Filter(participant, user, from, to, null, clock.getZone());
            var entries = audit.entries(filter, Integer.MAX_VALUE);
            CoachService coaches = new CoachService(database);
            Map<UUID, String> names = coaches.coaches().stream().collect(Collectors.toMap(Coach::id, Coach::name));
            var devices = new SyncService(
                            database,
                            clock,
                            () -> coaches.currentCoach().map(Coach::name).orElse(null))
                    .peerLabels();
            I18n swedish = new I18n(Locale.forLanguageTag("sv-SE"));
            new AuditCsv(swedish)
                    .write(
                            entries,
                            id -> names.getOrDefault(id, swedish.get("audit.unknownUser")),
                            devices,
                            clock.getZone(),
                            out);
            audit.reportMade(AuditAction.Report.AUDIT_TRAIL, new About(participant, null, null, null));
            stdout.println("ok out=" + out + " entries=" + entries.size());
            return OK;
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }
}
