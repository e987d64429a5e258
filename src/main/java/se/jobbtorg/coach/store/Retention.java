package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.AUDIT_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.AUDIT_RETENTION_GATE;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.PURGE;
import static se.jobbtorg.coach.store.generated.Tables.PURGED_RECORD;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.RetentionDue;
import se.jobbtorg.coach.store.generated.tables.records.PurgeRecord;

/**
 * Retention (gallring): the people whose last entry is older than a day, and their deletion for
 * good, here and, through a purge record that travels, on every laptop that imports it.
 */
public final class Retention {
    private final Database db;

    public Retention(Database db) {
        this.db = db;
    }

    /**
     * The people (tombstones too) whose last entry is before the day given: their registration
     * or the last change of their details, an enrolment, an exit and the check after it, a plan
     * version or its approval, a mapping entry, a meeting, a reason for a passed deadline, an entry
     * marked in error. A person merged into another goes with the other, never alone.
     */
    public List<RetentionDue> due(LocalDate before) {
        return db.read(dsl -> due(dsl, before));
    }

    /** The same, read inside a write: the list a deletion holds to. */
    public List<RetentionDue> due(Transaction tx, LocalDate before) {
        return due(tx.dsl(), before);
    }

    private static List<RetentionDue> due(DSLContext dsl, LocalDate before) {
        String sql =
                """
                WITH RECURSIVE root (id, top) AS (
                    SELECT id, id FROM participant WHERE merged_into IS NULL
                    UNION ALL
                    SELECT p.id, root.top FROM participant p JOIN root ON p.merged_into = root.id
                ),
                entry (participant_id, day) AS (
                    SELECT id, %1$s FROM participant
                    UNION ALL
                    SELECT participant_id,
                           max(%1$s, enrolled_on, coalesce(exited_on, ''), coalesce(exit_checked_on, ''))
                    FROM enrolment
                    UNION ALL
                    SELECT e.participant_id, max(%2$s, p.drawn_up_on, coalesce(p.approved_on, ''))
                    FROM activity_plan p JOIN enrolment e ON e.id = p.enrolment_id
                    UNION ALL
                    SELECT e.participant_id, max(%3$s, a.start_on, a.end_on, coalesce(a.ended_on, ''))
                    FROM activity a JOIN activity_plan p ON p.id = a.plan_id JOIN enrolment e ON e.id = p.enrolment_id
                    UNION ALL
                    SELECT e.participant_id, max(%4$s, substr(m.meeting_at, 1, 10))
                    FROM meeting m JOIN enrolment e ON e.id = m.enrolment_id
                    UNION ALL
                    SELECT e.participant_id, max(%4$s, coalesce(m.entry_date, ''))
                    FROM mapping_entry m JOIN enrolment e ON e.id = m.enrolment_id
                    UNION ALL
                    SELECT e.participant_id, max(%5$s, r.recorded_on)
                    FROM deadline_reason r JOIN enrolment e ON e.id = r.enrolment_id
                    UNION ALL
                    SELECT e.participant_id, max(%6$s, v.voided_on)
                    FROM entry_void v JOIN enrolment e ON e.id IN (
                        v.exit_enrolment_id,
                        v.exit_check_enrolment_id,
                        (SELECT enrolment_id FROM meeting WHERE id = v.meeting_id),
                        (SELECT enrolment_id FROM mapping_entry WHERE id = v.mapping_entry_id),
                        (SELECT enrolment_id FROM deadline_reason WHERE id = v.deadline_reason_id))
                ),
                person (id, last_day) AS (
                    SELECT root.top, max(entry.day)
                    FROM entry JOIN root ON root.id = entry.participant_id
                    GROUP BY root.top
                )
                SELECT p.id, p.last_name || ', ' || p.first_name, p.personal_number, person.last_day
                FROM person JOIN participant p ON p.id = person.id
                WHERE person.last_day < ?
                  -- a person still enrolled is still in the work, whatever the dates say
                  AND NOT EXISTS (
                      SELECT 1 FROM enrolment e JOIN root r ON r.id = e.participant_id
                      WHERE r.top = p.id AND e.deleted = 0 AND e.exited_on IS NULL)
                ORDER BY p.sort_name, p.id
                """.formatted(stampDay(""), stampDay("p"), stampDay("a"), stampDay("m"), stampDay("r"), stampDay("v"));
        return dsl.fetch(sql, before.toString()).stream()
                .map(r -> new RetentionDue(
                        UUID.fromString(r.get(0, String.class)),
                        r.get(1, String.class),
                        r.get(2, String.class),
                        LocalDate.parse(r.get(3, String.class))))
                .toList();
    }

    /**
     * The day (UTC) of the time in the version stamp of the table with this alias (none: the
     * table of the query): the record's last change, an entry too.
     */
    private static String stampDay(String alias) {
        String column = (alias.isEmpty() ? "" : alias + ".") + "version_stamp";
        return "date(CAST(substr(" + column + ", 1, 13) AS INTEGER) / 1000, 'unixepoch')";
    }

    /** What a purge deleted here. */
    public record Purged(UUID purgeId, UUID participantId, int records, int auditEntries) {}

    /**
     * Deletes the people for good, in the transaction given: each person with the people merged
     * into them, every enrolment and all work under them, the change-log rows and field versions
     * of all of it, and their audit entries from before {@code auditBefore}. A purge record for
     * each (ids only) goes to the change log to travel, and an audit entry for each says it was
     * done. Returns what went.
     */
    public static List<Purged> purge(
            Transaction tx, Collection<UUID> people, LocalDate auditBefore, UUID coachId, LocalDate today) {
        List<Purged> done = new ArrayList<>();
        for (UUID person : people) {
            List<String> records = recordsOf(tx.dsl(), person.toString());
            if (records.isEmpty()) {
                continue;
            }
            int audit = deleteLocally(tx.dsl(), person.toString(), records, auditBefore);
            PurgeRecord r = tx.dsl().newRecord(PURGE);
            UUID id = UUID.randomUUID();
            r.setId(id.toString());
            r.setDeleted(0);
            r.setParticipantId(person.toString());
            r.setRecordIds(String.join(",", records));
            r.setPurgedOn(today.toString());
            r.setAuditBeforeOn(auditBefore.toString());
            r.setCoachId(coachId == null ? null : coachId.toString());
            tx.save(r);
            AuditTrail.record(tx, AuditAction.RETENTION_DELETED, new About(person, null, id, null));
            done.add(new Purged(id, person, records.size(), audit));
        }
        return done;
    }

    /**
     * A purge record received: the same records deleted here (those this database holds), and
     * their ids kept, so that a later change of one of them, or of a record under one, is dropped.
     */
    public static List<String> applyReceived(
            DSLContext dsl, String participantId, String recordIds, String auditBeforeOn) {
        // What the purge lists, and what this laptop holds under the person that the lead did not
        // know of (work made offline, a registration merged into them): all of it goes, or the
        // person's rows could not be deleted under the rows that refer to them.
        Set<String> records = new LinkedHashSet<>(
                Arrays.stream(recordIds.split(",")).filter(s -> !s.isBlank()).toList());
        records.addAll(recordsOf(dsl, participantId));
        List<String> all = List.copyOf(records);
        deleteLocally(dsl, participantId, all, LocalDate.parse(auditBeforeOn));
        return all;
    }

    /** The ids of every record purged here or by a purge received. */
    public static Set<String> purgedIds(DSLContext dsl) {
        return new HashSet<>(
                dsl.select(PURGED_RECORD.RECORD_ID).from(PURGED_RECORD).fetch(PURGED_RECORD.RECORD_ID));
    }

    /** One more id whose changes are dropped (a record made under a purged one, met later). */
    public static void markPurged(DSLContext dsl, String recordId) {
        dsl.insertInto(PURGED_RECORD)
                .set(PURGED_RECORD.RECORD_ID, recordId)
                .onConflictDoNothing()
                .execute();
    }

    /** The person, those merged into them, and every record under them, by id. */
    private static List<String> recordsOf(DSLContext dsl, String person) {
        return RecordGroups.ofPerson(dsl, person);
    }

    /**
     * Deletes the records with these ids (whatever entity each is), the person's search keys and
     * indicator facts, the change-log rows and field versions of each, and the person's audit
     * entries from before the day (through the gate only retention opens); keeps the ids as
     * purged. Returns how many audit entries went.
     */
    private static int deleteLocally(DSLContext dsl, String person, List<String> records, LocalDate auditBefore) {
        Set<String> ids = new LinkedHashSet<>(records);
        ids.add(person);
        List<String> all = List.copyOf(ids);
        RecordGroups.delete(dsl, all);
        List<String> entries = dsl.select(AUDIT_ENTRY.ID)
                .from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.PARTICIPANT_ID.eq(person))
                .and(AUDIT_ENTRY.DONE_AT.lt(
                        AuditTrail.INSTANT.format(auditBefore.atStartOfDay().toInstant(ZoneOffset.UTC))))
                .fetch(AUDIT_ENTRY.ID);
        if (!entries.isEmpty()) {
            dsl.insertInto(AUDIT_RETENTION_GATE)
                    .set(AUDIT_RETENTION_GATE.OPEN, 1)
                    .execute();
            try {
                for (List<String> part : RecordGroups.chunks(entries)) {
                    dsl.deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.in(part)).execute();
                    dsl.deleteFrom(CHANGE_LOG)
                            .where(CHANGE_LOG.ENTITY.eq(SyncEntities.TRAIL))
                            .and(CHANGE_LOG.RECORD_ID.in(part))
                            .execute();
                }
            } finally {
                dsl.deleteFrom(AUDIT_RETENTION_GATE).execute();
            }
        }
        for (String id : all) {
            markPurged(dsl, id);
        }
        return entries.size();
    }
}
