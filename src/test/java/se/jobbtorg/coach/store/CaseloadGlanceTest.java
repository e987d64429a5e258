package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Enrolment;

/**
 * caseload_glance, what a coach's list computes its rows from, holds what the records say now:
 * built by the migration for a database from before it, kept by the schema's triggers through the
 * bulk load of a city (the writes of the services and of an import are held to the same in
 * IndicatorFactsFollowTest), and read into the same inputs of the rules as the records give.
 */
public class CaseloadGlanceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
    private static final String COLUMNS = "coach_id, enrolment_id, plans, activities, meetings";

    @TempDir
    Path dir;

    /** The enrolments whose kept glance is not what their records say now, as "extra id" or "missing id". */
    public static List<String> glancesAmiss(Database db) {
        return KeptRows.amiss(db, "caseload_glance", "caseload_glance_derived", COLUMNS, "enrolment_id");
    }

    /** The enrolments a coach's list can show: with a coach, not deleted, no check after the exit. */
    private static List<Enrolment> listable(Database db) {
        return db.read(dsl -> dsl.selectFrom(ENROLMENT)
                .where(ENROLMENT.COACH_ID.isNotNull(), ENROLMENT.DELETED.eq(0), ENROLMENT.EXIT_CHECK.isNull())
                .fetch(EnrolmentRepository::toDomain));
    }

    private static int kept(Database db) {
        return db.read(dsl -> dsl.fetchCount(dsl.selectFrom("caseload_glance")));
    }

    @Test
    void theMigrationKeepsTheGlancesOfADatabaseFromBefore() {
        Path file = dir.resolve("twentyfour.db");
        try (Database before = Database.open(file, CLOCK, TestPassphrase.get(), 24)) {
            new SyntheticCity(before, 5, TODAY).build(120);
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(List.of(), glancesAmiss(db));
            int listable = listable(db).size();
            assertEquals(listable, kept(db), "one row per enrolment a list can show");
            assertTrue(listable > 20, "a city with open enrolments: " + listable);
        }
    }

    @Test
    void theKeptGlancesGiveTheRulesWhatTheRecordsGive() {
        try (Database db = Database.open(dir.resolve("city.db"), CLOCK, TestPassphrase.get())) {
            new SyntheticCity(db, 7, TODAY).build(150);
            assertEquals(List.of(), glancesAmiss(db), "after the bulk load");
            List<Enrolment> listable = listable(db);
            assertEquals(listable.size(), kept(db), "one row per enrolment a list can show");

            // Without a coach, an enrolment's inputs are read from the records themselves.
            List<Enrolment> unkept =
                    listable.stream().map(CaseloadGlanceTest::withoutCoach).toList();
            WorkflowRepository work = new WorkflowRepository(db);
            Map<UUID, WorkflowRepository.EnrolmentInputs> fromKept = work.inputsOf(listable);
            Map<UUID, WorkflowRepository.EnrolmentInputs> fromRecords = work.inputsOf(unkept);
            assertEquals(
                    listable.size(),
                    db.read(dsl -> KeptGlances.of(dsl, listable)).size(),
                    "all read as kept");
            assertEquals(0, db.read(dsl -> KeptGlances.of(dsl, unkept)).size(), "none read as kept without a coach");
            Map<String, WorkflowRepository.EnrolmentInputs> oneCoachAQuery =
                    db.read(dsl -> KeptGlances.of(dsl, listable, 1));
            assertEquals(db.read(dsl -> KeptGlances.of(dsl, listable)), oneCoachAQuery, "each coach's range a query");
            assertTrue(
                    listable.stream().map(Enrolment::coachId).distinct().count() > 1,
                    "more than one coach, so more than one query");

            assertEquals(fromRecords.keySet(), fromKept.keySet());
            int plans = 0;
            int activities = 0;
            int meetings = 0;
            for (UUID id : fromRecords.keySet()) {
                var kept = fromKept.get(id);
                var records = fromRecords.get(id);
                assertEquals(new HashSet<>(records.plans()), new HashSet<>(kept.plans()), "plans of " + id);
                assertEquals(
                        kept.plans().stream()
                                .map(ActivityPlan::version)
                                .sorted()
                                .toList(),
                        kept.plans().stream().map(ActivityPlan::version).toList(),
                        "in version order");
                assertEquals(
                        new HashSet<>(records.activities()), new HashSet<>(kept.activities()), "activities of " + id);
                assertEquals(records.activities().size(), kept.activities().size());
                assertEquals(new HashSet<>(records.meetings()), new HashSet<>(kept.meetings()), "meetings of " + id);
                assertEquals(records.meetings().size(), kept.meetings().size());
                plans += kept.plans().size();
                activities += kept.activities().size();
                meetings += kept.meetings().size();
            }
            assertTrue(plans > 0 && activities > 0 && meetings > 0, plans + " " + activities + " " + meetings);

            // The comparison with the view sees a kept row that has fallen behind its records.
            String one = listable.get(0).id().toString();
            db.write(tx -> tx.dsl()
                    .execute("UPDATE caseload_glance SET meetings = '[]', plans = '[]' WHERE enrolment_id = ?", one));
            assertEquals(List.of("extra " + one, "missing " + one), glancesAmiss(db));
        }
    }

    private static Enrolment withoutCoach(Enrolment e) {
        return new Enrolment(
                e.id(),
                e.participantId(),
                null,
                e.enrolledOn(),
                e.referringUnit(),
                e.socialSecretary(),
                e.targetGroups(),
                e.language(),
                e.interpreterNeeded(),
                e.exitedOn(),
                e.exitReason());
    }
}
