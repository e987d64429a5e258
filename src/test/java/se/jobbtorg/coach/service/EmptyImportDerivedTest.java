package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.store.BulkLoadTest;
import se.jobbtorg.coach.store.IndicatorFactsTest;
import se.jobbtorg.coach.store.NeverEnrolledTest;

/**
 * A snapshot into a database that holds nobody sets aside the triggers of derived data and
 * derives it once at the end (DerivedData.deferIfEmpty): the search keys, the indicators'
 * facts and the people never enrolled come out as the sender has them, and the schema the import
 * commits is the one it began with. Into a database that holds someone, the triggers keep the
 * data row by row, to the same end.
 */
class EmptyImportDerivedTest extends SyncFixture {

    private static Set<UUID> reminded(Device d) {
        return d.workflow.neverEnrolled().stream().map(Participant::id).collect(Collectors.toSet());
    }

    private static List<String> found(Device d, String query) {
        return d.caseload.caseload(null, query).stream()
                .map(CaseloadEntry::participant)
                .map(Participant::listName)
                .toList();
    }

    @Test
    void aSnapshotIntoAnEmptyDatabaseDerivesWhatTheSenderHas() throws Exception {
        Device a = new Device("a", 0);
        // Both met before the export: a package is encrypted to the laptops admitted then.
        Device b = new Device("b", 3);
        Device c = new Device("c", 5);
        Participant amina = a.register("Amina", "Exempelsson", number(1));
        a.enrol(amina);
        Participant orjan = a.register("Örjan", "Åkesson", number(2));
        a.enrol(orjan);
        a.register("Bo", "Öberg", number(3));
        // A name changed after the registration: a second version in the log, the sort key moved.
        a.caseload.update(orjan.id(), new ParticipantDraft(number(2), "Örjan", "Ekström", null, null, null));
        Path snapshot = a.exportSnapshot();

        List<String> before = BulkLoadTest.schema(b.db);
        b.sync.importPackage(snapshot, true, p -> {});
        assertEquals(List.of(), BulkLoadTest.searchKeys(b.db), "a dry run leaves nothing");
        assertEquals(before, BulkLoadTest.schema(b.db), "a dry run leaves the triggers as they were");

        b.importFrom(snapshot);
        assertEquals(before, BulkLoadTest.schema(b.db), "every trigger is back, as it was");
        assertFalse(BulkLoadTest.searchKeys(b.db).isEmpty());
        assertEquals(
                BulkLoadTest.searchKeys(a.db), BulkLoadTest.searchKeys(b.db), "the same search keys as the sender's");
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(b.db));
        assertEquals(List.of(), NeverEnrolledTest.amiss(b.db));
        assertEquals(reminded(a), reminded(b));
        assertEquals(List.of("Ekström, Örjan"), found(b, "ekst"));
        assertEquals(List.of(), found(b, "åkess"), "the old name finds nobody");

        // Then a laptop that holds someone: the triggers, row by row, to the same keys.
        Participant own = c.register("Ceylan", "Ärlig", number(4));
        c.importFrom(snapshot);
        assertEquals(List.of(), NeverEnrolledTest.amiss(c.db));
        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(c.db));
        List<String> keysOfC = BulkLoadTest.searchKeys(c.db);
        assertTrue(keysOfC.containsAll(BulkLoadTest.searchKeys(a.db)), "the sender's keys, and the laptop's own");
        assertEquals(List.of("Ärlig, Ceylan"), found(c, "ärl"));
        assertEquals(Set.of(own.id(), reminded(a).iterator().next()), reminded(c));
    }
}
