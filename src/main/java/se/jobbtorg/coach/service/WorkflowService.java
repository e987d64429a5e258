package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.DeadlineRules;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.Reminders;
import se.jobbtorg.coach.domain.Text;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;
import se.jobbtorg.coach.store.Transaction;
import se.jobbtorg.coach.store.WorkflowRepository;

/**
 * The coach's work in one enrolment (domain.md steps 2 to 8): mapping, the activity plan and its
 * versions, activities, follow-up meetings, reasons for passed deadlines, and the exit. Each call
 * is one transaction; bad input is refused whole with a problem per field.
 */
public final class WorkflowService {
    private static final Logger LOG = Logger.getLogger(WorkflowService.class.getName());

    public static final String FIELD_GOAL = "goal";
    public static final String FIELD_APPROVED_BY = "approvedBy";
    public static final String FIELD_APPROVED_ON = "approvedOn";
    public static final String FIELD_ACTIVITIES = "activities";
    public static final String FIELD_REASON = "reason";
    public static final String FIELD_OTHER_ACTORS = "otherActors";
    public static final String FIELD_CHECK = "exitCheck";
    public static final String FIELD_CHECKED_ON = "exitCheckedOn";
    public static final String FIELD_MAPPING_DATE = "date";

    private final Database db;
    private final Clock clock;
    private final WorkflowRepository work;
    private final EnrolmentRepository enrolments;

    public WorkflowService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.work = new WorkflowRepository(db);
        this.enrolments = new EnrolmentRepository(db);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The work of one enrolment as the screens show it. */
    public record EnrolmentWork(
            Enrolment enrolment,
            Map<MappingArea, MappingEntry> mapping,
            List<MappingEntry> mappingHistory,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Meeting> meetings,
            List<Meeting> meetingHistory,
            List<ActivityFollowUp> followUps,
            List<ActivityFollowUp> followUpHistory,
            List<Due> due,
            List<Due> reminders,
            String exitNote,
            ExitCheck exitCheck,
            LocalDate exitCheckedOn,
            Map<UUID, EntryVoid> voids,
            List<EntryVoid> undone) {

        /** The void of this entry, if it was entered in error: it then counts nowhere. */
        public Optional<EntryVoid> voidOf(UUID entryId) {
            return Optional.ofNullable(voids.get(entryId));
        }

        /** How each activity was followed up at this meeting. */
        public List<ActivityFollowUp> followUpsOf(UUID meetingId) {
            return followUps.stream()
                    .filter(f -> f.meetingId().equals(meetingId))
                    .toList();
        }

        /** The newest plan version, draft or approved. */
        public Optional<ActivityPlan> currentPlan() {
            return plans.stream().max(Comparator.comparingInt(ActivityPlan::version));
        }

        /** The activities of one plan version. */
        public List<Activity> activitiesOf(UUID planId) {
            return activities.stream().filter(a -> a.planId().equals(planId)).toList();
        }

        /** The activities of the version the work follows (approved, or the first draft). */
        public List<Activity> activitiesInForce() {
            ActivityPlan inForce = DeadlineRules.inForce(plans);
            return inForce == null ? List.of() : activitiesOf(inForce.id());
        }

        /** When the plan is to be reviewed, if one has been approved. */
        public LocalDate reviewDue() {
            return DeadlineRules.reviewDue(plans);
        }

        /** The deadlines and the reminders together, the most overdue first, then by date. */
        public List<Due> open() {
            return Stream.concat(due.stream(), reminders.stream())
                    .sorted(Comparator.comparing(Due::dueOn))
                    .toList();
        }

        /** The enrolment at a glance on a day (the status band of the person's page). */
        public EnrolmentStatus status(LocalDate today) {
            return EnrolmentStatus.of(enrolment, plans, activities, activitiesInForce(), meetings, open(), today);
        }

        /** How many areas are done or not relevant, of all. */
        public long settledAreas() {
            return mapping.values().stream().filter(e -> e.status().isSettled()).count();
        }
    }

    public EnrolmentWork work(UUID enrolmentId) {
        Enrolment enrolment = enrolment(enrolmentId);
        return view(enrolment, work.work(enrolmentId));
    }

    /**
     * The work of each of a coach's open enrolments, as {@link #work(UUID)} gives it, read
     * together in a few queries (the Today screen), in no particular order.
     */
    public List<EnrolmentWork> workOfCoach(UUID coachId) {
        return work.workOfCoach(coachId).stream()
                .map(o -> view(o.enrolment(), o.work()))
                .toList();
    }

    /** What is due in one open enrolment of a coach, with whose it is: deadlines, and reminders apart. */
    public record OpenDue(Enrolment enrolment, Participant participant, List<Due> due, List<Due> reminders) {}

    /**
     * What is due in each of a coach's open enrolments (people not deleted), as {@link #work(UUID)}
     * gives it, read in a few queries of only what the deadlines need (the Today screen).
     */
    public List<OpenDue> dueOfCoach(UUID coachId) {
        LocalDate today = today();
        return work.dueInputsOfCoach(coachId).stream()
                .map(in -> {
                    List<Activity> running = inForce(in.plans(), in.activities());
                    List<Meeting> meetings = current(in.meetings());
                    return new OpenDue(
                            in.enrolment(),
                            in.participant(),
                            DeadlineRules.due(in.enrolment(), in.plans(), running, meetings, today),
                            Reminders.of(in.enrolment(), in.plans(), running, meetings, false, today));
                })
                .toList();
    }

    /**
     * Each of these enrolments at a glance today, as the person's page shows it (its deadlines
     * and reminders as the Today screen has them, the next meeting, the last contact), read
     * together in a few queries whatever their number: the caseload list. exitChecked: those of
     * them whose check after the exit is recorded (the list has read it with the enrolment).
     */
    public Map<UUID, EnrolmentStatus> statusOf(Collection<Enrolment> enrolments, Set<UUID> exitChecked) {
        LocalDate today = today();
        var inputs = work.inputsOf(enrolments);
        Map<UUID, EnrolmentStatus> status = new HashMap<>();
        for (Enrolment e : enrolments) {
            var in = inputs.get(e.id());
            List<Activity> running = inForce(in.plans(), in.activities());
            List<Meeting> meetings = current(in.meetings());
            List<Due> open = Stream.concat(
                            DeadlineRules.due(e, in.plans(), running, meetings, today).stream(),
                            Reminders.of(e, in.plans(), running, meetings, exitChecked.contains(e.id()), today)
                                    .stream())
                    .sorted(Comparator.comparing(Due::dueOn))
                    .toList();
            status.put(e.id(), EnrolmentStatus.of(e, in.plans(), in.activities(), running, meetings, open, today));
        }
        return status;
    }

    /** The activities of the version the work follows. */
    private static List<Activity> inForce(List<ActivityPlan> plans, List<Activity> activities) {
        ActivityPlan inForce = DeadlineRules.inForce(plans);
        return inForce == null
                ? List.of()
                : activities.stream()
                        .filter(a -> a.planId().equals(inForce.id()))
                        .toList();
    }

    /**
     * A coach's exited enrolments whose check a month after is due and not made, with their
     * reminder. Exits whose check is more than {@link Reminders#EXIT_CHECK_SHOWN_MONTHS} months
     * late are left out: what the person did a month after can no longer be asked.
     */
    public List<OpenDue> uncheckedExitsOfCoach(UUID coachId) {
        LocalDate today = today();
        return work.uncheckedExitsOfCoach(coachId, Reminders.exitCheckShownFrom(today)).stream()
                .map(in -> new OpenDue(
                        in.enrolment(),
                        in.participant(),
                        List.of(),
                        Reminders.of(in.enrolment(), List.of(), List.of(), List.of(), false, today)))
                .filter(o -> !o.reminders().isEmpty())
                .toList();
    }

    /**
     * The people registered and never enrolled (or whose every enrolment is deleted): read from
     * what the schema keeps of them (migration 20), so Today pays for the few there are, not for
     * every participant.
     */
    public List<Participant> neverEnrolled() {
        return work.neverEnrolled();
    }

    /** The reasons given for passed deadlines of a coach's open enrolments, as {@link #reason} finds each. */
    public Reasons reasonsOfCoach(UUID coachId) {
        var reasons = work.deadlineReasonsOfCoach(coachId);
        return (enrolmentId, kind, dueOn) ->
                Optional.ofNullable(reasons.get(new WorkflowRepository.ReasonKey(enrolmentId, kind.code(), dueOn)));
    }

    /** Reasons looked up without a read each. */
    @FunctionalInterface
    public interface Reasons {
        Optional<String> reason(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn);
    }

    private EnrolmentWork view(Enrolment enrolment, WorkflowRepository.StoredWork stored) {
        Map<MappingArea, MappingEntry> mapping = new EnumMap<>(MappingArea.class);
        for (MappingArea area : MappingArea.values()) {
            mapping.put(area, MappingEntry.notStarted(enrolment.id(), area));
        }
        Map<UUID, EntryVoid> voids = new HashMap<>();
        stored.voids().stream().filter(v -> !v.kind().ofEnrolment()).forEach(v -> voids.putIfAbsent(v.entryId(), v));
        // Entries come in stamp order: the last one not superseded is the area's current state.
        // A voided entry counts nowhere, nor does its superseding: the area shows the one before.
        List<MappingEntry> countingMapping = stored.mapping().stream()
                .filter(e -> !voids.containsKey(e.id()))
                .toList();
        Set<UUID> supersededMapping = countingMapping.stream()
                .map(MappingEntry::supersedes)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        countingMapping.stream()
                .filter(e -> !supersededMapping.contains(e.id()))
                .forEach(e -> mapping.put(e.area(), e));
        List<Meeting> current = current(stored.meetings().stream()
                .filter(m -> !voids.containsKey(m.id()))
                .toList());
        ActivityPlan inForce = DeadlineRules.inForce(stored.plans());
        List<Activity> running = inForce == null
                ? List.of()
                : stored.activities().stream()
                        .filter(a -> a.planId().equals(inForce.id()))
                        .toList();
        List<Due> due = DeadlineRules.due(enrolment, stored.plans(), running, current, today());
        List<Due> reminders =
                Reminders.of(enrolment, stored.plans(), running, current, stored.exitCheck() != null, today());
        return new EnrolmentWork(
                enrolment,
                mapping,
                stored.mapping(),
                stored.plans(),
                stored.activities(),
                current,
                stored.meetings(),
                stored.followUps().stream()
                        .filter(f -> !voids.containsKey(f.id()))
                        .toList(),
                stored.followUps(),
                due,
                reminders,
                stored.exitNote(),
                stored.exitCheck(),
                stored.exitCheckedOn(),
                Map.copyOf(voids),
                stored.voids().stream().filter(v -> v.kind().ofEnrolment()).toList());
    }

    /**
     * The meeting entries no later entry supersedes; the entries given are those that count (a
     * voided outcome no longer closes the meeting it superseded).
     */
    static List<Meeting> current(List<Meeting> entries) {
        Set<UUID> superseded = entries.stream()
                .map(Meeting::supersedes)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return entries.stream().filter(m -> !superseded.contains(m.id())).toList();
    }

    /**
     * Records the mapping of one area as the coach now has it: a new entry that supersedes the
     * one shown (which stays as history). Settling an area without a date dates it today. An
     * entry equal to the shown one is not added.
     */
    public MappingEntry saveMapping(
            MappingEntry shown,
            MappingStatus status,
            String text,
            LocalDate date,
            Set<Actor> actors,
            String otherActors) {
        LocalDate dated = date == null && status.isSettled() ? today() : date;
        List<Problem> problems = new ArrayList<>();
        if (actors.contains(Actor.OTHER) && Text.isBlank(otherActors)) {
            problems.add(Problem.of(FIELD_OTHER_ACTORS, "mapping.problem.otherActorName"));
        }
        if (dated != null && dated.isAfter(today())) {
            problems.add(Problem.of(FIELD_MAPPING_DATE, "validation.notInFuture"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return db.write(tx -> {
            requireOpen(tx, shown.enrolmentId());
            boolean stored =
                    work.work(tx, shown.enrolmentId()).mapping().stream().anyMatch(e -> e.id().equals(shown.id()));
            MappingEntry next =
                    shown.next(status, Text.blankToNull(text), dated, actors, Text.blankToNull(otherActors), stored);
            if (stored && same(shown, next)) {
                return shown;
            }
            work.add(tx, next);
            audit(tx, AuditAction.MAPPING_SAVED, next.enrolmentId(), next.id());
            return next;
        });
    }

    private static boolean same(MappingEntry a, MappingEntry b) {
        return a.status() == b.status()
                && Objects.equals(a.text(), b.text())
                && Objects.equals(a.date(), b.date())
                && a.actors().equals(b.actors())
                && Objects.equals(a.otherActors(), b.otherActors());
    }

    /**
     * The draft the coach works on: the newest version if it is a draft, or a new version that
     * starts as a copy of the approved one (with its activities still to come or running).
     * review marks a new version made because the plan was due for review.
     */
    public ActivityPlan draft(UUID enrolmentId, boolean review) {
        return db.write(tx -> {
            requireOpen(tx, enrolmentId);
            var stored = work.work(tx, enrolmentId);
            ActivityPlan newest = stored.plans().stream()
                    .max(Comparator.comparingInt(ActivityPlan::version))
                    .orElse(null);
            if (newest != null && !newest.isApproved()) {
                return newest;
            }
            ActivityPlan next = new ActivityPlan(
                    UUID.randomUUID(),
                    enrolmentId,
                    newest == null ? 1 : newest.version() + 1,
                    newest == null ? null : newest.goal(),
                    newest == null ? null : newest.wishes(),
                    today(),
                    null,
                    null,
                    review);
            work.save(tx, next);
            if (newest != null) {
                stored.activities().stream()
                        .filter(a -> a.planId().equals(newest.id()))
                        .filter(a -> !a.lastDay().isBefore(today()))
                        .forEach(a -> work.save(tx, a.copyTo(next.id())));
            }
            audit(tx, AuditAction.PLAN_DRAFTED, enrolmentId, next.id());
            LOG.info(() -> "plan version " + next.version() + " drawn up for enrolment " + enrolmentId);
            return next;
        });
    }

    /** Sets the goal and the person's own wishes of a draft. An approved version never changes. */
    public void describe(UUID planId, PlanGoal goal, String wishes) {
        db.write(tx -> {
            ActivityPlan plan = draftOf(tx, planId);
            boolean changed = work.save(
                    tx,
                    new ActivityPlan(
                            plan.id(),
                            plan.enrolmentId(),
                            plan.version(),
                            goal,
                            Text.blankToNull(wishes),
                            plan.drawnUpOn(),
                            null,
                            null,
                            plan.review()));
            if (changed) {
                audit(tx, AuditAction.PLAN_CHANGED, plan.enrolmentId(), planId);
            }
            return null;
        });
    }

    public Activity addActivity(UUID planId, ActivityDraft draft) {
        List<Problem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return db.write(tx -> {
            ActivityPlan plan = draftOf(tx, planId);
            Activity activity = draft.toActivity(UUID.randomUUID(), planId);
            work.save(tx, activity);
            audit(tx, AuditAction.PLAN_CHANGED, plan.enrolmentId(), planId);
            return activity;
        });
    }

    public void removeActivity(UUID planId, UUID activityId) {
        db.write(tx -> {
            ActivityPlan plan = draftOf(tx, planId);
            if (work.tombstoneActivity(tx, activityId)) {
                audit(tx, AuditAction.PLAN_CHANGED, plan.enrolmentId(), planId);
            }
            return null;
        });
    }

    /**
     * Records that the social-services unit approved the draft: who and when. Needs a goal and
     * at least one activity; the approved version is kept unchanged from then on.
     */
    public ActivityPlan approve(UUID planId, String approvedBy, LocalDate approvedOn) {
        return db.write(tx -> {
            ActivityPlan plan = draftOf(tx, planId);
            List<Problem> problems = new ArrayList<>();
            if (plan.goal() == null) {
                problems.add(Problem.of(FIELD_GOAL, "plan.problem.noGoal"));
            }
            boolean hasActivities = work.work(tx, plan.enrolmentId()).activities().stream()
                    .anyMatch(a -> a.planId().equals(planId));
            if (!hasActivities) {
                problems.add(Problem.of(FIELD_ACTIVITIES, "plan.problem.noActivities"));
            }
            if (Text.isBlank(approvedBy)) {
                problems.add(Problem.of(FIELD_APPROVED_BY, "validation.required"));
            }
            if (approvedOn == null) {
                problems.add(Problem.of(FIELD_APPROVED_ON, "validation.required"));
            } else if (approvedOn.isAfter(today())) {
                problems.add(Problem.of(FIELD_APPROVED_ON, "validation.notInFuture"));
            } else {
                // A plan made on paper may be entered afterwards: the approval can be earlier than
                // the day the draft was typed in, but not before the enrolment.
                Enrolment enrolment = enrolments.find(tx, plan.enrolmentId()).orElseThrow();
                if (approvedOn.isBefore(enrolment.enrolledOn())) {
                    problems.add(Problem.of(
                            FIELD_APPROVED_ON, "plan.problem.approvedBeforeEnrolment", enrolment.enrolledOn()));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            ActivityPlan approved = new ActivityPlan(
                    plan.id(),
                    plan.enrolmentId(),
                    plan.version(),
                    plan.goal(),
                    plan.wishes(),
                    plan.drawnUpOn(),
                    approvedOn,
                    approvedBy.strip(),
                    plan.review());
            work.save(tx, approved);
            audit(tx, AuditAction.PLAN_APPROVED, plan.enrolmentId(), planId);
            LOG.info(() -> "plan " + planId + " approved");
            return approved;
        });
    }

    /** Adds a meeting entry: planned, or what happened, or a correction of an earlier entry. */
    public Meeting recordMeeting(MeetingDraft draft) {
        return recordMeeting(draft, Map.of());
    }

    /** The same, with how each running activity was followed up (activity id to note). */
    public Meeting recordMeeting(MeetingDraft draft, Map<UUID, String> followUps) {
        List<Problem> problems = draft.problems(today());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Meeting meeting = draft.toMeeting(UUID.randomUUID());
        db.write(tx -> {
            requireOpen(tx, draft.enrolmentId());
            var stored = work.work(tx, draft.enrolmentId());
            Set<UUID> voided = stored.voids().stream().map(EntryVoid::entryId).collect(Collectors.toSet());
            if (draft.supersedes() != null
                    && stored.meetings().stream()
                            .anyMatch(m -> draft.supersedes().equals(m.supersedes()) && !voided.contains(m.id()))) {
                throw new ValidationException(
                        List.of(Problem.of(MeetingDraft.FIELD_AT, "meeting.problem.alreadyCorrected")));
            }
            work.add(tx, meeting);
            followUps.forEach((activityId, note) -> {
                if (!Text.isBlank(note)) {
                    work.add(tx, new ActivityFollowUp(UUID.randomUUID(), meeting.id(), activityId, note.strip()));
                }
            });
            audit(tx, AuditAction.MEETING_RECORDED, draft.enrolmentId(), meeting.id());
            return null;
        });
        return meeting;
    }

    /**
     * Marks a meeting entry as entered in error: it stays in the history with the reason, and no
     * longer counts (Today, the plan's paper, the calendar). An outcome voided no longer closes
     * the planned meeting it superseded. Refuses an empty reason and an entry already voided.
     */
    public EntryVoid voidMeeting(UUID meetingId, String reason, UUID coachId) {
        return voidEntry(EntryVoid.Kind.MEETING, meetingId, reason, coachId);
    }

    /**
     * Marks any append-only entry (a meeting, a mapping entry, a follow-up, a reason for a passed
     * deadline) as entered in error, as {@link #voidMeeting} does a meeting. A voided mapping
     * entry gives its area back the entry it superseded; a voided reason is no longer the
     * deadline's reason.
     */
    public EntryVoid voidEntry(EntryVoid.Kind kind, UUID entryId, String reason, UUID coachId) {
        if (kind.ofEnrolment()) {
            throw new IllegalArgumentException(kind + " is undone by undoExit or undoExitCheck");
        }
        requireReason(reason);
        return db.write(tx -> {
            UUID enrolmentId = work.enrolmentOf(tx, kind, entryId)
                    .orElseThrow(() -> new MissingRecordException("no " + kind + " " + entryId));
            requireOpen(tx, enrolmentId);
            if (work.work(tx, enrolmentId).voids().stream()
                    .anyMatch(v -> v.entryId().equals(entryId))) {
                throw new ValidationException(
                        List.of(Problem.of(EntryVoid.FIELD_REASON, "void.problem.alreadyVoided")));
            }
            EntryVoid made = new EntryVoid(UUID.randomUUID(), kind, entryId, reason.strip(), coachId, today());
            work.add(tx, made);
            audit(tx, AuditAction.ENTRY_VOIDED, enrolmentId, entryId);
            LOG.info(() -> kind + " " + entryId + " voided");
            return made;
        });
    }

    /**
     * Undoes an exit entered in error (the wrong person, the wrong enrolment): the enrolment is
     * open again, its check a month after is emptied too, and the activities the exit ended get
     * back the end they had. A void keeps why, who and when, and the exit's date, so the history
     * still shows it (decision 0009). Refused when the person has been enrolled again since:
     * undoing would leave two enrolments at once.
     */
    public EntryVoid undoExit(UUID enrolmentId, String reason, UUID coachId) {
        requireReason(reason);
        return db.write(tx -> {
            Enrolment e = enrolments
                    .find(tx, enrolmentId)
                    .orElseThrow(() -> new MissingRecordException("no enrolment " + enrolmentId));
            if (e.isOpen()) {
                throw new ValidationException(List.of(Problem.of(EntryVoid.FIELD_REASON, "exit.problem.notExited")));
            }
            Optional<Enrolment> later = enrolments.ofParticipant(tx, e.participantId()).stream()
                    .filter(o -> !o.id().equals(e.id()) && !o.enrolledOn().isBefore(e.enrolledOn()))
                    .findFirst();
            if (later.isPresent()) {
                throw new ValidationException(List.of(Problem.of(
                        EntryVoid.FIELD_REASON,
                        "exit.problem.enrolledAgain",
                        later.get().enrolledOn())));
            }
            for (Activity a : work.work(tx, enrolmentId).activities()) {
                if (e.exitedOn().equals(a.endedOn())) {
                    LocalDate before = work.endedOnBefore(tx, a.id()).orElse(null);
                    work.save(
                            tx,
                            new Activity(
                                    a.id(),
                                    a.planId(),
                                    a.kind(),
                                    a.otherText(),
                                    a.provider(),
                                    a.description(),
                                    a.startOn(),
                                    a.endOn(),
                                    before));
                }
            }
            work.reopen(tx, enrolmentId);
            EntryVoid made = new EntryVoid(
                    UUID.randomUUID(),
                    EntryVoid.Kind.EXIT,
                    enrolmentId,
                    reason.strip(),
                    coachId,
                    today(),
                    e.exitedOn());
            work.add(tx, made);
            audit(tx, AuditAction.EXIT_UNDONE, enrolmentId, made.id());
            LOG.info(() -> "enrolment " + enrolmentId + ": exit undone");
            return made;
        });
    }

    /**
     * Undoes the check a month after an exit, entered in error: the check is to be made again.
     * A void keeps why, and the check's date.
     */
    public EntryVoid undoExitCheck(UUID enrolmentId, String reason, UUID coachId) {
        requireReason(reason);
        return db.write(tx -> {
            var stored = work.work(tx, enrolmentId);
            if (stored.exitCheck() == null) {
                throw new ValidationException(List.of(Problem.of(EntryVoid.FIELD_REASON, "exit.problem.noCheck")));
            }
            work.uncheckExit(tx, enrolmentId);
            EntryVoid made = new EntryVoid(
                    UUID.randomUUID(),
                    EntryVoid.Kind.EXIT_CHECK,
                    enrolmentId,
                    reason.strip(),
                    coachId,
                    today(),
                    stored.exitCheckedOn());
            work.add(tx, made);
            audit(tx, AuditAction.EXIT_CHECK_UNDONE, enrolmentId, made.id());
            LOG.info(() -> "enrolment " + enrolmentId + ": exit check undone");
            return made;
        });
    }

    private static void requireReason(String reason) {
        if (Text.isBlank(reason)) {
            throw new ValidationException(List.of(Problem.of(EntryVoid.FIELD_REASON, "void.problem.reason")));
        }
    }

    /**
     * Ends the enrolment with a reason. Activities still running, or still to come, end on the
     * exit date. The person can be enrolled again later, as a new enrolment.
     */
    public void exit(ExitDraft draft) {
        db.write(tx -> {
            Enrolment enrolment = enrolments
                    .find(tx, draft.enrolmentId())
                    .orElseThrow(() -> new MissingRecordException("no enrolment " + draft.enrolmentId()));
            List<Problem> problems = draft.problems(enrolment, today());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            var stored = work.work(tx, enrolment.id());
            // The activities of the plan in force and of a draft after it end; earlier versions
            // are history and stay as they were.
            ActivityPlan inForce = DeadlineRules.inForce(stored.plans());
            ActivityPlan newest = stored.plans().stream()
                    .max(Comparator.comparingInt(ActivityPlan::version))
                    .orElse(null);
            for (Activity a : stored.activities()) {
                if (!(inForce != null && a.planId().equals(inForce.id())
                        || newest != null && a.planId().equals(newest.id()))) {
                    continue;
                }
                Activity ended = a.endedOn(draft.exitedOn());
                if (!ended.equals(a)) {
                    work.save(tx, ended);
                }
            }
            work.exit(tx, enrolment.id(), draft.exitedOn(), draft.reason(), Text.blankToNull(draft.note()));
            AuditTrail.record(tx, AuditAction.EXITED, About.enrolment(enrolment.participantId(), enrolment.id()));
            return null;
        });
        LOG.info(() -> "enrolment " + draft.enrolmentId() + " exited");
    }

    /**
     * Records what the check a month after the exit found (for the national comparison). It can
     * be made from a month after the exit, not before, and not in the future.
     */
    public void checkExit(UUID enrolmentId, ExitCheck check, LocalDate checkedOn) {
        db.write(tx -> {
            Enrolment e =
                    enrolments.find(tx, enrolmentId).orElseThrow(() -> new MissingRecordException("no enrolment"));
            List<Problem> problems = new ArrayList<>();
            if (e.isOpen()) {
                problems.add(Problem.of(FIELD_CHECK, "exit.problem.checkOpen"));
            } else if (check == null) {
                problems.add(Problem.of(FIELD_CHECK, "validation.required"));
            }
            if (checkedOn == null) {
                problems.add(Problem.of(FIELD_CHECKED_ON, "validation.required"));
            } else if (checkedOn.isAfter(today())) {
                problems.add(Problem.of(FIELD_CHECKED_ON, "validation.notInFuture"));
            } else if (!e.isOpen() && checkedOn.isBefore(e.exitedOn().plusMonths(1))) {
                problems.add(Problem.of(
                        FIELD_CHECKED_ON,
                        "exit.problem.checkTooEarly",
                        e.exitedOn().plusMonths(1)));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            work.checkExit(tx, enrolmentId, check, checkedOn);
            AuditTrail.record(tx, AuditAction.EXIT_CHECKED, About.enrolment(e.participantId(), enrolmentId));
            return null;
        });
    }

    /** Records why a deadline was passed; asked when the coach acts on an overdue item (the jobs-gap motion). */
    public UUID giveReason(Due due, String reason) {
        if (Text.isBlank(reason)) {
            throw new ValidationException(List.of(Problem.of(FIELD_REASON, "today.problem.reasonRequired")));
        }
        return db.write(tx -> {
            UUID id = work.addDeadlineReason(tx, due.enrolmentId(), due.kind(), due.dueOn(), reason.strip(), today());
            audit(tx, AuditAction.REASON_GIVEN, due.enrolmentId(), id);
            return id;
        });
    }

    public boolean hasReason(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn) {
        return reason(enrolmentId, kind, dueOn).isPresent();
    }

    /** Every reason given in an enrolment, those entered in error too, oldest first. */
    public List<DeadlineReason> deadlineReasons(UUID enrolmentId) {
        return work.deadlineReasons(enrolmentId);
    }

    /** The reason given for passing this deadline, if one was. */
    public Optional<String> reason(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn) {
        return work.deadlineReason(enrolmentId, kind, dueOn);
    }

    private ActivityPlan draftOf(Transaction tx, UUID planId) {
        ActivityPlan plan = work.plan(tx, planId).orElseThrow(() -> new MissingRecordException("no plan " + planId));
        if (plan.isApproved()) {
            throw new ValidationException(List.of(Problem.of(FIELD_GOAL, "plan.problem.approvedIsFixed")));
        }
        requireOpen(tx, plan.enrolmentId());
        return plan;
    }

    private void requireOpen(Transaction tx, UUID enrolmentId) {
        Enrolment e = enrolments
                .find(tx, enrolmentId)
                .orElseThrow(() -> new MissingRecordException("no enrolment " + enrolmentId));
        if (!e.isOpen()) {
            throw new ValidationException(List.of(Problem.of("enrolment", "exit.problem.alreadyExited", e.exitedOn())));
        }
    }

    /** The audit entry of a change to an enrolment's work, naming the person too. */
    private void audit(Transaction tx, AuditAction action, UUID enrolmentId, UUID recordId) {
        UUID participantId =
                enrolments.find(tx, enrolmentId).map(Enrolment::participantId).orElse(null);
        AuditTrail.record(tx, action, About.record(participantId, enrolmentId, recordId));
    }

    private Enrolment enrolment(UUID id) {
        return enrolments.find(id).orElseThrow(() -> new MissingRecordException("no enrolment " + id));
    }
}
