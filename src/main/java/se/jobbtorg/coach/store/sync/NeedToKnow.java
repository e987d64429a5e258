package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.SHARED_ENROLMENT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.RecordGroups;
import se.jobbtorg.coach.store.Transaction;

/**
 * What a package for one coach's device holds (need to know; decision 0013): the enrolments
 * assigned to the coach, with their people and all the work under them, and nothing of anyone
 * else's. An enrolment the device has not had yet (newly assigned, or sent but not yet
 * acknowledged) goes with its whole history, as a snapshot would carry it; one it has goes with
 * what changed since the device's acknowledgement; one it had that is now another coach's goes
 * once more as it stands, so the device learns it was reassigned and lets go of its copy.
 */
public final class NeedToKnow {
    /**
     * The records a package for the device carries, by id: {@code history} whole (as current
     * versions), {@code since} with the changes after {@code acknowledged}, {@code leaving} as they
     * stand (the enrolments now another coach's and their people).
     */
    public record Plan(
            String peer,
            long acknowledged,
            Set<String> history,
            Set<String> since,
            Set<String> leaving,
            List<String> newEnrolments,
            List<String> leavingEnrolments,
            List<String> confirmedGone) {}

    /** The states of shared_enrolment: its history went, its leaving went, its leaving is acknowledged. */
    private static final int HAS = 0;

    private static final int LEAVING = 1;
    private static final int GONE = 2;

    private NeedToKnow() {}

    /**
     * The enrolments the device made, or made under a person it registered: it holds them
     * (or did) whether or not a package of ours ever carried them.
     */
    private static Set<String> madeOn(DSLContext dsl, String device) {
        Set<String> enrolments = new HashSet<>(dsl.select(CHANGE_LOG.RECORD_ID)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.DEVICE_ID.eq(device), CHANGE_LOG.ENTITY.eq(ENROLMENT.getName()))
                .fetch(CHANGE_LOG.RECORD_ID));
        List<String> people = dsl.select(CHANGE_LOG.RECORD_ID)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.DEVICE_ID.eq(device), CHANGE_LOG.ENTITY.eq(PARTICIPANT.getName()))
                .fetch(CHANGE_LOG.RECORD_ID);
        for (List<String> part : RecordGroups.chunks(people)) {
            enrolments.addAll(dsl.select(ENROLMENT.ID)
                    .from(ENROLMENT)
                    .where(ENROLMENT.PARTICIPANT_ID.in(part))
                    .fetch(ENROLMENT.ID));
        }
        return enrolments;
    }

    /**
     * The enrolments this database's log ever had assigned to the coach: what a device may hold
     * from packages that went to it whole before its user's role was known (no record of them).
     */
    private static Set<String> everAssigned(DSLContext dsl, String coach) {
        return new HashSet<>(dsl.select(CHANGE_LOG.RECORD_ID)
                .from(CHANGE_LOG)
                .where(
                        CHANGE_LOG.ENTITY.eq(ENROLMENT.getName()),
                        DSL.field("json_extract({0}, '$.coach_id')", String.class, CHANGE_LOG.FIELD_VALUES)
                                .eq(coach))
                .fetch(CHANGE_LOG.RECORD_ID));
    }

    /** What the next package for this device (its user's coach id, null if not known) holds. */
    static Plan plan(DSLContext dsl, String peer, String coach, long acknowledged) {
        List<String> mine = coach == null
                ? List.of()
                : dsl.select(ENROLMENT.ID)
                        .from(ENROLMENT)
                        .where(ENROLMENT.COACH_ID.eq(coach))
                        .orderBy(ENROLMENT.ID)
                        .fetch(ENROLMENT.ID);
        record Shared(long sentThrough, int state) {}
        Map<String, Shared> shared = new HashMap<>();
        dsl.selectFrom(SHARED_ENROLMENT)
                .where(SHARED_ENROLMENT.PEER_DEVICE.eq(peer))
                .forEach(r -> shared.put(r.getEnrolmentId(), new Shared(r.getSentThrough(), r.getState())));
        List<String> fresh = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (String e : mine) {
            Shared s = shared.get(e);
            boolean has = s != null && s.state() == HAS && s.sentThrough() <= acknowledged;
            (has ? known : fresh).add(e);
        }
        // What the device may hold that is not its coach's: what went to it, and what it made
        // itself or under a person it registered (it sent those; it has them still).
        Set<String> mineSet = new HashSet<>(mine);
        Set<String> held = new HashSet<>();
        shared.forEach((e, s) -> {
            if (s.state() != GONE) {
                held.add(e);
            }
        });
        held.addAll(madeOn(dsl, peer));
        if (shared.isEmpty() && acknowledged > 0 && coach != null) {
            // The first package for this device since its role is known: what went before went
            // whole and unrecorded, so whatever was ever its coach's it may hold.
            held.addAll(everAssigned(dsl, coach));
        }
        held.removeAll(mineSet);
        Set<String> existing = new HashSet<>();
        for (List<String> part : RecordGroups.chunks(List.copyOf(held))) {
            existing.addAll(dsl.select(ENROLMENT.ID)
                    .from(ENROLMENT)
                    .where(ENROLMENT.ID.in(part))
                    .fetch(ENROLMENT.ID));
        }
        List<String> leaving = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String e : held) {
            Shared s = shared.get(e);
            if (s != null && s.state() == GONE) {
                continue;
            }
            if (existing.contains(e) && s != null && s.state() == LEAVING && s.sentThrough() <= acknowledged) {
                gone.add(e); // the device has heard it left: nothing more of it goes
            } else if (existing.contains(e)) {
                leaving.add(e);
            }
        }
        leaving.sort(null);
        Set<String> history = new LinkedHashSet<>(people(dsl, fresh));
        history.addAll(RecordGroups.underEnrolments(dsl, fresh));
        Set<String> since = new LinkedHashSet<>(people(dsl, known));
        since.addAll(RecordGroups.underEnrolments(dsl, known));
        since.removeAll(history);
        Set<String> left = new LinkedHashSet<>(leaving);
        left.addAll(people(dsl, leaving));
        left.removeAll(history);
        left.removeAll(since);
        return new Plan(peer, acknowledged, history, since, left, fresh, leaving, gone);
    }

    /** The people of the enrolments, and those they were merged into: a record needs its parents. */
    private static Set<String> people(DSLContext dsl, Collection<String> enrolments) {
        Set<String> people = new LinkedHashSet<>();
        for (List<String> part : RecordGroups.chunks(List.copyOf(enrolments))) {
            people.addAll(dsl.selectDistinct(ENROLMENT.PARTICIPANT_ID)
                    .from(ENROLMENT)
                    .where(ENROLMENT.ID.in(part))
                    .fetch(ENROLMENT.PARTICIPANT_ID));
        }
        Set<String> next = new LinkedHashSet<>(people);
        while (!next.isEmpty()) {
            Set<String> into = new LinkedHashSet<>();
            for (List<String> part : RecordGroups.chunks(List.copyOf(next))) {
                into.addAll(dsl.select(PARTICIPANT.MERGED_INTO)
                        .from(PARTICIPANT)
                        .where(PARTICIPANT.ID.in(part), PARTICIPANT.MERGED_INTO.isNotNull())
                        .fetch(PARTICIPANT.MERGED_INTO));
            }
            into.removeAll(people);
            people.addAll(into);
            next = into;
        }
        return people;
    }

    /**
     * Notes, once the package is written, what it carried: the enrolments whose history went and
     * those whose leaving went, as of {@code to}; the departures the device has acknowledged are
     * forgotten. A package that never arrives changes nothing: until the device acknowledges
     * {@code to}, the next package carries the same again.
     */
    public static void sent(Transaction tx, Plan plan, long to) {
        DSLContext dsl = tx.dsl();
        for (String e : plan.newEnrolments()) {
            upsert(dsl, plan.peer(), e, to, HAS);
        }
        for (String e : plan.leavingEnrolments()) {
            upsert(dsl, plan.peer(), e, to, LEAVING);
        }
        for (String e : plan.confirmedGone()) {
            upsert(dsl, plan.peer(), e, to, GONE);
        }
    }

    private static void upsert(DSLContext dsl, String peer, String enrolment, long to, int state) {
        dsl.insertInto(SHARED_ENROLMENT)
                .set(SHARED_ENROLMENT.PEER_DEVICE, peer)
                .set(SHARED_ENROLMENT.ENROLMENT_ID, enrolment)
                .set(SHARED_ENROLMENT.SENT_THROUGH, (int) to)
                .set(SHARED_ENROLMENT.STATE, state)
                .onConflict(SHARED_ENROLMENT.PEER_DEVICE, SHARED_ENROLMENT.ENROLMENT_ID)
                .doUpdate()
                .set(SHARED_ENROLMENT.SENT_THROUGH, (int) to)
                .set(SHARED_ENROLMENT.STATE, state)
                .execute();
    }
}
