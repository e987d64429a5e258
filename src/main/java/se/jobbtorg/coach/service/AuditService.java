package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.AuditEntry.Filter;
import se.jobbtorg.coach.domain.AuditEntry.UnusualReading;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;

/**
 * The audit trail, for the team lead who reads it, and for the screens and commands that make a
 * file from the records (the services write their own entries, in their own transactions).
 */
public final class AuditService {
    /** The most entries a screen shows at once: the filter narrows it down. */
    public static final int SHOWN = 2000;
    /** People outside one's own caseload opened in a day above which the reading is unusual, unless set. */
    public static final int DEFAULT_UNUSUAL = 20;

    private final Database db;
    private final Clock clock;
    private final AuditTrail trail;

    public AuditService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.trail = new AuditTrail(db);
    }

    /** The entries the filter lets through, newest first, at most {@code limit}. */
    public List<AuditEntry> entries(Filter filter, int limit) {
        return trail.entries(filter, limit);
    }

    public int count(Filter filter) {
        return trail.count(filter);
    }

    /** The days a user opened more than {@code threshold} people outside their own caseload. */
    public List<UnusualReading> unusualReading(LocalDate from, LocalDate to, int threshold) {
        return trail.unusualReading(from, to, clock.getZone(), threshold);
    }

    /** Writes that a report or file was made from the records (after it was written). */
    public void reportMade(AuditAction.Report report, About about) {
        db.write(tx -> AuditTrail.record(
                tx,
                AuditAction.REPORT_MADE,
                new About(about.participantId(), about.enrolmentId(), about.recordId(), report.code())));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The zone the trail's days and times are shown in (the program's clock's). */
    public ZoneId zone() {
        return clock.getZone();
    }
}
