package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.store.NeverEnrolledTest;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * The people Today reminds to enrol follow every write that changes who they are: registering,
 * enrolling, a deleted enrolment or person, two registrations of one person merged by an import,
 * and a snapshot into an empty database.
 */
class NeverEnrolledFollowTest extends SyncFixture {

    private static Set<UUID> reminded(Device d) {
        return d.workflow.neverEnrolled().stream().map(Participant::id).collect(Collectors.toSet());
    }

    @Test
    void theKeptPeopleFollowTheServicesDeletionsMergesAndImports() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        Participant amina = a.register("Amina", "Exempelsson", number(1));
        Participant orjan = a.register("Örjan", "Åkesson", number(2));
        Participant bo = a.register("Bo", "Öberg", number(3));
        assertEquals(Set.of(amina.id(), orjan.id(), bo.id()), reminded(a), "registered, none enrolled");

        Enrolment orjansEnrolment = a.enrol(orjan);
        a.db.write(tx -> tx.tombstone(Tables.PARTICIPANT, bo.id().toString()));
        assertEquals(Set.of(amina.id()), reminded(a), "enrolled, and a person deleted");
        assertEquals(List.of(), NeverEnrolledTest.amiss(a.db));

        a.db.write(tx -> tx.tombstone(Tables.ENROLMENT, orjansEnrolment.id().toString()));
        assertEquals(Set.of(amina.id(), orjan.id()), reminded(a), "the only enrolment deleted: to enrol again");
        a.enrol(orjan);
        assertEquals(Set.of(amina.id()), reminded(a), "enrolled again");

        // The same person registered on b too, under another id: the import merges the two.
        Participant aminaOnB = b.register("Amina", "Exempelsson", number(1));
        assertEquals(Set.of(aminaOnB.id()), reminded(b));
        exchange(a, b);
        String survivor = amina.id().toString().compareTo(aminaOnB.id().toString()) < 0
                ? amina.id().toString()
                : aminaOnB.id().toString();
        for (Device d : List.of(a, b)) {
            assertEquals(Set.of(UUID.fromString(survivor)), reminded(d), "one person after the merge");
            assertEquals(List.of(), NeverEnrolledTest.amiss(d.db));
        }

        // The survivor enrolled on b reaches a in a delta.
        b.enrol(UUID.fromString(survivor), TODAY);
        a.importFrom(b.exportFor(a));
        assertEquals(Set.of(), reminded(a), "enrolled on the other laptop");
        assertEquals(List.of(), NeverEnrolledTest.amiss(a.db));

        Device c = new Device("c", 5);
        Participant newcomer = c.register("Ceylan", "Ärlig", number(4));
        c.importFrom(a.exportSnapshot());
        assertEquals(Set.of(newcomer.id()), reminded(c), "a snapshot into a laptop with a person of its own");
        assertEquals(List.of(), NeverEnrolledTest.amiss(c.db));
    }
}
