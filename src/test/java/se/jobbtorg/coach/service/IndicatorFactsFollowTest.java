package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.IndicatorFactsTest;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * The facts the indicators count from follow every write that changes one: a coach's work through
 * the services, a deletion, and what an import brings (a snapshot into an empty database, then a
 * delta), so that a report on the receiving laptop counts what the sender's would.
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

        approve(a, first.id(), false, enrolled.plusDays(3));
        ActivityPlan review = approve(a, first.id(), true, enrolled.plusDays(20));
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after two approvals");
        assertEquals(enrolled.plusDays(3).toString(), keptOf(a.db, first.id(), "first_plan"));
        assertEquals(enrolled.plusDays(20).toString(), keptOf(a.db, first.id(), "first_review"));
        assertEquals("2", keptOf(a.db, first.id(), "in_force_version"));
        assertEquals("work_training", keptOf(a.db, first.id(), "in_force_kinds"), "the activities of version 2 only");

        LocalDate exited = TODAY.minusMonths(2);
        a.workflow.exit(new ExitDraft(first.id(), exited, ExitReason.UNSUBSIDISED_WORK, null));
        a.workflow.checkExit(first.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY);
        Enrolment returned = enrol(a, amina, TODAY, "Försörjningsstöd Spånga-Tensta");
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after an exit, its check and a return");
        assertEquals(exited.toString(), keptOf(a.db, returned.id(), "last_exit"), "a return across units");

        b.importFrom(a.exportSnapshot());
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(b.db), "after a snapshot into an empty database");
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
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(a.db), "after a plan, a deletion and an exit undone");
        assertEquals(null, keptOf(a.db, returned.id(), "last_exit"), "no exit to return after any more");

        b.importFrom(a.exportFor(b));
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(b.db), "after a delta");
        assertEquals(TODAY.toString(), keptOf(b.db, returned.id(), "first_plan"));
        assertEquals("1", keptOf(b.db, other.id(), "deleted"));
        assertEquals(null, keptOf(b.db, first.id(), "in_force_kinds"), "the deleted activity on b too");
        assertEquals("work_training", keptOf(b.db, returned.id(), "in_force_kinds"), "the new plan's on b too");
    }
}
