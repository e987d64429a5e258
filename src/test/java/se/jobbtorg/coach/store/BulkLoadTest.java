package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;

/**
 * The bulk build of the bench's city sets indexes and the search keys' trigger aside while it
 * writes: what it leaves must be what the ordinary load leaves, schema and search keys alike.
 */
public class BulkLoadTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    private static final List<Participant> PEOPLE = List.of(
            person(1, "Åsa-Lovisa", "Öhrnström", 312),
            person(2, "Göran", "Älvängen Berg", 507),
            person(3, "Anna Karin", "Åkesson", 846),
            person(4, "Mohamed", "Ali", 123));

    private static Participant person(int n, String first, String last, int birthNumber) {
        return new Participant(
                new UUID(n, n),
                PersonalIdentityNumber.of(LocalDate.of(1980 + n, n, 10 + n), birthNumber, n == 3),
                first,
                last,
                "070-000000" + n,
                null,
                "Rinkeby-Kista");
    }

    /** Every table, index, trigger and view of the file, as its SQL, in name order. */
    public static List<String> schema(Database db) {
        return db.read(dsl -> dsl.fetch("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
                        + " WHERE sql IS NOT NULL ORDER BY type, name")
                .getValues(0, String.class));
    }

    /** Every search key of the file, in key order. */
    public static List<String> searchKeys(Database db) {
        return db.read(dsl -> dsl.fetch("SELECT key || '|' || sort_name || '|' || participant_id FROM participant_key"
                        + " ORDER BY key, sort_name, participant_id")
                .getValues(0, String.class));
    }

    private Database loaded(String name, Function<Database, Object> load) {
        Database db = Database.open(dir.resolve(name + ".db"), clock, TestPassphrase.get());
        load.apply(db);
        return db;
    }

    @Test
    void theBuildLeavesTheSchemaAndTheSearchKeysTheOrdinaryLoadLeaves() {
        try (Database ordinary = loaded(
                        "ordinary",
                        db -> BulkLoad.into(db, load -> {
                            PEOPLE.forEach(load::participant);
                            return null;
                        }));
                Database built = Database.open(dir.resolve("built.db"), clock, TestPassphrase.get())) {
            List<String> before = schema(built);
            var result = BulkLoad.build(built, load -> {
                PEOPLE.forEach(load::participant);
                return load.records();
            });
            assertEquals(PEOPLE.size(), result.result());
            assertEquals(before, schema(built), "every index and trigger is back, as it was");
            assertFalse(searchKeys(built).isEmpty());
            assertEquals(searchKeys(ordinary), searchKeys(built));
            // The trigger is back at work: a person registered afterwards is found as they type.
            new CaseloadService(built, clock)
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1990, 5, 5), 221, false)
                                    .normalised(),
                            "Örjan",
                            "Ängsö",
                            null,
                            null,
                            "Skärholmen"));
            assertEquals(
                    List.of("Ängsö"),
                    new CaseloadService(built, clock)
                            .caseload(null, "ängs").stream()
                                    .map(e -> e.participant().lastName())
                                    .toList());
            assertEquals(
                    List.of("Åkesson"),
                    new CaseloadService(built, clock)
                            .caseload(null, "åke").stream()
                                    .map(e -> e.participant().lastName())
                                    .toList());
        }
    }

    @Test
    void aBuildThatFailsLeavesNothingOfItselfAndTheSchemaWhole() {
        try (Database db = Database.open(dir.resolve("failed.db"), clock, TestPassphrase.get())) {
            List<String> before = schema(db);
            List<Participant> twice = new ArrayList<>(PEOPLE);
            twice.add(PEOPLE.get(0));
            assertThrows(
                    RuntimeException.class,
                    () -> BulkLoad.build(db, load -> {
                        twice.forEach(load::participant);
                        return null;
                    }));
            assertEquals(before, schema(db));
            assertEquals(0, (int) db.read(dsl -> dsl.fetchCount(PARTICIPANT)));
            assertEquals(List.of(), searchKeys(db));
        }
    }

    /**
     * The build sets aside the triggers that fire on the rows it inserts (search keys, the
     * indicators' facts) and derives their data once at the end. A trigger a later migration adds
     * would otherwise run once per row of the city, or be skipped with its data never derived:
     * each trigger of the schema must be one the build has decided about.
     */
    @Test
    void everyTriggerOfTheSchemaIsOneTheBuildHasDecidedAbout() {
        try (Database db = Database.open(dir.resolve("triggers.db"), clock, TestPassphrase.get())) {
            List<String> triggers =
                    db.read(dsl -> dsl.fetch("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                            .getValues(0, String.class));
            assertEquals(
                    List.of(
                            // refuse an update or delete of an audit entry: the build only inserts
                            "audit_entry_deleted_by_retention_only",
                            "audit_entry_never_changed",
                            // set aside, their data derived at the end (DerivedData.Aside)
                            "caseload_glance_activity_added",
                            "caseload_glance_activity_changed",
                            "caseload_glance_activity_removed",
                            "caseload_glance_enrolment_added",
                            "caseload_glance_enrolment_changed",
                            "caseload_glance_enrolment_removed",
                            "caseload_glance_meeting_added",
                            "caseload_glance_meeting_changed",
                            "caseload_glance_meeting_removed",
                            "caseload_glance_plan_added",
                            "caseload_glance_plan_changed",
                            "caseload_glance_plan_removed",
                            "caseload_glance_void_added",
                            "caseload_glance_void_changed",
                            "caseload_glance_void_removed",
                            "enrolment_indicator_activity_added",
                            "enrolment_indicator_activity_changed",
                            "enrolment_indicator_added",
                            "enrolment_indicator_changed",
                            "enrolment_indicator_plan_added",
                            "enrolment_indicator_plan_changed",
                            "participant_search_keys_added",
                            // fire on deletes and on updates of a name, which the build never makes
                            "participant_search_keys_removed",
                            "participant_sort_name_keys",
                            // set aside, the people never enrolled derived at the end (DerivedData.Aside)
                            "participant_unenrolled_added",
                            "participant_unenrolled_changed",
                            "participant_unenrolled_enrolment_added",
                            "participant_unenrolled_enrolment_changed",
                            "participant_unenrolled_enrolment_removed",
                            "participant_unenrolled_removed",
                            // refuses an update of a purge record: the build makes none
                            "purge_never_changed"),
                    triggers,
                    "a new trigger: decide in DerivedData.Aside whether a load sets it aside");
        }
    }
}
