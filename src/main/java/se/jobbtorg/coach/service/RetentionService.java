package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.RetentionDue;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.CoachRepository;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.LocalSettings;
import se.jobbtorg.coach.store.Retention;

/**
 * Retention (gallring, SoL chapter 12): the people whose last entry is older than the period, and
 * their deletion for good by a team lead, here and, through the purge records the next packages
 * carry, on every laptop of the team.
 */
public final class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());
    /** Five years after the last entry: the rule for social services' case records. */
    public static final Period DEFAULT_PERIOD = Period.ofYears(5);

    private final Database db;
    private final Clock clock;
    private final Retention retention;

    public RetentionService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.retention = new Retention(db);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The people whose last entry is before today less the period, by name in Swedish order. */
    public List<RetentionDue> due(Period period) {
        return retention.due(today().minus(period));
    }

    /** What a deletion did: the people and records that went, and the new backup. */
    public record Deleted(int people, int records, int auditEntries) {}

    /**
     * Deletes these people for good, if they are still past the period (a person with a newer
     * entry, since the list was read, stays): in one transaction with their purge records and
     * audit entries, then the file compacted and the backups replaced. A team lead's action:
     * refused for a coach's database.
     */
    public Deleted delete(Collection<UUID> people, Period period) {
        if (new LocalSettings(db).role().orElse(Role.COACH) != Role.TEAM_LEAD) {
            throw new IllegalStateException("retention is a team lead's action");
        }
        LocalDate cutoff = today().minus(period);
        UUID me = new CoachRepository(db).current().map(Coach::id).orElse(null);
        List<Retention.Purged> purged = db.write(tx -> {
            Set<UUID> still = retention.due(tx, cutoff).stream()
                    .map(RetentionDue::participantId)
                    .collect(Collectors.toSet());
            List<UUID> chosen = people.stream().filter(still::contains).toList();
            return Retention.purge(tx, chosen, cutoff, me, today());
        });
        if (!purged.isEmpty()) {
            db.compactAndReplaceBackups();
        }
        Deleted deleted = new Deleted(
                purged.size(),
                purged.stream().mapToInt(Retention.Purged::records).sum(),
                purged.stream().mapToInt(Retention.Purged::auditEntries).sum());
        LOG.info(() -> "retention: " + deleted.people() + " people, " + deleted.records() + " records deleted");
        return deleted;
    }
}
