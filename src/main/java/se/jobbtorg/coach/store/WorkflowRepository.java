package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_FOLLOW_UP;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.DEADLINE_REASON;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.ENTRY_VOID;
import static se.jobbtorg.coach.store.generated.Tables.MAPPING_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.MEETING;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_UNENROLLED;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.store.generated.tables.records.ActivityFollowUpRecord;
import se.jobbtorg.coach.store.generated.tables.records.ActivityPlanRecord;
import se.jobbtorg.coach.store.generated.tables.records.ActivityRecord;
import se.jobbtorg.coach.store.generated.tables.records.EntryVoidRecord;
import se.jobbtorg.coach.store.generated.tables.records.MappingEntryRecord;
import se.jobbtorg.coach.store.generated.tables.records.MeetingRecord;

/** The records of the work in one enrolment: mapping, plan versions, activities, meetings, exit. */
public final class WorkflowRepository {
    private final Database db;

    public WorkflowRepository(Database db) {
        this.db = db;
    }

    /** Everything of one enrolment, read in one snapshot. */
    public record StoredWork(
            List<MappingEntry> mapping,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Meeting> meetings,
            List<ActivityFollowUp> followUps,
            String exitNote,
            ExitCheck exitCheck,
            LocalDate exitCheckedOn,
            List<EntryVoid> voids) {}

    public StoredWork work(UUID enrolmentId) {
        return db.read(dsl -> work(dsl, enrolmentId));
    }

    public StoredWork work(Transaction tx, UUID enrolmentId) {
        return work(tx.dsl(), enrolmentId);
    }

    static StoredWork work(DSLContext dsl, UUID enrolmentId) {
        String id = enrolmentId.toString();
        List<MappingEntry> mapping = dsl.selectFrom(MAPPING_ENTRY)
                .where(MAPPING_ENTRY.ENROLMENT_ID.eq(id), MAPPING_ENTRY.DELETED.eq(0))
                .orderBy(MAPPING_ENTRY.AREA, MAPPING_ENTRY.VERSION_STAMP)
                .fetch(WorkflowRepository::mapping);
        List<ActivityPlan> plans = dsl.selectFrom(ACTIVITY_PLAN)
                .where(ACTIVITY_PLAN.ENROLMENT_ID.eq(id), ACTIVITY_PLAN.DELETED.eq(0))
                .orderBy(ACTIVITY_PLAN.VERSION)
                .fetch(WorkflowRepository::plan);
        List<Activity> activities = dsl.select(ACTIVITY.fields())
                .from(ACTIVITY)
                .join(ACTIVITY_PLAN)
                .on(ACTIVITY_PLAN.ID.eq(ACTIVITY.PLAN_ID))
                .where(ACTIVITY_PLAN.ENROLMENT_ID.eq(id), ACTIVITY.DELETED.eq(0), ACTIVITY_PLAN.DELETED.eq(0))
                .orderBy(ACTIVITY.START_ON, ACTIVITY.ID)
                .fetch(r -> activity(r.into(ACTIVITY)));
        List<Meeting> meetings = dsl.selectFrom(MEETING)
                .where(MEETING.ENROLMENT_ID.eq(id), MEETING.DELETED.eq(0))
                .orderBy(MEETING.MEETING_AT, MEETING.VERSION_STAMP)
                .fetch(WorkflowRepository::meeting);
        List<ActivityFollowUp> followUps = dsl.select(ACTIVITY_FOLLOW_UP.fields())
                .from(ACTIVITY_FOLLOW_UP)
                .join(MEETING)
                .on(MEETING.ID.eq(ACTIVITY_FOLLOW_UP.MEETING_ID))
                .where(MEETING.ENROLMENT_ID.eq(id), ACTIVITY_FOLLOW_UP.DELETED.eq(0))
                .fetch(r -> followUp(r.into(ACTIVITY_FOLLOW_UP)));
        var exit = dsl.select(ENROLMENT.EXIT_NOTE, ENROLMENT.EXIT_CHECK, ENROLMENT.EXIT_CHECKED_ON)
                .from(ENROLMENT)
                .where(ENROLMENT.ID.eq(id))
                .fetchOne();
        return new StoredWork(
                mapping,
                plans,
                activities,
                meetings,
                followUps,
                exit.value1(),
                exit.value2() == null ? null : Coded.ofCode(ExitCheck.class, exit.value2()),
                exit.value3() == null ? null : LocalDate.parse(exit.value3()),
                voidsOf(dsl, id));
    }

    /**
     * The voids of an enrolment's entries, whatever their kind. Voids are few, so a pass over them
     * with the entry each names is cheaper than an index per way of reaching the enrolment.
     */
    private static List<EntryVoid> voidsOf(DSLContext dsl, String enrolmentId) {
        var m = MEETING.as("voided_meeting");
        var e = MAPPING_ENTRY.as("voided_mapping");
        var f = ACTIVITY_FOLLOW_UP.as("voided_follow_up");
        var fm = MEETING.as("voided_follow_up_meeting");
        var d = DEADLINE_REASON.as("voided_reason");
        return dsl.select(ENTRY_VOID.fields())
                .from(ENTRY_VOID)
                .leftJoin(m)
                .on(m.ID.eq(ENTRY_VOID.MEETING_ID))
                .leftJoin(e)
                .on(e.ID.eq(ENTRY_VOID.MAPPING_ENTRY_ID))
                .leftJoin(f)
                .on(f.ID.eq(ENTRY_VOID.ACTIVITY_FOLLOW_UP_ID))
                .leftJoin(fm)
                .on(fm.ID.eq(f.MEETING_ID))
                .leftJoin(d)
                .on(d.ID.eq(ENTRY_VOID.DEADLINE_REASON_ID))
                .where(
                        ENTRY_VOID.DELETED.eq(0),
                        m.ENROLMENT_ID
                                .eq(enrolmentId)
                                .or(e.ENROLMENT_ID.eq(enrolmentId))
                                .or(fm.ENROLMENT_ID.eq(enrolmentId))
                                .or(d.ENROLMENT_ID.eq(enrolmentId))
                                .or(ENTRY_VOID.EXIT_ENROLMENT_ID.eq(enrolmentId))
                                .or(ENTRY_VOID.EXIT_CHECK_ENROLMENT_ID.eq(enrolmentId)))
                .orderBy(ENTRY_VOID.VERSION_STAMP)
                .fetch(r -> entryVoid(r.into(ENTRY_VOID)));
    }

    /** A meeting no void names: the reads of a whole caseload leave voided entries out in the query. */
    static Condition notVoided(Field<String> meetingId) {
        return notVoided(ENTRY_VOID.MEETING_ID, meetingId);
    }

    /** An entry no void names, by the void's column for the entry's kind. */
    static Condition notVoided(Field<String> voidColumn, Field<String> entryId) {
        return DSL.notExists(DSL.selectOne().from(ENTRY_VOID).where(voidColumn.eq(entryId), ENTRY_VOID.DELETED.eq(0)));
    }

    /** The enrolment an entry of this kind belongs to, if the entry exists (deleted or not). */
    public Optional<UUID> enrolmentOf(Transaction tx, EntryVoid.Kind kind, UUID entryId) {
        String id = entryId.toString();
        DSLContext dsl = tx.dsl();
        Optional<String> found = switch (kind) {
            case MEETING ->
                dsl.select(MEETING.ENROLMENT_ID)
                        .from(MEETING)
                        .where(MEETING.ID.eq(id))
                        .fetchOptional(MEETING.ENROLMENT_ID);
            case MAPPING_ENTRY ->
                dsl.select(MAPPING_ENTRY.ENROLMENT_ID)
                        .from(MAPPING_ENTRY)
                        .where(MAPPING_ENTRY.ID.eq(id))
                        .fetchOptional(MAPPING_ENTRY.ENROLMENT_ID);
            case ACTIVITY_FOLLOW_UP ->
                dsl.select(MEETING.ENROLMENT_ID)
                        .from(ACTIVITY_FOLLOW_UP)
                        .join(MEETING)
                        .on(MEETING.ID.eq(ACTIVITY_FOLLOW_UP.MEETING_ID))
                        .where(ACTIVITY_FOLLOW_UP.ID.eq(id))
                        .fetchOptional(MEETING.ENROLMENT_ID);
            case DEADLINE_REASON ->
                dsl.select(DEADLINE_REASON.ENROLMENT_ID)
                        .from(DEADLINE_REASON)
                        .where(DEADLINE_REASON.ID.eq(id))
                        .fetchOptional(DEADLINE_REASON.ENROLMENT_ID);
            case EXIT, EXIT_CHECK ->
                dsl.select(ENROLMENT.ID)
                        .from(ENROLMENT)
                        .where(ENROLMENT.ID.eq(id))
                        .fetchOptional(ENROLMENT.ID);
        };
        return found.map(UUID::fromString);
    }

    /** A void is only ever added; an entry voided twice (two laptops) stays void. */
    public void add(Transaction tx, EntryVoid v) {
        EntryVoidRecord r = tx.dsl().newRecord(ENTRY_VOID);
        r.setId(v.id().toString());
        String entry = v.entryId().toString();
        switch (v.kind()) {
            case MEETING -> r.setMeetingId(entry);
            case MAPPING_ENTRY -> r.setMappingEntryId(entry);
            case ACTIVITY_FOLLOW_UP -> r.setActivityFollowUpId(entry);
            case DEADLINE_REASON -> r.setDeadlineReasonId(entry);
            case EXIT -> r.setExitEnrolmentId(entry);
            case EXIT_CHECK -> r.setExitCheckEnrolmentId(entry);
        }
        r.setUndoneDate(v.undoneDate() == null ? null : v.undoneDate().toString());
        r.setReason(v.reason());
        r.setCoachId(v.coachId().toString());
        r.setVoidedOn(v.voidedOn().toString());
        if (!tx.save(r)) {
            throw new StoreException("void written twice: " + v.id());
        }
    }

    static EntryVoid entryVoid(EntryVoidRecord r) {
        EntryVoid.Kind kind;
        String entry;
        if (r.getMeetingId() != null) {
            kind = EntryVoid.Kind.MEETING;
            entry = r.getMeetingId();
        } else if (r.getMappingEntryId() != null) {
            kind = EntryVoid.Kind.MAPPING_ENTRY;
            entry = r.getMappingEntryId();
        } else if (r.getActivityFollowUpId() != null) {
            kind = EntryVoid.Kind.ACTIVITY_FOLLOW_UP;
            entry = r.getActivityFollowUpId();
        } else if (r.getDeadlineReasonId() != null) {
            kind = EntryVoid.Kind.DEADLINE_REASON;
            entry = r.getDeadlineReasonId();
        } else if (r.getExitEnrolmentId() != null) {
            kind = EntryVoid.Kind.EXIT;
            entry = r.getExitEnrolmentId();
        } else {
            kind = EntryVoid.Kind.EXIT_CHECK;
            entry = r.getExitCheckEnrolmentId();
        }
        return new EntryVoid(
                UUID.fromString(r.getId()),
                kind,
                UUID.fromString(entry),
                r.getReason(),
                UUID.fromString(r.getCoachId()),
                LocalDate.parse(r.getVoidedOn()),
                r.getUndoneDate() == null ? null : LocalDate.parse(r.getUndoneDate()));
    }

    /** The ids of a coach's open enrolments, as a subquery the reads of a whole caseload share. */
    private static Select<Record1<String>> openOf(UUID coachId) {
        return DSL.select(ENROLMENT.ID)
                .from(ENROLMENT)
                .where(
                        ENROLMENT.COACH_ID.eq(coachId.toString()),
                        ENROLMENT.EXITED_ON.isNull(),
                        ENROLMENT.DELETED.eq(0));
    }

    /**
     * The work of every open enrolment of a coach, read in one snapshot with one query per kind
     * of record (the Today screen), in the same order per enrolment as {@link #work(UUID)}.
     */
    public List<OpenWork> workOfCoach(UUID coachId) {
        return db.read(dsl -> {
            var open = openOf(coachId);
            Map<String, List<MappingEntry>> mapping = new HashMap<>();
            dsl.selectFrom(MAPPING_ENTRY)
                    .where(
                            MAPPING_ENTRY.ENROLMENT_ID.in(open),
                            MAPPING_ENTRY.DELETED.eq(0),
                            notVoided(ENTRY_VOID.MAPPING_ENTRY_ID, MAPPING_ENTRY.ID))
                    .orderBy(MAPPING_ENTRY.ENROLMENT_ID, MAPPING_ENTRY.AREA, MAPPING_ENTRY.VERSION_STAMP)
                    .forEach(r -> mapping.computeIfAbsent(r.getEnrolmentId(), k -> new ArrayList<>())
                            .add(mapping(r)));
            Map<String, List<ActivityPlan>> plans = new HashMap<>();
            dsl.selectFrom(ACTIVITY_PLAN)
                    .where(ACTIVITY_PLAN.ENROLMENT_ID.in(open), ACTIVITY_PLAN.DELETED.eq(0))
                    .orderBy(ACTIVITY_PLAN.ENROLMENT_ID, ACTIVITY_PLAN.VERSION)
                    .forEach(r -> plans.computeIfAbsent(r.getEnrolmentId(), k -> new ArrayList<>())
                            .add(plan(r)));
            Map<String, List<Activity>> activities = new HashMap<>();
            dsl.select(ACTIVITY.fields())
                    .select(ACTIVITY_PLAN.ENROLMENT_ID)
                    .from(ACTIVITY)
                    .join(ACTIVITY_PLAN)
                    .on(ACTIVITY_PLAN.ID.eq(ACTIVITY.PLAN_ID))
                    .where(ACTIVITY_PLAN.ENROLMENT_ID.in(open), ACTIVITY.DELETED.eq(0), ACTIVITY_PLAN.DELETED.eq(0))
                    .orderBy(ACTIVITY_PLAN.ENROLMENT_ID, ACTIVITY.START_ON, ACTIVITY.ID)
                    .forEach(r -> activities
                            .computeIfAbsent(r.get(ACTIVITY_PLAN.ENROLMENT_ID), k -> new ArrayList<>())
                            .add(activity(r.into(ACTIVITY))));
            Map<String, List<Meeting>> meetings = new HashMap<>();
            dsl.selectFrom(MEETING)
                    .where(MEETING.ENROLMENT_ID.in(open), MEETING.DELETED.eq(0), notVoided(MEETING.ID))
                    .orderBy(MEETING.ENROLMENT_ID, MEETING.MEETING_AT, MEETING.VERSION_STAMP)
                    .forEach(r -> meetings.computeIfAbsent(r.getEnrolmentId(), k -> new ArrayList<>())
                            .add(meeting(r)));
            Map<String, List<ActivityFollowUp>> followUps = new HashMap<>();
            dsl.select(ACTIVITY_FOLLOW_UP.fields())
                    .select(MEETING.ENROLMENT_ID)
                    .from(ACTIVITY_FOLLOW_UP)
                    .join(MEETING)
                    .on(MEETING.ID.eq(ACTIVITY_FOLLOW_UP.MEETING_ID))
                    .where(
                            MEETING.ENROLMENT_ID.in(open),
                            ACTIVITY_FOLLOW_UP.DELETED.eq(0),
                            notVoided(ENTRY_VOID.ACTIVITY_FOLLOW_UP_ID, ACTIVITY_FOLLOW_UP.ID))
                    .forEach(r -> followUps
                            .computeIfAbsent(r.get(MEETING.ENROLMENT_ID), k -> new ArrayList<>())
                            .add(followUp(r.into(ACTIVITY_FOLLOW_UP))));
            return dsl.selectFrom(ENROLMENT).where(ENROLMENT.ID.in(open)).fetch(r -> {
                String id = r.getId();
                return new OpenWork(
                        EnrolmentRepository.toDomain(r),
                        new StoredWork(
                                mapping.getOrDefault(id, List.of()),
                                plans.getOrDefault(id, List.of()),
                                activities.getOrDefault(id, List.of()),
                                meetings.getOrDefault(id, List.of()),
                                followUps.getOrDefault(id, List.of()),
                                r.getExitNote(),
                                r.getExitCheck() == null ? null : Coded.ofCode(ExitCheck.class, r.getExitCheck()),
                                r.getExitCheckedOn() == null ? null : LocalDate.parse(r.getExitCheckedOn()),
                                // Voided meetings are left out above: no history is shown from here.
                                List.of()));
            });
        });
    }

    /**
     * What the deadlines of one open enrolment are computed from (DeadlineRules.due), with its
     * person: every plan version, the activities and meeting entries without their free text.
     */
    public record DueInputs(
            Enrolment enrolment,
            Participant participant,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Meeting> meetings) {}

    /**
     * The deadline inputs of every open enrolment of a coach whose person is not deleted (the
     * Today screen), in four queries whatever the caseload's size. Only the columns the rules
     * read: notes, descriptions and the mapping are for the enrolment's own page.
     */
    public List<DueInputs> dueInputsOfCoach(UUID coachId) {
        return db.read(dsl -> {
            var open = openOf(coachId);
            Inputs in = inputs(dsl, id -> id.in(open));
            return dsl.select(ENROLMENT.fields())
                    .select(PARTICIPANT.fields())
                    .from(ENROLMENT)
                    .join(PARTICIPANT)
                    .on(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID))
                    .where(ENROLMENT.ID.in(open), PARTICIPANT.DELETED.eq(0))
                    .fetch(r -> {
                        String id = r.get(ENROLMENT.ID);
                        return new DueInputs(
                                EnrolmentRepository.toDomain(r.into(ENROLMENT)),
                                ParticipantRepository.toDomain(r.into(PARTICIPANT)),
                                in.plans().getOrDefault(id, List.of()),
                                in.activities().getOrDefault(id, List.of()),
                                in.meetings().getOrDefault(id, List.of()));
                    });
        });
    }

    /**
     * What the deadlines, the reminders and the status of these enrolments (open or not) are
     * computed from: a page of the caseload list. Those a coach's list can show come from what the
     * schema keeps of them, a few pages per coach ({@link KeptGlances}, migration 25); the others
     * (no coach, or the check after the exit recorded) in three queries whatever their number,
     * each an index range per enrolment.
     */
    public Map<UUID, EnrolmentInputs> inputsOf(Collection<Enrolment> enrolments) {
        if (enrolments.isEmpty()) {
            return Map.of();
        }
        return db.read(dsl -> {
            Map<UUID, EnrolmentInputs> all = new HashMap<>();
            KeptGlances.of(dsl, enrolments).forEach((id, kept) -> all.put(UUID.fromString(id), kept));
            List<String> ids = enrolments.stream()
                    .map(Enrolment::id)
                    .filter(id -> !all.containsKey(id))
                    .map(UUID::toString)
                    .distinct()
                    .toList();
            if (!ids.isEmpty()) {
                Inputs in = inputs(dsl, id -> id.in(ids));
                for (String id : ids) {
                    all.put(
                            UUID.fromString(id),
                            new EnrolmentInputs(
                                    in.plans().getOrDefault(id, List.of()),
                                    in.activities().getOrDefault(id, List.of()),
                                    in.meetings().getOrDefault(id, List.of())));
                }
            }
            return all;
        });
    }

    /** What the rules read of one enrolment: every plan version, the activities and meeting entries. */
    public record EnrolmentInputs(List<ActivityPlan> plans, List<Activity> activities, List<Meeting> meetings) {}

    /** The plans, activities and meetings (voided ones left out) of some enrolments, by enrolment id. */
    private record Inputs(
            Map<String, List<ActivityPlan>> plans,
            Map<String, List<Activity>> activities,
            Map<String, List<Meeting>> meetings) {}

    /**
     * The inputs of the rules for the enrolments whose id meets the condition, one query per kind
     * of record. Only the columns the rules read, each kind from its index alone (schema 22): the
     * plans' wishes, notes, descriptions and the mapping are for the enrolment's own page.
     */
    private static Inputs inputs(DSLContext dsl, Function<Field<String>, Condition> enrolments) {
        Map<String, List<ActivityPlan>> plans = new HashMap<>();
        dsl.select(
                        ACTIVITY_PLAN.ID,
                        ACTIVITY_PLAN.ENROLMENT_ID,
                        ACTIVITY_PLAN.VERSION,
                        ACTIVITY_PLAN.GOAL,
                        ACTIVITY_PLAN.DRAWN_UP_ON,
                        ACTIVITY_PLAN.APPROVED_ON,
                        ACTIVITY_PLAN.APPROVED_BY,
                        ACTIVITY_PLAN.REVIEW)
                .from(ACTIVITY_PLAN)
                .where(enrolments.apply(ACTIVITY_PLAN.ENROLMENT_ID), ACTIVITY_PLAN.DELETED.eq(0))
                .orderBy(ACTIVITY_PLAN.ENROLMENT_ID, ACTIVITY_PLAN.VERSION)
                .forEach(r -> plans.computeIfAbsent(r.value2(), k -> new ArrayList<>())
                        .add(plan(r.into(ACTIVITY_PLAN))));
        Map<String, List<Activity>> activities = new HashMap<>();
        dsl.select(
                        ACTIVITY.ID,
                        ACTIVITY.PLAN_ID,
                        ACTIVITY.KIND,
                        ACTIVITY.START_ON,
                        ACTIVITY.END_ON,
                        ACTIVITY.ENDED_ON,
                        ACTIVITY_PLAN.ENROLMENT_ID)
                .from(ACTIVITY)
                .join(ACTIVITY_PLAN)
                .on(ACTIVITY_PLAN.ID.eq(ACTIVITY.PLAN_ID))
                .where(
                        enrolments.apply(ACTIVITY_PLAN.ENROLMENT_ID),
                        ACTIVITY.DELETED.eq(0),
                        ACTIVITY_PLAN.DELETED.eq(0))
                .forEach(r -> activities
                        .computeIfAbsent(r.value7(), k -> new ArrayList<>())
                        .add(new Activity(
                                UUID.fromString(r.value1()),
                                UUID.fromString(r.value2()),
                                Coded.ofCode(ActivityKind.class, r.value3()),
                                null,
                                null,
                                null,
                                LocalDate.parse(r.value4()),
                                LocalDate.parse(r.value5()),
                                r.value6() == null ? null : LocalDate.parse(r.value6()))));
        Map<String, List<Meeting>> meetings = new HashMap<>();
        dsl.select(
                        MEETING.ID,
                        MEETING.ENROLMENT_ID,
                        MEETING.SUPERSEDES,
                        MEETING.MEETING_AT,
                        MEETING.KIND,
                        MEETING.OUTCOME,
                        MEETING.DUTY_EXPLAINED_ON)
                .from(MEETING)
                .where(enrolments.apply(MEETING.ENROLMENT_ID), MEETING.DELETED.eq(0), notVoided(MEETING.ID))
                .forEach(r -> meetings.computeIfAbsent(r.value2(), k -> new ArrayList<>())
                        .add(new Meeting(
                                UUID.fromString(r.value1()),
                                UUID.fromString(r.value2()),
                                r.value3() == null ? null : UUID.fromString(r.value3()),
                                LocalDateTime.parse(r.value4()),
                                Coded.ofCode(MeetingKind.class, r.value5()),
                                null,
                                Coded.ofCode(MeetingOutcome.class, r.value6()),
                                null,
                                false,
                                null,
                                null,
                                r.value7() == null ? null : LocalDate.parse(r.value7()),
                                null)));
        return new Inputs(plans, activities, meetings);
    }

    /**
     * A coach's exited enrolments whose check after the exit is not recorded and fell due on or
     * after since, with their people (not deleted): the reminders of the Today screen, in one query.
     */
    public List<DueInputs> uncheckedExitsOfCoach(UUID coachId, LocalDate exitedFrom) {
        return db.read(dsl -> dsl.select(ENROLMENT.fields())
                .select(PARTICIPANT.fields())
                .from(ENROLMENT)
                .join(PARTICIPANT)
                .on(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID))
                .where(
                        ENROLMENT.COACH_ID.eq(coachId.toString()),
                        ENROLMENT.EXITED_ON.ge(exitedFrom.toString()),
                        ENROLMENT.EXIT_CHECK.isNull(),
                        ENROLMENT.DELETED.eq(0),
                        PARTICIPANT.DELETED.eq(0))
                .fetch(r -> new DueInputs(
                        EnrolmentRepository.toDomain(r.into(ENROLMENT)),
                        ParticipantRepository.toDomain(r.into(PARTICIPANT)),
                        List.of(),
                        List.of(),
                        List.of())));
    }

    /**
     * The people registered and never enrolled, or whose every enrolment is deleted (not deleted
     * themselves, not merged into another): kept by the schema's triggers (migration 20). The
     * few kept drive the loop (a cross join keeps SQLite's order): left free, SQLite walked every
     * participant and looked each up in the kept table, 30 ms warm and 280 ms cold at 100,000
     * participants, for none kept. To other databases a cross join filtered by the join's
     * condition is a plain join.
     */
    public List<Participant> neverEnrolled() {
        return db.read(dsl -> dsl.select(PARTICIPANT.fields())
                .from(PARTICIPANT_UNENROLLED.crossJoin(PARTICIPANT))
                .where(PARTICIPANT.ID.eq(PARTICIPANT_UNENROLLED.PARTICIPANT_ID))
                .fetchInto(PARTICIPANT)
                .map(ParticipantRepository::toDomain));
    }

    /** An open enrolment and its work, read together. */
    public record OpenWork(Enrolment enrolment, StoredWork work) {}

    /** A reason given for a passed deadline: whose, which (its code), when it was due. */
    public record ReasonKey(UUID enrolmentId, String kind, LocalDate dueOn) {}

    /** The latest reason given for each deadline of a coach's open enrolments (as {@link #deadlineReason}). */
    public Map<ReasonKey, String> deadlineReasonsOfCoach(UUID coachId) {
        return db.read(dsl -> {
            Map<ReasonKey, String> reasons = new HashMap<>();
            dsl.select(
                            DEADLINE_REASON.ENROLMENT_ID,
                            DEADLINE_REASON.KIND,
                            DEADLINE_REASON.DUE_ON,
                            DEADLINE_REASON.REASON)
                    .from(DEADLINE_REASON)
                    .join(ENROLMENT)
                    .on(ENROLMENT.ID.eq(DEADLINE_REASON.ENROLMENT_ID))
                    .where(
                            ENROLMENT.COACH_ID.eq(coachId.toString()),
                            ENROLMENT.EXITED_ON.isNull(),
                            ENROLMENT.DELETED.eq(0),
                            DEADLINE_REASON.DELETED.eq(0),
                            notVoided(ENTRY_VOID.DEADLINE_REASON_ID, DEADLINE_REASON.ID))
                    .orderBy(DEADLINE_REASON.VERSION_STAMP.desc())
                    .forEach(r -> reasons.putIfAbsent(
                            new ReasonKey(UUID.fromString(r.value1()), r.value2(), LocalDate.parse(r.value3())),
                            r.value4()));
            return reasons;
        });
    }

    public Optional<ActivityPlan> plan(Transaction tx, UUID planId) {
        return tx.dsl()
                .selectFrom(ACTIVITY_PLAN)
                .where(ACTIVITY_PLAN.ID.eq(planId.toString()), ACTIVITY_PLAN.DELETED.eq(0))
                .fetchOptional(WorkflowRepository::plan);
    }

    /** Mapping entries are only ever added; a change is a new entry superseding the old one. */
    public void add(Transaction tx, MappingEntry e) {
        if (!tx.save(record(tx.dsl(), e))) {
            throw new StoreException("mapping entry written twice: " + e.id());
        }
    }

    static MappingEntryRecord record(DSLContext dsl, MappingEntry e) {
        MappingEntryRecord r = dsl.newRecord(MAPPING_ENTRY);
        r.setId(e.id().toString());
        r.setEnrolmentId(e.enrolmentId().toString());
        r.setArea(e.area().code());
        r.setStatus(e.status().code());
        r.setText(e.text());
        r.setEntryDate(e.date() == null ? null : e.date().toString());
        r.setActors(Actor.toCodes(e.actors()));
        r.setOtherActors(e.otherActors());
        r.setSupersedes(e.supersedes() == null ? null : e.supersedes().toString());
        return r;
    }

    public void add(Transaction tx, ActivityFollowUp f) {
        tx.save(record(tx.dsl(), f));
    }

    static ActivityFollowUpRecord record(DSLContext dsl, ActivityFollowUp f) {
        var r = dsl.newRecord(ACTIVITY_FOLLOW_UP);
        r.setId(f.id().toString());
        r.setMeetingId(f.meetingId().toString());
        r.setActivityId(f.activityId().toString());
        r.setNote(f.note());
        return r;
    }

    public boolean save(Transaction tx, ActivityPlan p) {
        return tx.save(record(tx.dsl(), p));
    }

    static ActivityPlanRecord record(DSLContext dsl, ActivityPlan p) {
        ActivityPlanRecord r = dsl.newRecord(ACTIVITY_PLAN);
        r.setId(p.id().toString());
        r.setEnrolmentId(p.enrolmentId().toString());
        r.setVersion(p.version());
        r.setGoal(p.goal() == null ? null : p.goal().code());
        r.setWishes(p.wishes());
        r.setDrawnUpOn(p.drawnUpOn().toString());
        r.setApprovedOn(p.approvedOn() == null ? null : p.approvedOn().toString());
        r.setApprovedBy(p.approvedBy());
        r.setReview(p.review() ? 1 : 0);
        return r;
    }

    public boolean save(Transaction tx, Activity a) {
        return tx.save(record(tx.dsl(), a));
    }

    static ActivityRecord record(DSLContext dsl, Activity a) {
        ActivityRecord r = dsl.newRecord(ACTIVITY);
        r.setId(a.id().toString());
        r.setPlanId(a.planId().toString());
        r.setKind(a.kind().code());
        r.setOtherText(a.otherText());
        r.setProvider(a.provider());
        r.setDescription(a.description());
        r.setStartOn(a.startOn().toString());
        r.setEndOn(a.endOn().toString());
        r.setEndedOn(a.endedOn() == null ? null : a.endedOn().toString());
        return r;
    }

    public boolean tombstoneActivity(Transaction tx, UUID activityId) {
        return tx.tombstone(ACTIVITY, activityId.toString());
    }

    /** Meetings are only ever added; an entry is never saved twice. */
    public void add(Transaction tx, Meeting m) {
        if (!tx.save(record(tx.dsl(), m))) {
            throw new StoreException("meeting entry written twice: " + m.id());
        }
    }

    static MeetingRecord record(DSLContext dsl, Meeting m) {
        MeetingRecord r = dsl.newRecord(MEETING);
        r.setId(m.id().toString());
        r.setEnrolmentId(m.enrolmentId().toString());
        r.setSupersedes(m.supersedes() == null ? null : m.supersedes().toString());
        r.setMeetingAt(m.at().toString());
        r.setKind(m.kind().code());
        r.setPlace(m.place());
        r.setOutcome(m.outcome().code());
        r.setAttendees(m.attendees());
        r.setSocialSecretaryJoined(m.socialSecretaryJoined() ? 1 : 0);
        r.setNotes(m.notes());
        r.setNextSteps(m.nextSteps());
        r.setDutyExplainedOn(
                m.dutyExplainedOn() == null ? null : m.dutyExplainedOn().toString());
        r.setReportedOn(m.reportedOn() == null ? null : m.reportedOn().toString());
        return r;
    }

    /** Ends the enrolment: only the exit fields change. */
    public void exit(Transaction tx, UUID enrolmentId, LocalDate on, ExitReason reason, String note) {
        var r = tx.dsl().newRecord(ENROLMENT);
        r.setId(enrolmentId.toString());
        r.setExitedOn(on.toString());
        r.setExitReason(reason.code());
        r.setExitNote(note);
        tx.save(r);
    }

    /** Records the check a month after the exit: only these two fields change. */
    public void checkExit(Transaction tx, UUID enrolmentId, ExitCheck check, LocalDate on) {
        var r = tx.dsl().newRecord(ENROLMENT);
        r.setId(enrolmentId.toString());
        r.setExitCheck(check.code());
        r.setExitCheckedOn(on.toString());
        tx.save(r);
    }

    /**
     * Undoes an exit entered in error: the exit and its check are emptied by an ordinary edit,
     * which lists the exit it saw in its bases, so the reopening wins on every device (the exit
     * fields are sticky only against edits that never saw them).
     */
    public void reopen(Transaction tx, UUID enrolmentId) {
        var r = tx.dsl().newRecord(ENROLMENT);
        r.setId(enrolmentId.toString());
        r.setExitedOn(null);
        r.setExitReason(null);
        r.setExitNote(null);
        r.setExitCheck(null);
        r.setExitCheckedOn(null);
        tx.save(r);
    }

    /** Undoes the check a month after the exit: it is to be made again. */
    public void uncheckExit(Transaction tx, UUID enrolmentId) {
        var r = tx.dsl().newRecord(ENROLMENT);
        r.setId(enrolmentId.toString());
        r.setExitCheck(null);
        r.setExitCheckedOn(null);
        tx.save(r);
    }

    /**
     * The day an activity had ended on before its current early end was set (null: it had not
     * ended early), from the field's history: what an exit undone gives back.
     */
    public Optional<LocalDate> endedOnBefore(Transaction tx, UUID activityId) {
        FieldHistory history = new FieldHistory(tx.dsl());
        String id = activityId.toString();
        String field = ACTIVITY.ENDED_ON.getName();
        String shown = FieldHistory.winner(
                history.heads(ACTIVITY.getName(), id, field),
                false,
                h -> history.valueAt(ACTIVITY.getName(), id, field, h));
        Object before = shown == null ? null : history.valueBefore(ACTIVITY.getName(), id, field, shown);
        return Optional.ofNullable(before).map(v -> LocalDate.parse(v.toString()));
    }

    /** Adds a reason; its id is what a void of it names. */
    public UUID addDeadlineReason(
            Transaction tx, UUID enrolmentId, DeadlineKind kind, LocalDate dueOn, String reason, LocalDate recordedOn) {
        var r = tx.dsl().newRecord(DEADLINE_REASON);
        UUID id = UUID.randomUUID();
        r.setId(id.toString());
        r.setEnrolmentId(enrolmentId.toString());
        r.setKind(kind.code());
        r.setDueOn(dueOn.toString());
        r.setReason(reason);
        r.setRecordedOn(recordedOn.toString());
        tx.save(r);
        return id;
    }

    /**
     * Every reason given in an enrolment, those voided too (a page lists them struck through),
     * in the order they were given.
     */
    public List<DeadlineReason> deadlineReasons(UUID enrolmentId) {
        return db.read(dsl -> dsl.selectFrom(DEADLINE_REASON)
                .where(DEADLINE_REASON.ENROLMENT_ID.eq(enrolmentId.toString()), DEADLINE_REASON.DELETED.eq(0))
                .orderBy(DEADLINE_REASON.VERSION_STAMP)
                .fetch(r -> new DeadlineReason(
                        UUID.fromString(r.getId()),
                        UUID.fromString(r.getEnrolmentId()),
                        Coded.ofCode(DeadlineKind.class, r.getKind()),
                        LocalDate.parse(r.getDueOn()),
                        r.getReason(),
                        LocalDate.parse(r.getRecordedOn()))));
    }

    /** The latest reason given for this deadline of this enrolment, if any. */
    public Optional<String> deadlineReason(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn) {
        return db.read(dsl -> dsl.select(DEADLINE_REASON.REASON)
                .from(DEADLINE_REASON)
                .where(
                        DEADLINE_REASON.ENROLMENT_ID.eq(enrolmentId.toString()),
                        DEADLINE_REASON.KIND.eq(kind.code()),
                        DEADLINE_REASON.DUE_ON.eq(dueOn.toString()),
                        DEADLINE_REASON.DELETED.eq(0),
                        notVoided(ENTRY_VOID.DEADLINE_REASON_ID, DEADLINE_REASON.ID))
                .orderBy(DEADLINE_REASON.VERSION_STAMP.desc())
                .limit(1)
                .fetchOptional(DEADLINE_REASON.REASON));
    }

    static MappingEntry mapping(MappingEntryRecord r) {
        return new MappingEntry(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getEnrolmentId()),
                Coded.ofCode(MappingArea.class, r.getArea()),
                Coded.ofCode(MappingStatus.class, r.getStatus()),
                r.getText(),
                r.getEntryDate() == null ? null : LocalDate.parse(r.getEntryDate()),
                Actor.fromCodes(r.getActors()),
                r.getOtherActors(),
                r.getSupersedes() == null ? null : UUID.fromString(r.getSupersedes()));
    }

    static ActivityFollowUp followUp(ActivityFollowUpRecord r) {
        return new ActivityFollowUp(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getMeetingId()),
                UUID.fromString(r.getActivityId()),
                r.getNote());
    }

    static ActivityPlan plan(ActivityPlanRecord r) {
        return new ActivityPlan(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getEnrolmentId()),
                r.getVersion(),
                r.getGoal() == null ? null : Coded.ofCode(PlanGoal.class, r.getGoal()),
                r.getWishes(),
                LocalDate.parse(r.getDrawnUpOn()),
                r.getApprovedOn() == null ? null : LocalDate.parse(r.getApprovedOn()),
                r.getApprovedBy(),
                r.getReview() == 1);
    }

    static Activity activity(ActivityRecord r) {
        return new Activity(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getPlanId()),
                Coded.ofCode(ActivityKind.class, r.getKind()),
                r.getOtherText(),
                r.getProvider(),
                r.getDescription(),
                LocalDate.parse(r.getStartOn()),
                LocalDate.parse(r.getEndOn()),
                r.getEndedOn() == null ? null : LocalDate.parse(r.getEndedOn()));
    }

    static Meeting meeting(MeetingRecord r) {
        MeetingKind kind = Coded.ofCode(MeetingKind.class, r.getKind());
        return new Meeting(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getEnrolmentId()),
                r.getSupersedes() == null ? null : UUID.fromString(r.getSupersedes()),
                LocalDateTime.parse(r.getMeetingAt()),
                kind,
                // Only a visit has a place (a package from elsewhere is not trusted to hold to it).
                kind.isVisit() ? r.getPlace() : null,
                Coded.ofCode(MeetingOutcome.class, r.getOutcome()),
                r.getAttendees(),
                r.getSocialSecretaryJoined() == 1,
                r.getNotes(),
                r.getNextSteps(),
                r.getDutyExplainedOn() == null ? null : LocalDate.parse(r.getDutyExplainedOn()),
                r.getReportedOn() == null ? null : LocalDate.parse(r.getReportedOn()));
    }
}
