package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;

class CaseloadServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Database db;
    CaseloadService service;
    Coach me;
    Coach colleague;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("caseload.db"), CLOCK, TestPassphrase.get());
        service = new CaseloadService(db, CLOCK);
        CoachService coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        colleague = coaches.addCoach("Karim Haddad", "Jobbtorg Kista");
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String number(int year, int month, int day, int serial) {
        return PersonalIdentityNumber.of(LocalDate.of(year, month, day), serial, false)
                .display();
    }

    Participant register(String first, String last, String number) {
        return service.register(new ParticipantDraft(number, first, last, null, null, null));
    }

    Enrolment enrol(Participant p, Coach coach, LocalDate on) {
        return service.enrol(new EnrolmentDraft(
                p.id(),
                coach.id(),
                on,
                "Försörjningsstöd Rinkeby-Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                "somaliska",
                true));
    }

    List<String> names(List<CaseloadEntry> entries) {
        return entries.stream().map(e -> e.participant().listName()).toList();
    }

    @Test
    void anInvalidNumberIsRefusedWithItsReasonAndNothingIsSaved() {
        var refused = assertThrows(ValidationException.class, () -> register("Anna", "Berg", "19850312-1235"));
        assertEquals(
                List.of(Problem.of(ParticipantDraft.FIELD_NUMBER, "pin.problem.WRONG_CHECK_DIGIT")),
                refused.problems());
        assertEquals(0, service.participantCount());
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        var refused = assertThrows(
                ValidationException.class,
                () -> service.register(new ParticipantDraft("", " ", null, null, "not-an-address", null)));
        assertEquals(
                Set.of(
                        ParticipantDraft.FIELD_NUMBER,
                        ParticipantDraft.FIELD_FIRST_NAME,
                        ParticipantDraft.FIELD_LAST_NAME,
                        ParticipantDraft.FIELD_EMAIL),
                Set.copyOf(refused.problems().stream().map(Problem::field).toList()));
    }

    @Test
    void aValidNumberInAnyFormIsSavedInItsNormalForm() {
        String display = number(1985, 3, 12, 123);
        Participant p = register(" Anna ", "Berg", display.substring(2).replace("-", ""));
        assertEquals(display.replace("-", ""), p.personalNumber().normalised());
        assertEquals("Anna", p.firstName(), "surrounding spaces are dropped");
        assertEquals(p, service.participant(p.id()).orElseThrow());
    }

    @Test
    void theSameNumberCannotBeRegisteredTwice() {
        String n = number(1990, 1, 2, 55);
        register("Ali", "Hassan", n);
        var refused = assertThrows(ValidationException.class, () -> register("Ali", "Hasan", n.replace("-", "")));
        assertEquals("participant.problem.duplicate", refused.problems().get(0).messageKey());
        assertEquals(1, service.participantCount());
    }

    @Test
    void anEnrolledParticipantIsFoundByPartOfTheNameOrTheNumber() {
        Participant anna = register("Anna-Karin", "Öberg", number(1985, 3, 12, 123));
        register("Johan", "Andersson", number(1979, 7, 1, 42));
        enrol(anna, me, TODAY.minusDays(3));
        String n = anna.personalNumber().normalised();

        for (String query : List.of(
                "öbe",
                "ÖBERG",
                "karin",
                "anna-k",
                "anna öb",
                n.substring(0, 8),
                n.substring(2, 8),
                n.substring(8),
                anna.personalNumber().display(),
                n.substring(2, 6) + "-")) {
            assertEquals(List.of("Öberg, Anna-Karin"), names(service.caseload(null, query)), query);
        }
        assertEquals(List.of(), names(service.caseload(null, "berg anna x")));
        assertEquals(List.of(), names(service.caseload(null, "oberg")), "ö is its own letter in Swedish");
    }

    @Test
    void myCaseloadHoldsMyOpenEnrolmentsOnlyAndEveryoneIsInTheWholeList() {
        Participant mine = register("Sara", "Nilsson", number(1992, 5, 5, 1));
        Participant theirs = register("Erik", "Larsson", number(1988, 8, 8, 2));
        Participant waiting = register("Hodan", "Warsame", number(1999, 9, 9, 3));
        enrol(mine, me, TODAY.minusDays(10));
        enrol(theirs, colleague, TODAY.minusDays(20));

        assertEquals(List.of("Nilsson, Sara"), names(service.caseload(me.id(), "")));
        assertEquals(List.of("Larsson, Erik"), names(service.caseload(colleague.id(), null)));
        List<CaseloadEntry> all = service.caseload(null, "");
        assertEquals(List.of("Larsson, Erik", "Nilsson, Sara", "Warsame, Hodan"), names(all));
        CaseloadEntry sara = all.get(1);
        assertEquals("Linnea Ek", sara.coachName());
        assertEquals(10, sara.latestEnrolment().daysEnrolled(TODAY));
        assertTrue(all.get(2).enrolment().isEmpty(), waiting.listName() + " is not enrolled");
    }

    @Test
    void namesAreInSwedishOrderWithÅÄÖLast() {
        int serial = 10;
        for (String last : List.of("Östlund", "Andersson", "Ärlebrand", "Zetterberg", "Åkesson", "Ekström", "Éclair")) {
            register("Test", last, number(1980, 1, 1, serial++));
        }
        assertEquals(
                List.of("Andersson", "Éclair", "Ekström", "Zetterberg", "Åkesson", "Ärlebrand", "Östlund"),
                service.caseload(null, "").stream()
                        .map(e -> e.participant().lastName())
                        .toList());
    }

    @Test
    void aPersonCanComeBackAndEveryEnrolmentIsShownNewestFirst() {
        Participant p = register("Yusuf", "Abdi", number(1975, 12, 24, 9));
        Enrolment first = enrol(p, me, LocalDate.of(2024, 2, 1));
        // the exit workflow arrives with the next issue; here the earlier enrolment ended in the data
        db.write(tx -> new EnrolmentRepository(db)
                .save(
                        tx,
                        new Enrolment(
                                first.id(),
                                p.id(),
                                me.id(),
                                first.enrolledOn(),
                                first.referringUnit(),
                                first.socialSecretary(),
                                first.targetGroups(),
                                first.language(),
                                first.interpreterNeeded(),
                                LocalDate.of(2024, 9, 30),
                                ExitReason.UNSUBSIDISED_WORK)));
        Enrolment second = enrol(p, colleague, LocalDate.of(2026, 10, 1));

        List<Enrolment> history = service.enrolments(p.id());
        assertEquals(
                List.of(second.id(), first.id()),
                history.stream().map(Enrolment::id).toList());
        assertEquals(LocalDate.of(2024, 9, 30), history.get(1).exitedOn());
        assertEquals(List.of("Abdi, Yusuf"), names(service.caseload(colleague.id(), "")));
        assertEquals(List.of(), names(service.caseload(me.id(), "")), "the earlier coach no longer has them");
    }

    @Test
    void anOpenEnrolmentBlocksASecondOne() {
        Participant p = register("Fatima", "Ali", number(1983, 6, 15, 7));
        enrol(p, me, TODAY.minusDays(30));
        var refused = assertThrows(ValidationException.class, () -> enrol(p, me, TODAY));
        assertEquals("enrolment.problem.alreadyOpen", refused.problems().get(0).messageKey());
        assertEquals(1, service.enrolments(p.id()).size());
    }

    @Test
    void enrolmentProblemsAreAllNamedAndNothingIsSaved() {
        Participant p = register("Peter", "Persson", number(1970, 4, 4, 4));
        var refused = assertThrows(
                ValidationException.class,
                () -> service.enrol(
                        new EnrolmentDraft(p.id(), me.id(), TODAY.plusDays(1), " ", null, Set.of(), "", true)));
        assertEquals(
                List.of(
                        "enrolment.problem.future",
                        "validation.required",
                        "enrolment.problem.targetGroup",
                        "enrolment.problem.interpreterLanguage"),
                refused.problems().stream().map(Problem::messageKey).toList());
        assertTrue(service.enrolments(p.id()).isEmpty());
    }

    @Test
    void theDemoCaseloadIsTheSameForTheSameSeedAndValid() {
        var summary = new DemoCaseload(db, CLOCK).populate(7, 40, me);
        assertEquals(40, summary.participants());
        assertEquals(40, service.participantCount());
        List<CaseloadEntry> all = service.caseload(null, "");
        assertTrue(summary.enrolments() > 40, "some people came back");
        assertTrue(all.stream().allMatch(e -> e.enrolment().isPresent()));
        assertTrue(service.caseload(me.id(), "").size() > 10, "most of them are mine");

        Path other = dir.resolve("other.db");
        try (Database second = Database.open(other, CLOCK, TestPassphrase.get())) {
            Coach coach = new CoachService(second).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new DemoCaseload(second, CLOCK).populate(7, 40, coach);
            assertEquals(names(all), names(new CaseloadService(second, CLOCK).caseload(null, "")));
        }
        UUID any = all.get(0).participant().id();
        assertTrue(service.participant(any).isPresent());
    }
}
