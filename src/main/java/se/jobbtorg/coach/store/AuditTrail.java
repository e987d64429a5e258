package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.AUDIT_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.AuditEntry.Filter;
import se.jobbtorg.coach.domain.AuditEntry.UnusualReading;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.store.generated.tables.records.AuditEntryRecord;

/**
 * The audit trail: entries are written in the transaction of the work they record, and only ever
 * added (the table's triggers refuse an update, and a delete outside retention). Entries name
 * records by id only.
 */
public final class AuditTrail {
    /** Instants as fixed-width text, so that the text sorts as time does. */
    static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final String KEY_CURRENT_COACH = "current_coach";

    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** Writes an entry for work done now, in the transaction of that work. */
    public static AuditEntry record(Transaction tx, AuditAction action, AuditEntry.About about) {
        return record(tx, action, about, tx.wallClock().instant());
    }

    /** Writes an entry for something done at an earlier instant (an unlock that failed before the open). */
    public static AuditEntry record(Transaction tx, AuditAction action, AuditEntry.About about, Instant at) {
        String user = tx.dsl()
                .select(LOCAL_STATE.VALUE)
                .from(LOCAL_STATE)
                .where(LOCAL_STATE.KEY.eq(KEY_CURRENT_COACH))
                .fetchOptional(LOCAL_STATE.VALUE)
                .orElse(null);
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID(),
                at,
                user == null ? null : UUID.fromString(user),
                tx.deviceId(),
                action,
                about.participantId(),
                about.enrolmentId(),
                about.recordId(),
                about.detail());
        AuditEntryRecord r = tx.dsl().newRecord(AUDIT_ENTRY);
        r.setId(entry.id().toString());
        r.setDeleted(0);
        r.setDoneAt(INSTANT.format(at));
        r.setUserId(user);
        r.setDeviceId(entry.deviceId());
        r.setAction(action.code());
        r.setParticipantId(text(about.participantId()));
        r.setEnrolmentId(text(about.enrolmentId()));
        r.setRecordId(text(about.recordId()));
        r.setDetail(about.detail());
        tx.save(r);
        return entry;
    }

    /** The entries a filter lets through, newest first, at most limit of them. */
    public List<AuditEntry> entries(Filter filter, int limit) {
        return db.read(dsl -> dsl.selectFrom(AUDIT_ENTRY)
                .where(conditions(filter))
                // Entries of one instant in the order made: a device's version stamps only grow.
                .orderBy(AUDIT_ENTRY.DONE_AT.desc(), AUDIT_ENTRY.VERSION_STAMP.desc())
                .limit(limit)
                .fetch(AuditTrail::toDomain));
    }

    /** How many entries a filter lets through. */
    public int count(Filter filter) {
        return db.read(dsl -> dsl.fetchCount(AUDIT_ENTRY, conditions(filter)));
    }

    private static Condition conditions(Filter f) {
        List<Condition> all = new ArrayList<>();
        if (f.participantId() != null) {
            all.add(AUDIT_ENTRY.PARTICIPANT_ID.eq(f.participantId().toString()));
        }
        if (f.userId() != null) {
            all.add(AUDIT_ENTRY.USER_ID.eq(f.userId().toString()));
        }
        if (f.from() != null) {
            all.add(AUDIT_ENTRY.DONE_AT.ge(
                    INSTANT.format(f.from().atStartOfDay(f.zone()).toInstant())));
        }
        if (f.to() != null) {
            all.add(AUDIT_ENTRY.DONE_AT.lt(
                    INSTANT.format(f.to().plusDays(1).atStartOfDay(f.zone()).toInstant())));
        }
        if (f.kinds() != null) {
            all.add(AUDIT_ENTRY.ACTION.in(codesOf(f.kinds())));
        }
        return DSL.and(all);
    }

    private static List<String> codesOf(Collection<AuditAction.Kind> kinds) {
        List<String> codes = new ArrayList<>();
        for (AuditAction action : AuditAction.values()) {
            if (kinds.contains(action.kind())) {
                codes.add(action.code());
            }
        }
        return codes;
    }

    /**
     * The days on which a user opened the pages of more than {@code threshold} different people
     * who were never in that user's caseload (no enrolment of theirs with that user as coach),
     * between two days (both included) in the zone given.
     */
    public List<UnusualReading> unusualReading(LocalDate from, LocalDate to, ZoneId zone, int threshold) {
        var opened = db.read(dsl -> dsl.select(AUDIT_ENTRY.USER_ID, AUDIT_ENTRY.PARTICIPANT_ID, AUDIT_ENTRY.DONE_AT)
                .from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ACTION.eq(AuditAction.PARTICIPANT_OPENED.code()))
                .and(AUDIT_ENTRY.USER_ID.isNotNull())
                .and(AUDIT_ENTRY.PARTICIPANT_ID.isNotNull())
                .and(AUDIT_ENTRY.DONE_AT.ge(
                        INSTANT.format(from.atStartOfDay(zone).toInstant())))
                .and(AUDIT_ENTRY.DONE_AT.lt(
                        INSTANT.format(to.plusDays(1).atStartOfDay(zone).toInstant())))
                .andNotExists(DSL.selectOne()
                        .from(ENROLMENT)
                        .where(ENROLMENT.PARTICIPANT_ID.eq(AUDIT_ENTRY.PARTICIPANT_ID))
                        .and(ENROLMENT.COACH_ID.eq(AUDIT_ENTRY.USER_ID))
                        .and(ENROLMENT.DELETED.eq(0)))
                .fetch());
        // Grouped here, not in SQL: a day is the user's day in their zone, not a day in UTC.
        Map<String, Map<LocalDate, Set<String>>> people = new TreeMap<>();
        for (var r : opened) {
            LocalDate day = Instant.parse(r.value3()).atZone(zone).toLocalDate();
            people.computeIfAbsent(r.value1(), u -> new HashMap<>())
                    .computeIfAbsent(day, d -> new HashSet<>())
                    .add(r.value2());
        }
        List<UnusualReading> unusual = new ArrayList<>();
        people.forEach((user, days) -> days.forEach((day, who) -> {
            if (who.size() > threshold) {
                unusual.add(new UnusualReading(UUID.fromString(user), day, who.size()));
            }
        }));
        unusual.sort((a, b) -> a.day().equals(b.day())
                ? Integer.compare(b.people(), a.people())
                : b.day().compareTo(a.day()));
        return unusual;
    }

    private static AuditEntry toDomain(AuditEntryRecord r) {
        return new AuditEntry(
                UUID.fromString(r.getId()),
                Instant.parse(r.getDoneAt()),
                uuid(r.getUserId()),
                r.getDeviceId(),
                Coded.ofCode(AuditAction.class, r.getAction()),
                uuid(r.getParticipantId()),
                uuid(r.getEnrolmentId()),
                uuid(r.getRecordId()),
                r.getDetail());
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
