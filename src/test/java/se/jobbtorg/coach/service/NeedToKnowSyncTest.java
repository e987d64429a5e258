package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.service.TeamLaptops.Laptop;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.sync.Manifest;
import se.jobbtorg.coach.sync.PackageReader;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.Refusal;

/**
 * Need to know (decision 0013): a package for a coach's laptop holds that coach's caseload and
 * nothing of anyone else's; after an exchange a coach's laptop holds only its coach's caseload;
 * a reassigned enrolment reaches the new coach whole and leaves the old coach's laptop once the
 * old coach's last changes have reached the lead, and no edit is lost on the way.
 */
class NeedToKnowSyncTest {
    @TempDir
    Path dir;

    private TeamLaptops team;
    private Laptop lead;
    private Laptop linnea;
    private Laptop karim;

    @BeforeEach
    void team() {
        team = new TeamLaptops(dir);
        Instant start = Instant.parse("2026-11-24T08:00:00Z");
        lead = team.add("Gunilla Lind", Role.TEAM_LEAD, start);
        linnea = team.add("Linnea Ek", Role.COACH, start.plusSeconds(3));
        karim = team.add("Karim Haddad", Role.COACH, start.plusSeconds(7));
    }

    @AfterEach
    void close() {
        team.close();
    }

    private Meeting meeting(Laptop at, Enrolment e, String note) {
        return at.workflow.recordMeeting(new MeetingDraft(
                e.id(),
                null,
                at.workflow.today().atTime(10, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                note,
                null,
                null,
                null));
    }

    /** How many lines of each entity a package holds. */
    private static Map<String, Long> lines(PackageReader.Verified pkg) {
        return pkg.changes().stream().collect(Collectors.groupingBy(c -> c.entity(), Collectors.counting()));
    }

    private static Set<String> ids(PackageReader.Verified pkg, String entity) {
        return pkg.changes().stream()
                .filter(c -> c.entity().equals(entity))
                .map(c -> c.recordId())
                .collect(Collectors.toSet());
    }

    @Test
    void aCoachsPackageAndLaptopHoldTheCoachsCaseloadOnly() throws Exception {
        Participant asa = linnea.register("Åsa", "Öberg", 108);
        Enrolment asaIn = linnea.enrol(asa, linnea.me);
        meeting(linnea, asaIn, "Första mötet");
        Participant cecilia = karim.register("Cecilia", "Ängström", 132);
        Enrolment ceciliaIn = karim.enrol(cecilia, karim.me);
        meeting(karim, ceciliaIn, "Ringde om praktik");
        lead.importFrom(linnea.packageForLeads());
        lead.importFrom(karim.packageForLeads());
        assertEquals(Set.of(asa.id().toString(), cecilia.id().toString()), lead.ids("participant"));
        assertTrue(lead.ids(SyncEntities.TRAIL).size() > 4, "the coaches' trails reach the lead");

        // The lead's package for Karim, opened and counted: Cecilia and her work, nothing of Åsa's.
        Path forKarim = lead.packageFor(karim);
        PackageReader.Verified opened = karim.open(forKarim);
        assertEquals(
                new Manifest.Reader(karim.sync.deviceId(), karim.me.id().toString(), "coach"),
                opened.manifest().reader());
        assertEquals(Set.of(cecilia.id().toString()), ids(opened, "participant"));
        assertEquals(Set.of(ceciliaIn.id().toString()), ids(opened, "enrolment"));
        assertEquals(1, lines(opened).getOrDefault("meeting", 0L));
        assertEquals(0, lines(opened).getOrDefault(SyncEntities.TRAIL, 0L), "the trail goes to leads only");
        assertEquals(
                Set.of(lead.me.id().toString(), linnea.me.id().toString()),
                ids(opened, "coach"),
                "the team's other coaches, to name them (his own he has)");
        karim.importFrom(forKarim);
        linnea.importFrom(lead.packageFor(linnea));
        assertEquals(Set.of(cecilia.id().toString()), karim.ids("participant"));
        assertEquals(Set.of(asa.id().toString()), linnea.ids("participant"));

        // Made for Karim, it is encrypted for his laptop alone; and were it readable (a plain
        // copy, as another system might write), its manifest says it is no one else's to import.
        PackageRefusedException sealed = assertThrows(PackageRefusedException.class, () -> linnea.importFrom(forKarim));
        assertEquals(Refusal.NOT_FOR_US, sealed.refusal());
        Path plain = TestTeam.plainCopy(forKarim, karim.db, dir.resolve("plain-for-karim.caseload.zip"));
        PackageRefusedException other = assertThrows(PackageRefusedException.class, () -> linnea.importFrom(plain));
        assertEquals(Refusal.FOR_ANOTHER_READER, other.refusal());
        // A full copy is for the leads: encrypted for no coach's laptop (so none to write without
        // a team passphrase), and refused by a coach who can read it through the passphrase.
        PackageRefusedException noLead = assertThrows(PackageRefusedException.class, lead::packageForLeads);
        assertEquals(Refusal.NO_READERS, noLead.refusal());
        lead.sync.team().setTeamPassphrase("Teamets gemensamma lösenfras 2026");
        linnea.sync.team().setTeamPassphrase("Teamets gemensamma lösenfras 2026");
        PackageRefusedException full =
                assertThrows(PackageRefusedException.class, () -> linnea.importFrom(lead.packageForLeads()));
        assertEquals(Refusal.FOR_TEAM_LEADS, full.refusal());
        assertEquals(Set.of(asa.id().toString()), linnea.ids("participant"), "a refused package changes nothing");
    }

    @Test
    void aReassignedEnrolmentReachesTheNewCoachWholeAndLeavesTheOldOnceHerLastChangesAreIn() throws Exception {
        Participant bo = linnea.register("Bo", "Ekström", 236);
        Enrolment boIn = linnea.enrol(bo, linnea.me);
        Meeting first = meeting(linnea, boIn, "Första mötet");
        Participant asa = linnea.register("Åsa", "Öberg", 108);
        linnea.enrol(asa, linnea.me);
        TeamLaptops.exchange(linnea, lead);
        karim.importFrom(lead.packageFor(karim));
        lead.importFrom(karim.packageFor(lead));
        assertFalse(karim.ids("participant").contains(bo.id().toString()));

        // Offline, Linnea records a meeting with Bo; meanwhile the lead gives Bo to Karim.
        team.advanceAll(Duration.ofHours(1));
        Meeting offline = meeting(linnea, boIn, "Möte på stan, utan nät");
        lead.caseload.reassign(boIn.id(), karim.me.id());

        // Karim's next package carries Bo's whole history, made before he had him.
        Path forKarim = lead.packageFor(karim);
        PackageReader.Verified opened = karim.open(forKarim);
        assertEquals(Set.of(bo.id().toString()), ids(opened, "participant"));
        assertTrue(ids(opened, "meeting").contains(first.id().toString()));
        karim.importFrom(forKarim);
        assertTrue(karim.ids("meeting").contains(first.id().toString()));

        // Linnea hears Bo is Karim's now, but her offline meeting has not reached the lead: she keeps him.
        SyncService.Imported heard = linnea.importFrom(lead.packageFor(linnea));
        assertEquals(0, heard.released());
        assertTrue(linnea.ids("participant").contains(bo.id().toString()));
        // She sends it; the lead's next package acknowledges it, and her laptop lets go of Bo.
        lead.importFrom(linnea.packageFor(lead));
        SyncService.Imported acknowledged = linnea.importFrom(lead.packageFor(linnea));
        assertEquals(1, acknowledged.released());
        assertEquals(Set.of(asa.id().toString()), linnea.ids("participant"));
        assertFalse(linnea.ids("meeting").contains(offline.id().toString()));
        assertFalse(linnea.ids("enrolment").contains(boIn.id().toString()));
        assertTrue(
                new AuditService(linnea.db, linnea.clock)
                        .entries(AuditEntry.Filter.everything(ZoneOffset.UTC), 1000).stream()
                                .anyMatch(e -> e.action() == AuditAction.LOCAL_COPY_REMOVED
                                        && bo.id().equals(e.participantId())),
                "letting go is in her trail, by id");

        // No edit lost: the offline meeting reaches Karim through the lead.
        karim.importFrom(lead.packageFor(karim));
        assertTrue(karim.ids("meeting").contains(offline.id().toString()));

        // Given back to Linnea, Bo comes back to her laptop whole.
        lead.importFrom(karim.packageFor(lead));
        lead.caseload.reassign(boIn.id(), linnea.me.id());
        linnea.importFrom(lead.packageFor(linnea));
        assertTrue(linnea.ids("participant").contains(bo.id().toString()));
        assertTrue(linnea.ids("meeting")
                .containsAll(Set.of(first.id().toString(), offline.id().toString())));
        lead.importFrom(linnea.packageFor(lead));
        karim.importFrom(lead.packageFor(karim));
        assertEquals(Set.of(), karim.ids("participant"), "and Karim's laptop lets go of him");
    }

    @Test
    void aCoachMetBeforeRolesLetsGoOfWhatIsReassignedAndALatePackageDoesNotBringItBack() throws Exception {
        lead.importFrom(karim.packageFor(lead));
        lead.importFrom(linnea.packageFor(lead));
        Participant cecilia = lead.register("Cecilia", "Ängström", 132);
        Enrolment ceciliaIn = lead.enrol(cecilia, karim.me);
        // As after the upgrade to schema 16: the lead's laptop does not know its peers' roles yet,
        // so its package for Karim is a full copy, with no record of what went.
        lead.db.write(tx -> tx.dsl().execute("UPDATE sync_peer SET role = NULL, coach_id = NULL"));
        Path before = lead.packageFor(karim);
        assertEquals(null, karim.open(before).manifest().reader().role());
        karim.importFrom(before);
        assertTrue(karim.ids("enrolment").contains(ceciliaIn.id().toString()));

        // Karim's next package tells the lead his role; the lead gives Cecilia to Linnea.
        lead.importFrom(karim.packageFor(lead));
        lead.caseload.reassign(ceciliaIn.id(), linnea.me.id());
        SyncService.Imported heard = karim.importFrom(lead.packageFor(karim));
        assertEquals(1, heard.released(), "he had her from the full copy: he hears she left");
        assertFalse(karim.ids("participant").contains(cecilia.id().toString()));

        // The full copy, delivered again late, changes nothing: it is older than what he has.
        SyncService.Imported late = karim.importFrom(before);
        assertEquals(0, late.created() + late.updated());
        assertFalse(karim.ids("participant").contains(cecilia.id().toString()), "not back as his");
    }
}
