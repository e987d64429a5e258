package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.LEAD_RELAYED;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;

/**
 * A coach's laptop holds its user's caseload and no more (need to know; decision 0013). When an
 * enrolment is another coach's, this laptop lets go of its copy of it, and of a person none of
 * whose enrolments is its user's, once every change of those records is at a team lead (made on
 * a lead's device, received in a lead's package, or acknowledged by a lead), so no edit is lost.
 * Letting go is local: nothing is logged, nothing travels, and the records come back whole if
 * the enrolment is assigned to this coach again. Each release gets an audit entry (ids only).
 */
public final class LocalCopies {
    /** What was let go of: a person (enrolment null) with all their enrolments, or one enrolment. */
    public record Released(UUID participantId, UUID enrolmentId, int records) {}

    private LocalCopies() {}

    /** Notes that the log's rows from {@code from} to {@code to} came in a team lead's package. */
    public static void relayedByLead(Transaction tx, long from, long to) {
        if (from <= to) {
            tx.dsl()
                    .insertInto(LEAD_RELAYED)
                    .set(LEAD_RELAYED.SEQ_FROM, (int) from)
                    .set(LEAD_RELAYED.SEQ_TO, (int) to)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /**
     * Lets go, in the transaction, of what is not the coach's: {@code leads} are the devices known
     * to be team leads' (not this one), {@code leadAcknowledged} how far one of them has this
     * database's log (null: none has acknowledged anything, so only what leads made goes).
     */
    public static List<Released> releaseNotMine(Transaction tx, UUID coach, Set<String> leads, Long leadAcknowledged) {
        DSLContext dsl = tx.dsl();
        String me = coach.toString();
        // A person and those merged into them are one family: its root is the person never merged.
        Map<String, String> mergedInto = new HashMap<>();
        dsl.select(PARTICIPANT.ID, PARTICIPANT.MERGED_INTO)
                .from(PARTICIPANT)
                .forEach(r -> mergedInto.put(r.value1(), r.value2()));
        Map<String, List<String[]>> byFamily = new LinkedHashMap<>();
        dsl.select(ENROLMENT.ID, ENROLMENT.PARTICIPANT_ID, ENROLMENT.COACH_ID)
                .from(ENROLMENT)
                .orderBy(ENROLMENT.ID)
                .forEach(r -> byFamily.computeIfAbsent(root(mergedInto, r.value2()), k -> new ArrayList<>())
                        .add(new String[] {r.value1(), r.value2(), r.value3()}));
        List<Released> released = new ArrayList<>();
        for (var family : byFamily.entrySet()) {
            List<String[]> enrolments = family.getValue();
            boolean mine = enrolments.stream().anyMatch(e -> me.equals(e[2]));
            if (!mine) {
                // None of the person's enrolments is this coach's: the person goes, whole.
                List<String> records = RecordGroups.ofPerson(dsl, family.getKey());
                if (release(tx, records, leads, leadAcknowledged)) {
                    UUID person = UUID.fromString(family.getKey());
                    AuditTrail.record(tx, AuditAction.LOCAL_COPY_REMOVED, About.participant(person));
                    released.add(new Released(person, null, records.size()));
                }
                continue;
            }
            for (String[] e : enrolments) {
                if (me.equals(e[2])) {
                    continue;
                }
                // The person stays (another enrolment of theirs is this coach's): this one goes.
                List<String> records = RecordGroups.underEnrolments(dsl, List.of(e[0]));
                if (release(tx, records, leads, leadAcknowledged)) {
                    UUID person = UUID.fromString(e[1]);
                    UUID enrolment = UUID.fromString(e[0]);
                    AuditTrail.record(tx, AuditAction.LOCAL_COPY_REMOVED, About.enrolment(person, enrolment));
                    released.add(new Released(person, enrolment, records.size()));
                }
            }
        }
        return released;
    }

    private static String root(Map<String, String> mergedInto, String person) {
        String at = person;
        Set<String> seen = new HashSet<>();
        while (mergedInto.get(at) != null && seen.add(at)) {
            at = mergedInto.get(at);
        }
        return at;
    }

    /**
     * Deletes the records if every change of them is at a team lead: made on a lead's device,
     * received in a lead's package, or in this database's log no further than a lead has
     * acknowledged. A change made here, or one
     * this laptop is the last to hold (relayed from a coach's laptop since lost), keeps the group
     * until it has reached a lead.
     */
    private static boolean release(Transaction tx, List<String> records, Set<String> leads, Long leadAcknowledged) {
        if (records.isEmpty()) {
            return false;
        }
        List<String> entities =
                SyncEntities.records().stream().map(SyncEntities.Entity::name).toList();
        for (List<String> part : RecordGroups.chunks(records)) {
            boolean notAtALead = tx.dsl()
                    .fetchExists(DSL.selectOne()
                            .from(CHANGE_LOG)
                            .where(
                                    CHANGE_LOG.ENTITY.in(entities),
                                    CHANGE_LOG.RECORD_ID.in(part),
                                    CHANGE_LOG.DEVICE_ID.notIn(leads),
                                    leadAcknowledged == null
                                            ? DSL.trueCondition()
                                            : CHANGE_LOG.SEQ.gt(leadAcknowledged.intValue()),
                                    DSL.notExists(DSL.selectOne()
                                            .from(LEAD_RELAYED)
                                            .where(CHANGE_LOG.SEQ.between(
                                                    LEAD_RELAYED.SEQ_FROM, LEAD_RELAYED.SEQ_TO)))));
            if (notAtALead) {
                return false;
            }
        }
        RecordGroups.delete(tx.dsl(), records);
        return true;
    }
}
