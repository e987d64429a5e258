package se.jobbtorg.coach.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.jobbtorg.coach.domain.JobbtorgUnits;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.service.SecurityService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.FxTaskRunner;
import se.jobbtorg.coach.ui.common.UiServices;

/** The composition root: one open database and the services on it, built by constructors. */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppContext.class.getName());
    private final Database db;
    private final Clock clock;
    private final CaseloadService caseload;
    private final CoachService coaches;
    private final WorkflowService workflow;
    private final TodayService today;
    private final IndicatorReport indicators;
    private final SyncService sync;
    private final SecurityService security;
    private final AuditService audit;
    private final FxTaskRunner tasks = new FxTaskRunner();

    private AppContext(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.caseload = new CaseloadService(db, clock);
        this.coaches = new CoachService(db, units(AppPaths.detect().dataFolder()));
        this.workflow = new WorkflowService(db, clock);
        this.today = new TodayService(db, clock, workflow);
        this.indicators = new IndicatorReport(db, clock);
        this.security = new SecurityService(db);
        this.audit = new AuditService(db, clock);
        this.sync = new SyncService(
                db, clock, () -> coaches.currentCoach().map(c -> c.name()).orElse(null));
    }

    /**
     * The city's list of units in the data folder, if it has put one there and it can be read;
     * else the program's own (JobbtorgUnits). A broken list is logged, never a reason not to start.
     */
    static JobbtorgUnits units(Path dataFolder) {
        Path file = dataFolder.resolve(JobbtorgUnits.FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                JobbtorgUnits units = JobbtorgUnits.read(in);
                if (!units.units().isEmpty()) {
                    return units;
                }
                LOG.warning(() -> "no unit in " + file + "; the program's own list is used");
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.WARNING, e, () -> "cannot read " + file + "; the program's own list is used");
            }
        }
        return JobbtorgUnits.builtIn();
    }

    /**
     * Opens the database under the passphrase (backup, migrations; a plain one is encrypted
     * first). The integrity check that reads the whole file is left to
     * {@link SecurityService#checkIntegrity()} once the first screen is up, except when the file
     * is converted or migrated at this open. Not on the FX thread.
     */
    public static AppContext open(Path file, Clock clock, Passphrase passphrase) {
        return new AppContext(Database.open(file, clock, passphrase, Database.Integrity.LATER), clock);
    }

    /**
     * {@link #open}, as an unlock: the open, and the wrong passphrases typed before it (at their
     * instants), are written to the audit trail. Closed again if that fails.
     */
    public static AppContext unlock(Path file, Clock clock, Passphrase passphrase, List<Instant> failedBefore) {
        AppContext context = open(file, clock, passphrase);
        try {
            context.security().openedAfter(failedBefore);
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** The passphrase and the backups: the lock, the file menu. */
    /**
     * From now on the database refuses to work on this thread: the program and the window
     * tests give the JavaFX thread, so a query there fails at once instead of freezing the window.
     */
    public void forbidStoreOn(Thread thread) {
        db.forbidThread(thread);
    }

    public SecurityService security() {
        return security;
    }

    public UiServices ui() {
        return new UiServices(
                caseload, coaches, workflow, today, indicators, sync, audit, new RetentionService(db, clock), tasks);
    }

    public AuditService audit() {
        return audit;
    }

    public CaseloadService caseload() {
        return caseload;
    }

    public CoachService coaches() {
        return coaches;
    }

    public WorkflowService workflow() {
        return workflow;
    }

    public DemoCaseload demo() {
        return new DemoCaseload(db, clock);
    }

    public Path databaseFile() {
        return db.file();
    }

    @Override
    public void close() {
        tasks.close();
        db.close();
    }
}
