package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.MeetingCalendar;
import se.jobbtorg.coach.store.Database;

/** The coach's calendar file: the meetings still planned, in a file a calendar program opens. */
class CalendarExportTest {
    static final LocalDate TODAY = CaseloadServiceTest.TODAY;

    @TempDir
    Path dir;

    Database db;
    WorkflowService workflow;
    CalendarExport calendar;
    Coach me;
    Enrolment enrolment;

    /** The format the program uses: iCalendar, as report.MeetingCalendar writes it. */
    final CalendarExport.Format ics = (meetings, file) -> new MeetingCalendar(new I18n(Locale.forLanguageTag("sv-SE")))
            .write(
                    meetings.stream()
                            .map(p -> new MeetingCalendar.Entry(p.participant(), p.meeting()))
                            .toList(),
                    file);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("caseload.db"), CaseloadServiceTest.CLOCK, TestPassphrase.get());
        CaseloadService caseload = new CaseloadService(db, CaseloadServiceTest.CLOCK);
        workflow = new WorkflowService(db, CaseloadServiceTest.CLOCK);
        calendar = new CalendarExport(
                new TodayService(db, CaseloadServiceTest.CLOCK, workflow),
                new AuditService(db, CaseloadServiceTest.CLOCK));
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
        var draft = workflow.draft(enrolment.id(), false);
        workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        workflow.addActivity(draft.id(), TestDrafts.workTraining(TODAY));
        workflow.approve(draft.id(), "Omar Farah", TODAY);
    }

    @AfterEach
    void close() {
        db.close();
    }

    Meeting plan(LocalDate on) {
        return workflow.recordMeeting(
                TestDrafts.meeting(enrolment.id(), on.atTime(10, 0), MeetingKind.DESK, MeetingOutcome.PLANNED));
    }

    /** The meeting's outcome: it is no longer planned. */
    void missed(Meeting planned) {
        workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                planned.id(),
                planned.at(),
                MeetingKind.DESK,
                null,
                MeetingOutcome.NOT_ATTENDED,
                null,
                false,
                "Kom inte",
                null,
                TODAY,
                TODAY));
    }

    @Test
    void theMeetingsStillPlannedGoToAFileACalendarOpens() throws IOException {
        Meeting tomorrow = plan(TODAY.plusDays(1));
        Meeting thisMorning = plan(TODAY);
        missed(thisMorning);

        var exported = calendar.export(me.id(), dir.resolve("kalender"), ics);

        assertEquals(dir.resolve("kalender.ics"), exported.file(), "a name without .ics is given it");
        assertEquals(1, exported.meetings(), "a meeting with an outcome is not in the calendar");
        String written = Files.readString(exported.file());
        assertTrue(written.contains(tomorrow.id().toString()));
        assertFalse(written.contains(thisMorning.id().toString()));
        assertFalse(written.contains("Warsame"), "the calendar leaves the program: no names");
    }

    @Test
    void aMeetingEnteredInErrorIsNotInTheCalendar() throws IOException {
        Meeting kept = plan(TODAY.plusDays(1));
        Meeting wrong = plan(TODAY.plusDays(2));
        workflow.voidMeeting(wrong.id(), "Fel deltagare", me.id());

        var exported = calendar.export(me.id(), dir.resolve("kalender.ics"), ics);

        assertEquals(1, exported.meetings());
        String written = Files.readString(exported.file());
        assertTrue(written.contains(kept.id().toString()));
        assertFalse(written.contains(wrong.id().toString()));
    }

    @Test
    void aNameEndingInIcsIsKeptAsChosen() throws IOException {
        plan(TODAY.plusDays(1));
        Path chosen = dir.resolve("Möten.ICS");
        assertEquals(chosen, calendar.export(me.id(), chosen, ics).file());
        assertTrue(Files.isRegularFile(chosen));
    }
}
