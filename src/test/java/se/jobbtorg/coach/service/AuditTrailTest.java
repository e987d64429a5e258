package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.AUDIT_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.AuditEntry.Filter;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.report.IndicatorReport;

/**
 * The audit trail: every reading of a person's page, every change through the services, every
 * report, package and unlock writes one entry, with ids only; no entry can be changed or
 * deleted; and the trail travels to the team lead, who filters it.
 */
class AuditTrailTest extends SyncFixture {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static List<AuditAction> actions(Device d) {
        List<AuditAction> actions = new ArrayList<>(new AuditService(d.db, d.clock)
                .entries(Filter.everything(STOCKHOLM), 10_000).stream()
                        .map(AuditEntry::action)
                        .toList());
        // entries() gives the newest first; the order done reads better in the assertions
        java.util.Collections.reverse(actions);
        return actions;
    }

    private static AuditEntry newest(Device d) {
        return new AuditService(d.db, d.clock)
                .entries(Filter.everything(STOCKHOLM), 1)
                .get(0);
    }

    @Test
    void eachActionWritesItsEntryWithIdsOnly() throws Exception {
        joinTeam = false; // no admissions in the trail of this test
        Device coach = new Device("Linnea", 0);
        Participant amina = coach.register("Åsa", "Öberg", number(388));
        assertEquals(List.of(AuditAction.PARTICIPANT_REGISTERED), actions(coach));
        AuditEntry registered = newest(coach);
        assertEquals(amina.id(), registered.participantId());
        assertEquals(coach.coach.id(), registered.userId(), "who: the user of the database");
        assertEquals(coach.sync.deviceId(), registered.deviceId(), "and the device");
        assertEquals(coach.clock.instant(), registered.at());

        Enrolment e = coach.enrol(amina);
        coach.edit(amina, "070-1234567", null);
        coach.caseload.open(amina.id());
        var mapping = coach.workflow.work(e.id()).mapping().get(MappingArea.SWEDISH);
        coach.workflow.saveMapping(mapping, MappingStatus.IN_PROGRESS, "Vill arbeta", null, Set.of(), null);
        ActivityPlan draft = coach.workflow.draft(e.id(), false);
        coach.workflow.describe(draft.id(), PlanGoal.WORK, null);
        var activity = coach.workflow.addActivity(draft.id(), TestDrafts.workTraining(TODAY));
        coach.workflow.approve(draft.id(), "Omar Farah", TODAY);
        var meeting = coach.workflow.recordMeeting(
                TestDrafts.meeting(e.id(), TODAY.atTime(10, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED));
        coach.workflow.voidMeeting(meeting.id(), "Fel person", coach.coach.id());
        coach.workflow.exit(new ExitDraft(e.id(), TODAY, ExitReason.UNSUBSIDISED_WORK, null));
        coach.clock.advance(java.time.Duration.ofDays(40));
        coach.workflow.checkExit(e.id(), ExitCheck.IN_WORK_OR_STUDIES, coach.workflow.today());
        new IndicatorReport(coach.db, coach.clock).behind(List.of(e.id()));

        assertEquals(
                List.of(
                        AuditAction.PARTICIPANT_REGISTERED,
                        AuditAction.ENROLLED,
                        AuditAction.PARTICIPANT_CHANGED,
                        AuditAction.PARTICIPANT_OPENED,
                        AuditAction.MAPPING_SAVED,
                        AuditAction.PLAN_DRAFTED,
                        AuditAction.PLAN_CHANGED,
                        AuditAction.PLAN_CHANGED,
                        AuditAction.PLAN_APPROVED,
                        AuditAction.MEETING_RECORDED,
                        AuditAction.ENTRY_VOIDED,
                        AuditAction.EXITED,
                        AuditAction.EXIT_CHECKED,
                        AuditAction.REPORT_MADE),
                actions(coach));
        var byPerson = new AuditService(coach.db, coach.clock)
                .entries(new Filter(amina.id(), null, null, null, null, STOCKHOLM), 100);
        assertEquals(13, byPerson.size(), "every entry but the report names the person");
        assertTrue(byPerson.stream()
                .filter(a -> a.action() != AuditAction.PARTICIPANT_REGISTERED
                        && a.action() != AuditAction.PARTICIPANT_CHANGED
                        && a.action() != AuditAction.PARTICIPANT_OPENED)
                .allMatch(a -> e.id().equals(a.enrolmentId())));
        assertEquals(
                activity.planId(),
                byPerson.stream()
                        .filter(a -> a.action() == AuditAction.PLAN_APPROVED)
                        .findFirst()
                        .orElseThrow()
                        .recordId());
        assertEquals(AuditAction.Report.ENROLMENTS_BEHIND.code(), newest(coach).detail());

        // Ids only: no name, no personal identity number, no note in any entry or its change-log row.
        String trail = coach.db.read(dsl -> dsl.selectFrom(AUDIT_ENTRY).fetch().formatCSV()
                + dsl.select(CHANGE_LOG.FIELD_VALUES)
                        .from(CHANGE_LOG)
                        .where(CHANGE_LOG.ENTITY.eq("audit_entry"))
                        .fetch()
                        .formatCSV());
        for (String secret : List.of("Åsa", "Öberg", amina.personalNumber().normalised(), "Fel person", "Vill")) {
            assertFalse(trail.contains(secret), secret + " in the trail");
        }
    }

    @Test
    void aChangeRefusedWritesNoEntry() {
        joinTeam = false; // no admissions in the trail of this test
        Device coach = new Device("Linnea", 0);
        coach.register("Åsa", "Öberg", number(388));
        assertThrows(ValidationException.class, () -> coach.register("Åsa", "Öberg", number(388)));
        assertEquals(List.of(AuditAction.PARTICIPANT_REGISTERED), actions(coach), "the entry rolls back with the work");
    }

    @Test
    void noEntryCanBeChangedOrDeleted() {
        joinTeam = false; // no admissions in the trail of this test
        Device coach = new Device("Linnea", 0);
        coach.register("Åsa", "Öberg", number(388));
        String id = newest(coach).id().toString();
        assertThrows(
                DataAccessException.class,
                () -> coach.db.write(tx -> tx.dsl()
                        .update(AUDIT_ENTRY)
                        .set(AUDIT_ENTRY.USER_ID, UUID.randomUUID().toString())
                        .where(AUDIT_ENTRY.ID.eq(id))
                        .execute()));
        assertThrows(
                DataAccessException.class,
                () -> coach.db.write(tx -> tx.dsl()
                        .deleteFrom(AUDIT_ENTRY)
                        .where(AUDIT_ENTRY.ID.eq(id))
                        .execute()));
        assertThrows(DataAccessException.class, () -> coach.db.write(tx -> tx.tombstone(AUDIT_ENTRY, id)));
        assertEquals(1, (int) coach.db.read(dsl -> dsl.fetchCount(AUDIT_ENTRY)));
        assertEquals(coach.coach.id(), newest(coach).userId(), "unchanged");
    }

    @Test
    void unlocksAndFailedUnlocksAreWritten() {
        joinTeam = false; // no admissions in the trail of this test
        Device coach = new Device("Linnea", 0);
        var security = new SecurityService(coach.db);
        Instant before = coach.clock.instant().minusSeconds(30);
        security.openedAfter(List.of(before));
        assertFalse(security.unlocks(Passphrase.of("fel lösenfras, helt fel")));
        assertTrue(security.unlocks(TestPassphrase.get()));
        assertEquals(
                List.of(
                        AuditAction.UNLOCK_FAILED,
                        AuditAction.UNLOCKED,
                        AuditAction.UNLOCK_FAILED,
                        AuditAction.UNLOCKED),
                actions(coach));
        var failedAtStart = new AuditService(coach.db, coach.clock)
                .entries(Filter.everything(STOCKHOLM), 10).stream()
                        .filter(a -> a.action() == AuditAction.UNLOCK_FAILED)
                        .map(AuditEntry::at)
                        .toList();
        assertTrue(failedAtStart.contains(before), "a wrong passphrase typed before the open keeps its instant");
    }

    @Test
    void theTrailTravelsToTheTeamLeadWhoFiltersIt() throws Exception {
        Device coach = new Device("Linnea", 0);
        Device lead = new Device("Gruppledare", 5);
        Participant asa = coach.register("Åsa", "Öberg", number(388));
        coach.enrol(asa);
        Participant bo = coach.register("Bo", "Ek", number(396));
        coach.caseload.open(asa.id());

        var imported = lead.importFrom(coach.exportFor(lead));
        assertEquals(4, imported.created(), "the coach, two people and an enrolment: the trail is counted apart");
        assertEquals(
                6,
                imported.trail(),
                "two admissions, three changes and a reading (the export's own entry is written after it)");
        assertEquals(AuditAction.PACKAGE_EXPORTED, newest(coach).action());

        AuditService trail = new AuditService(lead.db, lead.clock);
        var coachs = trail.entries(new Filter(null, coach.coach.id(), null, null, null, STOCKHOLM), 100);
        assertEquals(6, coachs.size());
        assertTrue(coachs.stream().allMatch(a -> a.deviceId().equals(coach.sync.deviceId())));
        var aboutAsa = trail.entries(new Filter(asa.id(), null, null, null, null, STOCKHOLM), 100);
        assertEquals(
                List.of(AuditAction.PARTICIPANT_OPENED, AuditAction.ENROLLED, AuditAction.PARTICIPANT_REGISTERED),
                aboutAsa.stream().map(AuditEntry::action).toList());
        var reads =
                trail.entries(new Filter(null, null, null, null, EnumSet.of(AuditAction.Kind.READ), STOCKHOLM), 100);
        assertEquals(
                List.of(asa.id()), reads.stream().map(AuditEntry::participantId).toList());
        LocalDate day = TODAY;
        assertEquals(
                9,
                trail.count(new Filter(null, null, day, day, null, STOCKHOLM)),
                "the coach's six, and the lead's two admissions and import");
        assertEquals(0, trail.count(new Filter(null, null, day.plusDays(1), null, null, STOCKHOLM)));
        assertEquals(0, trail.count(new Filter(bo.id(), lead.coach.id(), null, null, null, STOCKHOLM)));

        // The lead's import is in the lead's trail, and reaches the coach with the lead's next package.
        var back = coach.importFrom(lead.exportFor(coach));
        assertEquals(1, back.created(), "the lead's own coach record");
        assertEquals(0, back.updated(), "no case record came back changed");
        assertTrue(back.trail() >= 3, "the lead's admissions and import, and what it relays");
        assertTrue(actions(coach).contains(AuditAction.PACKAGE_IMPORTED));
    }

    @Test
    void readingManyPeopleOutsideOnesOwnCaseloadInADayIsUnusual() throws Exception {
        Device lead = new Device("Gruppledare", 0);
        Device coach = new Device("Linnea", 5);
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            // registered by the lead, so none is in the coach's own caseload
            people.add(lead.register("Person", "Nummer" + i, number(388 + 8 * i)));
        }
        Participant own = lead.register("Egen", "Aspirant", number(900));
        coach.importFrom(lead.exportFor(coach));
        coach.enrol(own);
        AuditService audit = new AuditService(coach.db, coach.clock);
        // Twenty people outside the caseload, some twice, and one's own: not unusual.
        for (int i = 0; i < 20; i++) {
            coach.caseload.open(people.get(i).id());
            coach.caseload.open(people.get(i % 3).id());
        }
        coach.caseload.open(own.id());
        assertEquals(List.of(), audit.unusualReading(TODAY, TODAY, AuditService.DEFAULT_UNUSUAL));
        coach.caseload.open(people.get(20).id());
        var unusual = audit.unusualReading(TODAY, TODAY, AuditService.DEFAULT_UNUSUAL);
        assertEquals(List.of(new AuditEntry.UnusualReading(coach.coach.id(), TODAY, 21)), unusual);
        assertEquals(List.of(), audit.unusualReading(TODAY.plusDays(1), TODAY.plusDays(1), 20), "another day");
        assertEquals(1, audit.unusualReading(TODAY, TODAY, 5).size(), "a lower threshold, the same day");
    }
}
