package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.generated.Tables;

class WorkflowServiceTest {
    static final LocalDate TODAY = CaseloadServiceTest.TODAY;

    @TempDir
    Path dir;

    Database db;
    WorkflowService workflow;
    CaseloadService caseload;
    Coach me;
    Enrolment enrolment;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("caseload.db"), CaseloadServiceTest.CLOCK, TestPassphrase.get());
        caseload = new CaseloadService(db, CaseloadServiceTest.CLOCK);
        workflow = new WorkflowService(db, CaseloadServiceTest.CLOCK);
        me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        Participant p = caseload.register(
                new ParticipantDraft(CaseloadServiceTest.number(1988, 4, 2, 31), "Hodan", "Warsame", null, null, null));
        enrolment = caseload.enrol(new EnrolmentDraft(
                p.id(),
                me.id(),
                TODAY.minusDays(10),
                "Försörjningsstöd Farsta",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Change-log rows of case records: the audit entry each change also writes is counted apart. */
    int changeLogRows() {
        return db.<Integer>read(
                dsl -> dsl.fetchCount(Tables.CHANGE_LOG, Tables.CHANGE_LOG.ENTITY.ne(SyncEntities.TRAIL)));
    }

    ActivityPlan approvedPlan() {
        ActivityPlan draft = workflow.draft(enrolment.id(), false);
        workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        workflow.addActivity(draft.id(), TestDrafts.workTraining(TODAY));
        workflow.addActivity(
                draft.id(),
                new ActivityDraft(
                        ActivityKind.SFI_WITH_PLACEMENT,
                        null,
                        "Komvux Kista",
                        null,
                        TODAY.plusDays(10),
                        TODAY.plusMonths(5)));
        return workflow.approve(draft.id(), "Omar Farah", TODAY);
    }

    /** The status band: each fact as the page's own tabs would work it out, step by step through the work. */
    @Test
    void theStatusOfAnEnrolmentFollowsItsWork() {
        var none = workflow.work(enrolment.id()).status(TODAY);
        assertEquals(10, none.daysIn());
        assertEquals(TODAY.minusDays(10).plusMonths(18), none.limit());
        assertEquals(EnrolmentStatus.PlanState.NONE, none.plan());
        assertTrue(none.planLate(), "no plan ten days after enrolment: " + none.open());
        assertEquals(null, none.nextMeeting());
        assertEquals(null, none.lastContact());
        assertEquals(
                List.of(DeadlineKind.PLAN_DUE, DeadlineKind.DUTY_NOT_EXPLAINED),
                none.open().stream().map(Due::kind).toList(),
                "the open items by date");

        ActivityPlan draft = workflow.draft(enrolment.id(), false);
        assertEquals(
                EnrolmentStatus.PlanState.DRAFT,
                workflow.work(enrolment.id()).status(TODAY).plan());
        workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        workflow.addActivity(draft.id(), TestDrafts.workTraining(TODAY));
        var ready = workflow.work(enrolment.id()).status(TODAY);
        assertEquals(EnrolmentStatus.PlanState.AWAITING_APPROVAL, ready.plan());
        assertTrue(ready.planLate(), "still past the five days");

        workflow.approve(draft.id(), "Omar Farah", TODAY);
        workflow.recordMeeting(TestDrafts.meeting(
                enrolment.id(), TODAY.minusDays(3).atTime(9, 0), MeetingKind.PHONE, MeetingOutcome.ATTENDED));
        workflow.recordMeeting(TestDrafts.meeting(
                enrolment.id(), TODAY.minusDays(1).atTime(9, 0), MeetingKind.DESK, MeetingOutcome.NOT_ATTENDED));
        Meeting next = workflow.recordMeeting(TestDrafts.meeting(
                enrolment.id(), TODAY.plusDays(2).atTime(13, 30), MeetingKind.DESK, MeetingOutcome.PLANNED));
        var approved = workflow.work(enrolment.id()).status(TODAY);

        assertEquals(EnrolmentStatus.PlanState.APPROVED, approved.plan());
        assertFalse(approved.planLate());
        assertEquals(TODAY.plusMonths(6), approved.reviewDue());
        assertEquals(next.id(), approved.nextMeeting().id());
        assertEquals(TODAY.minusDays(3), approved.lastContact(), "a meeting the person missed is no contact");
        assertEquals(3L, approved.daysSinceContact(TODAY));
        assertEquals(
                List.of(ActivityKind.WORK_TRAINING),
                approved.running().stream().map(Activity::kind).toList());
    }

    @Test
    void mappingAreasStartNotStartedAndEveryChangeIsAddedAsHistory() {
        var work = workflow.work(enrolment.id());
        assertEquals(MappingArea.values().length, work.mapping().size());
        assertEquals(0, work.settledAreas());
        MappingEntry first = workflow.saveMapping(
                work.mapping().get(MappingArea.SWEDISH),
                MappingStatus.IN_PROGRESS,
                "SFI kurs C pågår",
                null,
                Set.of(Actor.PROVIDER),
                "Komvux Kista, 08-123 45");
        MappingEntry second = workflow.saveMapping(
                first, MappingStatus.DONE, "SFI kurs C klar", null, Set.of(Actor.PROVIDER), "Komvux Kista, 08-123 45");
        assertEquals(
                second,
                workflow.saveMapping(
                        second,
                        MappingStatus.DONE,
                        "SFI kurs C klar",
                        TODAY,
                        Set.of(Actor.PROVIDER),
                        "Komvux Kista, 08-123 45"),
                "the same content adds nothing");

        var unnamed = assertThrows(
                ValidationException.class,
                () -> workflow.saveMapping(second, MappingStatus.DONE, null, null, Set.of(Actor.OTHER), " "));
        assertEquals("mapping.problem.otherActorName", unnamed.problems().get(0).messageKey());

        var after = workflow.work(enrolment.id());
        assertEquals(1, after.settledAreas());
        MappingEntry current = after.mapping().get(MappingArea.SWEDISH);
        assertEquals("SFI kurs C klar", current.text());
        assertEquals(TODAY, current.date(), "settling an area dates it");
        assertEquals(first.id(), current.supersedes());
        assertEquals(
                List.of("SFI kurs C pågår", "SFI kurs C klar"),
                after.mappingHistory().stream().map(MappingEntry::text).toList(),
                "both entries stay readable");
    }

    @Test
    void anApprovedPlanIsKeptUnchangedAndAChangeMakesANewVersion() {
        ActivityPlan v1 = approvedPlan();
        var refused = assertThrows(
                ValidationException.class,
                () -> workflow.addActivity(
                        v1.id(),
                        new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg", null, TODAY, TODAY.plusDays(30))));
        assertEquals("plan.problem.approvedIsFixed", refused.problems().get(0).messageKey());

        ActivityPlan v2 = workflow.draft(enrolment.id(), true);
        assertEquals(2, v2.version());
        assertTrue(v2.review());
        assertEquals(PlanGoal.WORK, v2.goal(), "a new version starts from the approved one");
        assertEquals(v2, workflow.draft(enrolment.id(), false), "one draft at a time");

        var work = workflow.work(enrolment.id());
        assertEquals(
                List.of(1, 2), work.plans().stream().map(ActivityPlan::version).toList());
        assertEquals(2, work.activitiesOf(v1.id()).size(), "version 1 keeps its activities");
        assertEquals(2, work.activitiesOf(v2.id()).size(), "and version 2 starts with copies");
        ActivityPlan kept = work.plans().get(0);
        assertEquals(TODAY, kept.approvedOn());
        assertEquals("Omar Farah", kept.approvedBy());
        assertEquals(
                List.of(DeadlineKind.PLAN_AWAITING_APPROVAL),
                work.due().stream().map(d -> d.kind()).toList());
    }

    @Test
    void approvalNeedsAGoalActivitiesAnApproverAndAPastDate() {
        ActivityPlan draft = workflow.draft(enrolment.id(), false);
        var refused =
                assertThrows(ValidationException.class, () -> workflow.approve(draft.id(), " ", TODAY.plusDays(1)));
        assertEquals(
                List.of(
                        "plan.problem.noGoal",
                        "plan.problem.noActivities",
                        "validation.required",
                        "validation.notInFuture"),
                refused.problems().stream().map(Problem::messageKey).toList());
        assertFalse(workflow.work(enrolment.id()).plans().get(0).isApproved());
    }

    @Test
    void meetingEntriesAreOnlyAddedAndTheLatestCounts() {
        approvedPlan();
        var planned = workflow.recordMeeting(
                TestDrafts.meeting(enrolment.id(), TODAY.atTime(10, 0), MeetingKind.DESK, MeetingOutcome.PLANNED));
        assertTrue(workflow.work(enrolment.id()).due().stream().anyMatch(d -> d.kind() == DeadlineKind.MEETING_TODAY));
        workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                planned.id(),
                TODAY.atTime(10, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.NOT_ATTENDED,
                null,
                false,
                "Kom inte, svarar inte i telefon",
                null,
                TODAY,
                TODAY));
        var running = workflow.work(enrolment.id()).activities().stream()
                .filter(a -> a.isRunning(TODAY))
                .toList();
        var phone = workflow.recordMeeting(
                new MeetingDraft(
                        enrolment.id(),
                        null,
                        TODAY.atTime(15, 0),
                        MeetingKind.PHONE,
                        null,
                        MeetingOutcome.ATTENDED,
                        null,
                        true,
                        null,
                        null,
                        TODAY,
                        null),
                Map.of(running.get(0).id(), "Trivs, kommer i tid"));
        assertEquals(
                List.of("Trivs, kommer i tid"),
                workflow.work(enrolment.id()).followUpsOf(phone.id()).stream()
                        .map(ActivityFollowUp::note)
                        .toList());
        var work = workflow.work(enrolment.id());
        assertEquals(3, work.meetingHistory().size(), "every entry stays readable");
        assertEquals(2, work.meetings().size(), "the planned entry is superseded by its outcome");
        assertEquals(MeetingOutcome.NOT_ATTENDED, work.meetings().get(0).outcome());
        assertEquals(TODAY, work.meetings().get(0).reportedOn());
        assertFalse(work.due().stream().anyMatch(d -> d.kind() == DeadlineKind.MEETING_TODAY));
    }

    @Test
    void theExitEndsRunningActivitiesAndAnUnknownReasonNeedsANote() {
        ActivityPlan plan = approvedPlan();
        var refused = assertThrows(
                ValidationException.class,
                () -> workflow.exit(new ExitDraft(enrolment.id(), TODAY, ExitReason.UNKNOWN, "")));
        assertEquals("exit.problem.unknownNeedsNote", refused.problems().get(0).messageKey());

        workflow.exit(new ExitDraft(enrolment.id(), TODAY, ExitReason.UNSUBSIDISED_WORK, null));
        var work = workflow.work(enrolment.id());
        assertEquals(TODAY, work.enrolment().exitedOn());
        assertEquals(ExitReason.UNSUBSIDISED_WORK, work.enrolment().exitReason());
        List<Activity> activities = work.activitiesOf(plan.id());
        assertTrue(activities.stream().noneMatch(a -> a.isRunning(TODAY.plusDays(1))), "nothing runs after the exit");
        assertEquals(TODAY, activities.get(0).lastDay(), "the running one ended on the exit day");
        assertTrue(activities.get(1).lastDay().isBefore(activities.get(1).startOn()), "the coming one never started");
        assertEquals(List.of(), work.due(), "nothing is due in an ended enrolment");
        assertThrows(ValidationException.class, () -> workflow.draft(enrolment.id(), false));
        // The coach's list keeps the person, exited, until the check a month after is recorded
        // (CaseloadOverviewTest follows it to the end).
        var mine = caseload.caseload(me.id(), "");
        assertEquals(1, mine.size());
        assertEquals(TODAY, mine.get(0).latestEnrolment().exitedOn(), "listed as exited, not as open");
    }

    @Test
    void everyChangeWritesTheChangeLog() {
        int before = changeLogRows();
        ActivityPlan draft = workflow.draft(enrolment.id(), false);
        assertEquals(before + 1, changeLogRows());
        workflow.describe(draft.id(), PlanGoal.STUDIES, null);
        assertEquals(before + 2, changeLogRows());
        workflow.describe(draft.id(), PlanGoal.STUDIES, null);
        assertEquals(before + 2, changeLogRows(), "no change, no row");
        workflow.exit(new ExitDraft(enrolment.id(), TODAY, ExitReason.MOVED, null));
        assertEquals(before + 3, changeLogRows(), "the exit is one change of the enrolment");
        String fields = db.read(dsl -> dsl.select(Tables.CHANGE_LOG.FIELDS)
                .from(Tables.CHANGE_LOG)
                .where(Tables.CHANGE_LOG.ENTITY.eq("enrolment"))
                .orderBy(Tables.CHANGE_LOG.SEQ.desc())
                .limit(1)
                .fetchOne(Tables.CHANGE_LOG.FIELDS));
        assertEquals("[\"exited_on\",\"exit_reason\"]", fields);
    }

    @Test
    void aReasonForAPassedDeadlineIsKept() {
        var due = workflow.work(enrolment.id()).due();
        assertEquals(DeadlineKind.PLAN_DUE, due.get(0).kind());
        assertTrue(due.get(0).overdue(), "enrolled ten days ago, no plan");
        assertThrows(ValidationException.class, () -> workflow.giveReason(due.get(0), " "));
        workflow.giveReason(due.get(0), "Sjuk i en vecka");
        assertTrue(workflow.hasReason(
                enrolment.id(), DeadlineKind.PLAN_DUE, due.get(0).dueOn()));
        var today = new TodayService(db, CaseloadServiceTest.CLOCK, workflow).today(me.id());
        assertEquals(1, today.size());
        assertEquals("Sjuk i en vecka", today.get(0).reason(), "the reason stays readable");
    }

    @Test
    void aMeetingEntryIsCorrectedOnceAndTheCorrectionKeepsWhatItDoesNotChange() {
        var held = workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                null,
                TODAY.atTime(10, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                "Bra samtal",
                "Söka tre jobb",
                TODAY,
                null));
        workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                held.id(),
                TODAY.atTime(11, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                "Bra samtal",
                "Söka tre jobb",
                TODAY,
                null));
        var again = assertThrows(
                ValidationException.class,
                () -> workflow.recordMeeting(new MeetingDraft(
                        enrolment.id(),
                        held.id(),
                        TODAY.atTime(12, 0),
                        MeetingKind.DESK,
                        null,
                        MeetingOutcome.ATTENDED,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null)));
        assertEquals("meeting.problem.alreadyCorrected", again.problems().get(0).messageKey());
        var current = workflow.work(enrolment.id()).meetings();
        assertEquals(1, current.size());
        assertEquals("Söka tre jobb", current.get(0).nextSteps());
        assertEquals(11, current.get(0).at().getHour());
    }

    @Test
    void aPlanMadeOnPaperCanBeApprovedWithAnEarlierDateButNotBeforeTheEnrolment() {
        ActivityPlan draft = workflow.draft(enrolment.id(), false);
        workflow.describe(draft.id(), PlanGoal.WORK, null);
        workflow.addActivity(
                draft.id(),
                new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg Kista", null, TODAY, TODAY.plusMonths(2)));
        var refused = assertThrows(
                ValidationException.class,
                () -> workflow.approve(
                        draft.id(), "Omar Farah", enrolment.enrolledOn().minusDays(1)));
        assertEquals(
                "plan.problem.approvedBeforeEnrolment",
                refused.problems().get(0).messageKey());
        assertEquals(
                enrolment.enrolledOn().plusDays(3),
                workflow.approve(
                                draft.id(), "Omar Farah", enrolment.enrolledOn().plusDays(3))
                        .approvedOn());
    }

    @Test
    void theCheckAMonthAfterTheExitIsKeptAndNotMadeTooEarly() {
        workflow.exit(new ExitDraft(enrolment.id(), TODAY.minusDays(2), ExitReason.UNSUBSIDISED_WORK, null));
        var early = assertThrows(
                ValidationException.class,
                () -> workflow.checkExit(enrolment.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY));
        assertEquals("exit.problem.checkTooEarly", early.problems().get(0).messageKey());
        var later = new WorkflowService(
                db, Clock.fixed(Instant.parse("2027-01-10T10:00:00Z"), ZoneId.of("Europe/Stockholm")));
        later.checkExit(enrolment.id(), ExitCheck.IN_WORK_OR_STUDIES, LocalDate.of(2027, 1, 10));
        var work = later.work(enrolment.id());
        assertEquals(ExitCheck.IN_WORK_OR_STUDIES, work.exitCheck());
        assertEquals(LocalDate.of(2027, 1, 10), work.exitCheckedOn());
        assertEquals(ExitReason.UNSUBSIDISED_WORK, work.enrolment().exitReason(), "the exit itself is untouched");
    }

    private Meeting meeting(UUID supersedes, MeetingOutcome outcome) {
        return workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                supersedes,
                TODAY.atTime(10, 0),
                MeetingKind.DESK,
                null,
                outcome,
                null,
                false,
                null,
                null,
                null,
                null));
    }

    @Test
    void aVoidedMeetingStaysInTheHistoryAndCountsNowhereAndItsOutcomeNoLongerClosesThePlan() {
        Meeting planned = meeting(null, MeetingOutcome.PLANNED);
        Meeting held = meeting(planned.id(), MeetingOutcome.ATTENDED);
        assertEquals(List.of(held), workflow.work(enrolment.id()).meetings());

        EntryVoid made = workflow.voidMeeting(held.id(), "  Fel deltagare  ", me.id());

        var work = workflow.work(enrolment.id());
        assertEquals("Fel deltagare", made.reason());
        assertEquals(TODAY, made.voidedOn());
        assertEquals(List.of(planned), work.meetings(), "the planned meeting is open again");
        assertEquals(List.of(planned, held), work.meetingHistory(), "both stay in the history");
        assertEquals(made, work.voidOf(held.id()).orElseThrow());
        assertTrue(work.due().stream().anyMatch(d -> d.kind() == DeadlineKind.MEETING_TODAY));
        meeting(planned.id(), MeetingOutcome.NOT_ATTENDED);
        assertEquals(
                List.of(MeetingOutcome.NOT_ATTENDED),
                workflow.work(enrolment.id()).meetings().stream()
                        .map(Meeting::outcome)
                        .toList(),
                "a voided outcome does not block the real one");

        Meeting other = meeting(null, MeetingOutcome.PLANNED);
        workflow.voidMeeting(other.id(), "Dubbelbokad", me.id());
        assertTrue(workflow.work(enrolment.id()).meetings().stream().noneMatch(m -> m.id().equals(other.id())));
    }

    @Test
    void aVoidSaysWhyAndAnEntryIsVoidedOnce() {
        Meeting planned = meeting(null, MeetingOutcome.PLANNED);
        int before = changeLogRows();
        var blank = assertThrows(ValidationException.class, () -> workflow.voidMeeting(planned.id(), "  ", me.id()));
        assertEquals(
                List.of(EntryVoid.FIELD_REASON),
                blank.problems().stream().map(Problem::field).toList());
        assertEquals(before, changeLogRows(), "nothing written");
        workflow.voidMeeting(planned.id(), "Fel dag", me.id());
        var twice = assertThrows(ValidationException.class, () -> workflow.voidMeeting(planned.id(), "Igen", me.id()));
        assertEquals("void.problem.alreadyVoided", twice.problems().get(0).messageKey());
        assertEquals(before + 1, changeLogRows(), "one void, logged for the packages");
    }

    @Test
    void aVoidedMappingEntryGivesItsAreaBackTheEntryBefore() {
        MappingEntry first = workflow.saveMapping(
                workflow.work(enrolment.id()).mapping().get(MappingArea.SWEDISH),
                MappingStatus.IN_PROGRESS,
                "SFI kurs C pågår",
                null,
                Set.of(),
                null);
        MappingEntry wrong = workflow.saveMapping(first, MappingStatus.DONE, "SFI kurs D klar", null, Set.of(), null);

        workflow.voidEntry(EntryVoid.Kind.MAPPING_ENTRY, wrong.id(), "Fel aspirant", me.id());

        var work = workflow.work(enrolment.id());
        assertEquals(first, work.mapping().get(MappingArea.SWEDISH));
        assertEquals(0, work.settledAreas(), "the voided 'done' counts nowhere");
        assertEquals(List.of(first, wrong), work.mappingHistory(), "both stay in the history");
        assertTrue(work.voidOf(wrong.id()).isPresent());
    }

    @Test
    void aVoidedReasonIsNoLongerTheDeadlinesReasonOnTodayEither() {
        var due = workflow.work(enrolment.id()).due().get(0);
        workflow.giveReason(due, "Sjuk i en vecka");
        UUID wrong = workflow.giveReason(due, "Fel aspirant");

        workflow.voidEntry(EntryVoid.Kind.DEADLINE_REASON, wrong, "Skrev på fel person", me.id());

        assertEquals(
                "Sjuk i en vecka",
                workflow.reason(enrolment.id(), due.kind(), due.dueOn()).orElseThrow());
        var today = new TodayService(db, CaseloadServiceTest.CLOCK, workflow).today(me.id());
        assertEquals("Sjuk i en vecka", today.get(0).reason());
    }

    @Test
    void aVoidedFollowUpIsNoLongerShownWithItsMeeting() {
        ActivityPlan plan = approvedPlan();
        var running = workflow.work(enrolment.id()).activitiesOf(plan.id()).get(0);
        Meeting held = workflow.recordMeeting(
                TestDrafts.meeting(enrolment.id(), TODAY.atTime(9, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED),
                Map.of(running.id(), "Trivs"));
        var followUp = workflow.work(enrolment.id()).followUpsOf(held.id()).get(0);

        workflow.voidEntry(EntryVoid.Kind.ACTIVITY_FOLLOW_UP, followUp.id(), "Gällde en annan insats", me.id());

        assertEquals(List.of(), workflow.work(enrolment.id()).followUpsOf(held.id()));
        assertTrue(workflow.work(enrolment.id()).voidOf(followUp.id()).isPresent());
    }
}
