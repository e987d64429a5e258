package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.CaseloadGlanceTest;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.IndicatorFactsTest;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * The facts the indicators count from, and what a coach's list computes its rows from, follow every
 * write that changes one: a coach's work through the services, a deletion, a void, a reassignment,
 * and what an import brings (a snapshot into an empty database, then a delta), so that a report
 * or a list on the receiving laptop says what the sender's would.
 */
class IndicatorFactsFollowTest extends SyncFixture {

    private static List<String> kept(Database db) {
        return db.read(dsl -> dsl.fetch("SELECT enrolment_id || ' ' || referring_unit || ' ' || enrolled_on"
                        + " || ' ' || deleted || ' ' || coalesce(exited_on, '-') || ' ' || coalesce(exit_reason, '-')"
                        + " || ' ' || coalesce(exit_check, '-') || ' ' || coalesce(first_plan, '-')"
                        + " || ' ' || coalesce(first_review, '-') || ' ' || coalesce(last_exit, '-')"
                        + " || ' ' || coalesce(in_force_version, '-') || ' ' || coalesce(in_force_kinds, '-')"
                        + " FROM enrolment_indicator ORDER BY enrolment_id")
                .getValues(0, String.class));
    }

    /** One kept fact of an enrolment, as text; null when not set. */
    private static String keptOf(Database db, UUID enrolment, String column) {
        Object value = db.<Object>read(dsl -> dsl.fetchValue(
                "SELECT " + column + " FROM enrolment_indicator WHERE enrolment_id = ?", enrolment.toString()));
        return value == null ? null : String.valueOf(value);
    }

    /** The ids of the meetings kept in an enrolment's glance. */
    private static List<String> glancedMeetings(Database db, UUID enrolment) {
        return db.read(dsl -> dsl.fetch(
                        "SELECT json_extract(m.value, '$[0]') FROM caseload_glance g, json_each(g.meetings) m"
                                + " WHERE g.enrolment_id = ?",
                        enrolment.toString())
                .getValues(0, String.class));
    }

    private static int glancedCount(Database db, UUID enrolment) {
        return db.read(dsl ->
                dsl.fetchCount(dsl.selectFrom("caseload_glance").where("enrolment_id = ?", enrolment.toString())));
    }

    private static ActivityPlan approve(Device d, UUID enrolment, boolean review, LocalDate on) {
        ActivityPlan draft = d.workflow.draft(enrolment, review);
        d.workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        d.workflow.addActivity(
                draft.id(),
                new ActivityDraft(ActivityKind.WORK_TRAINING, null, "Stadsmissionen", null, on, on.plusMonths(3)));
        return d.workflow.approve(draft.id(), "Omar Farah", on);
    }

    private static Enrolment enrol(Device d, Participant p, LocalDate on, String unit) {
        return d.caseload.enrol(new EnrolmentDraft(
                p.id(), d.coach.id(), on, unit, null, EnumSet.of(TargetGroup.UNEMPLOYED), null, false));
    }

    @Test
    void theFactsFollowTheServicesAndEveryImport() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        Participant amina = a.register("Amina", "Exempelsson", number(1));
        LocalDate enrolled = TODAY.minusMonths(4);
        Enrolment first = enrol(a, amina, enrolled, "Försörjningsstöd Rinkeby-Kista");
        Participant orjan = a.register("Örjan", "Åkesson", number(2));
        Enrolment other = a.enrol(orjan);
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after enrolling");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(a.db), "after enrolling");

        approve(a, first.id(), false, enrolled.plusDays(3));
        ActivityPlan review = approve(a, first.id(), true, enrolled.plusDays(20));
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after two approvals");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(a.db), "after two approvals");
        assertEquals(enrolled.plusDays(3).toString(), keptOf(a.db, first.id(), "first_plan"));
        assertEquals(enrolled.plusDays(20).toString(), keptOf(a.db, first.id(), "first_review"));
        assertEquals("2", keptOf(a.db, first.id(), "in_force_version"));
        assertEquals("work_training", keptOf(a.db, first.id(), "in_force_kinds"), "the activities of version 2 only");

        LocalDate exited = TODAY.minusMonths(2);
        a.workflow.exit(new ExitDraft(first.id(), exited, ExitReason.UNSUBSIDISED_WORK, null));
        a.workflow.checkExit(first.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY);
        Enrolment returned = enrol(a, amina, TODAY, "Försörjningsstöd Spånga-Tensta");
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after an exit, its check and a return");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(a.db), "after an exit, its check and a return");
        assertEquals(exited.toString(), keptOf(a.db, returned.id(), "last_exit"), "a return across units");

        b.importFrom(a.exportSnapshot());
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(b.db), "after a snapshot into an empty database");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(b.db), "after a snapshot into an empty database");
        assertEquals(kept(a.db), kept(b.db), "the same facts on both");

        // Then a delta: a plan and a deletion on a, an activity in force deleted, and an exit taken
        // back as sync would correct it.
        approve(a, returned.id(), false, TODAY);
        a.db.write(tx -> tx.tombstone(Tables.ENROLMENT, other.id().toString()));
        String activity = String.valueOf(a.db.<Object>read(dsl -> dsl.fetchValue(
                "SELECT id FROM activity WHERE plan_id = ?", review.id().toString())));
        a.db.write(tx -> tx.tombstone(Tables.ACTIVITY, activity));
        assertEquals(null, keptOf(a.db, first.id(), "in_force_kinds"), "no activity in force left");
        a.db.write(tx -> tx.dsl()
                .execute(
                        "UPDATE enrolment SET exited_on = NULL, exit_reason = NULL WHERE id = ?",
                        first.id().toString()));
        // A meeting kept in the list's glance, and one entered in error and voided: it leaves it.
        Meeting kept = a.workflow.recordMeeting(
                TestDrafts.meeting(returned.id(), TODAY.atTime(10, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED));
        Meeting voided = a.workflow.recordMeeting(
                TestDrafts.meeting(returned.id(), TODAY.atTime(11, 0), MeetingKind.PHONE, MeetingOutcome.ATTENDED));
        a.workflow.voidEntry(EntryVoid.Kind.MEETING, voided.id(), "Fel person", a.coach.id());
        assertEquals(List.of(kept.id().toString()), glancedMeetings(a.db, returned.id()), "the voided one left out");
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after a plan, a deletion and an exit undone");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(a.db), "after a plan, a deletion and an exit undone");
        assertEquals(null, keptOf(a.db, returned.id(), "last_exit"), "no exit to return after any more");

        b.importFrom(a.exportFor(b));
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(b.db), "after a delta");
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(b.db), "after a delta");
        assertEquals(TODAY.toString(), keptOf(b.db, returned.id(), "first_plan"));
        assertEquals("1", keptOf(b.db, other.id(), "deleted"));
        assertEquals(null, keptOf(b.db, first.id(), "in_force_kinds"), "the deleted activity on b too");
        assertEquals("work_training", keptOf(b.db, returned.id(), "in_force_kinds"), "the new plan's on b too");
        assertEquals(List.of(kept.id().toString()), glancedMeetings(b.db, returned.id()), "the void on b too");

        // A team lead gives the enrolment to another coach: its glance moves to that coach's rows.
        b.caseload.reassign(returned.id(), b.coach.id());
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(b.db), "after a reassignment");
        assertEquals(
                b.coach.id().toString(),
                b.db.read(dsl -> dsl.fetchValue(
                        "SELECT coach_id FROM caseload_glance WHERE enrolment_id = ?",
                        returned.id().toString())));
        // The check after an exit recorded: the enrolment leaves every list, and its glance goes.
        assertEquals(1, glancedCount(a.db, returned.id()));
        a.workflow.exit(new ExitDraft(returned.id(), TODAY, ExitReason.UNSUBSIDISED_WORK, null));
        assertEquals(1, glancedCount(a.db, returned.id()), "exited, its check still due: still listed");
        // (written straight, as a delta would bring it: the service asks for a month after the exit)
        a.db.write(tx -> tx.dsl()
                .execute(
                        "UPDATE enrolment SET exit_check = ?, exit_checked_on = ? WHERE id = ?",
                        ExitCheck.IN_WORK_OR_STUDIES.code(),
                        TODAY.plusMonths(1).toString(),
                        returned.id().toString()));
        assertEquals(0, glancedCount(a.db, returned.id()));
        assertEquals(List.of(), CaseloadGlanceTest.glancesAmiss(a.db), "after a check after the exit");
    }
}
