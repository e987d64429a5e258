package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.MEETING;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/**
 * A person past retention, deleted by the team lead, is gone from every laptop of the team after
 * one round of packages, and a package made before a laptop heard of it does not bring the person
 * back, on any laptop, whatever order the packages come in.
 */
class RetentionSyncTest {
    @TempDir
    Path dir;

    private final List<Laptop> laptops = new ArrayList<>();

    private final class Laptop {
        final TestClock clock = new TestClock(Instant.parse("2020-03-02T09:00:00Z"));
        final Database db;
        final Coach me;
        final CaseloadService caseload;
        final WorkflowService workflow;
        final SyncService sync;

        Laptop(String name, Role role) {
            db = Database.open(dir.resolve(name + ".db"), clock, TestPassphrase.get());
            me = new CoachService(db).begin(name, "Jobbtorg Kista", role);
            caseload = new CaseloadService(db, clock);
            workflow = new WorkflowService(db, clock);
            sync = new SyncService(db, clock, () -> name);
            for (Laptop other : laptops) {
                TestTeam.admitEachOther(other.sync, sync);
            }
            laptops.add(this);
        }

        Path packageFor(Laptop peer) throws Exception {
            Path file = dir.resolve(sync.packageName(peer.me.name() + "-" + System.nanoTime()));
            Files.deleteIfExists(file);
            sync.exportFor(peer.sync.deviceId(), file, p -> {});
            return file;
        }

        void importFrom(Path pkg) {
            sync.importPackage(pkg, false, p -> {});
        }

        int rows(org.jooq.Table<?> table, Set<String> ids) {
            return db.read(
                    dsl -> dsl.fetchCount(table, table.field("id", String.class).in(ids)));
        }

        int logRows(Set<String> ids) {
            return db.read(dsl -> dsl.fetchCount(CHANGE_LOG, CHANGE_LOG.RECORD_ID.in(ids)));
        }
    }

    @AfterEach
    void close() {
        laptops.forEach(l -> l.db.close());
    }

    private void advanceAll(Duration by) {
        laptops.forEach(l -> l.clock.advance(by));
    }

    private static void exchange(Laptop a, Laptop b) throws Exception {
        b.importFrom(a.packageFor(b));
        a.importFrom(b.packageFor(a));
    }

    @Test
    void aPersonPastRetentionIsGoneEverywhereAfterOneRoundAndAStalePackageDoesNotBringThemBack() throws Exception {
        Laptop lead = new Laptop("Gunilla Lind", Role.TEAM_LEAD);
        Laptop linnea = new Laptop("Linnea Ek", Role.COACH);
        // Karim stands in for the lead (a deputy): a lead's laptop holds the team's cases, so
        // he has Åsa too, as coaches' laptops do not (need to know, decision 0013).
        Laptop karim = new Laptop("Karim Haddad", Role.TEAM_LEAD);

        Participant asa = linnea.caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1988, 3, 14), 108, false).display(),
                "Åsa",
                "Öberg",
                null,
                null,
                null));
        Enrolment e = linnea.caseload.enrol(new EnrolmentDraft(
                asa.id(),
                linnea.me.id(),
                LocalDate.of(2020, 3, 2),
                "Försörjningsstöd Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false));
        var meeting = linnea.workflow.recordMeeting(new MeetingDraft(
                e.id(),
                null,
                LocalDate.of(2020, 3, 2).atTime(10, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                "Första mötet",
                null,
                null,
                null));
        advanceAll(Duration.ofDays(200));
        linnea.workflow.exit(new ExitDraft(e.id(), LocalDate.of(2020, 9, 18), ExitReason.UNSUBSIDISED_WORK, null));
        // Enrolled in 2020 and never exited: still in the work, however old her entries.
        Participant cecilia = linnea.caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1975, 8, 9), 132, false).display(),
                "Cecilia",
                "Ängström",
                null,
                null,
                null));
        linnea.caseload.enrol(new EnrolmentDraft(
                cecilia.id(),
                linnea.me.id(),
                LocalDate.of(2020, 9, 18),
                "Försörjningsstöd Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false));
        exchange(linnea, lead);
        exchange(lead, karim);
        Set<String> asaRecords =
                Set.of(asa.id().toString(), e.id().toString(), meeting.id().toString());
        for (Laptop l : laptops) {
            assertEquals(1, l.rows(PARTICIPANT, asaRecords), "everyone has her before");
        }

        // Six years on. Karim corrects her phone number before he hears of any deletion, and his
        // package of that day is kept for later.
        advanceAll(Duration.ofDays(365 * 6));
        Participant bo = linnea.caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1979, 6, 2), 236, false).display(),
                "Bo",
                "Ekström",
                null,
                null,
                null));
        karim.caseload.update(
                asa.id(),
                new ParticipantDraft(asa.personalNumber().display(), "Åsa", "Öberg", "070-7654321", null, null));
        Path staleFromKarim = karim.packageFor(lead);
        Path staleForLinnea = karim.packageFor(linnea);
        // Then, offline, Karim undoes her exit and records a meeting: work under her that the lead
        // never sees before deciding. The purge must take it too when it reaches Karim.
        karim.workflow.undoExit(e.id(), "Fel person skrevs ut", karim.me.id());
        var late = karim.workflow.recordMeeting(new MeetingDraft(
                e.id(),
                null,
                karim.workflow.today().atTime(8, 0),
                MeetingKind.PHONE,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                "Ringde",
                null,
                null,
                null));

        // A coach may not delete; the lead does.
        RetentionService atLinnea = new RetentionService(linnea.db, linnea.clock);
        assertThrows(
                IllegalStateException.class, () -> atLinnea.delete(List.of(asa.id()), RetentionService.DEFAULT_PERIOD));
        RetentionService retention = new RetentionService(lead.db, lead.clock);
        assertEquals(
                List.of(asa.id()),
                retention.due(RetentionService.DEFAULT_PERIOD).stream()
                        .map(d -> d.participantId())
                        .toList(),
                "Åsa, not Cecilia who is still enrolled, nor Bo who is new");
        assertEquals(
                1,
                retention
                        .delete(List.of(asa.id()), RetentionService.DEFAULT_PERIOD)
                        .people());
        assertEquals(
                0,
                lead.rows(PARTICIPANT, asaRecords) + lead.rows(ENROLMENT, asaRecords) + lead.rows(MEETING, asaRecords));
        assertEquals(0, lead.logRows(asaRecords), "her change-log rows went with her");

        // One round of packages from the lead: gone on both coaches' laptops.
        linnea.importFrom(lead.packageFor(linnea));
        karim.importFrom(lead.packageFor(karim));
        for (Laptop l : laptops) {
            assertEquals(
                    0,
                    l.rows(PARTICIPANT, asaRecords) + l.rows(ENROLMENT, asaRecords) + l.rows(MEETING, asaRecords),
                    l.me.name());
            assertEquals(0, l.logRows(asaRecords), l.me.name());
        }
        assertEquals(0, karim.rows(MEETING, Set.of(late.id().toString())), "Karim's late meeting went with her");

        // Karim's packages from before he heard: they change nothing of her, anywhere.
        lead.importFrom(staleFromKarim);
        linnea.importFrom(staleForLinnea);
        for (Laptop l : laptops) {
            assertEquals(0, l.rows(PARTICIPANT, asaRecords), l.me.name() + ": not back");
            assertFalse(l.caseload.participant(asa.id()).isPresent());
        }

        // And the team agrees on every record, Bo's included.
        exchange(linnea, lead);
        exchange(lead, karim);
        exchange(linnea, lead);
        String records = new SyncedRecords(lead.db).contentChecksum();
        for (Laptop l : laptops) {
            assertEquals(records, new SyncedRecords(l.db).contentChecksum(), l.me.name() + " converged");
            assertTrue(l.caseload.participant(bo.id()).isPresent(), l.me.name() + " has Bo");
        }
    }
}
