package se.jobbtorg.coach.ui.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** The caseload list without a window: whose people it shows and what a search finds. */
class CaseloadViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Database db;
    CaseloadService caseload;
    CoachService coaches;
    Coach me;
    Coach colleague;
    Participant amina;
    CaseloadViewModel list;
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(dir.resolve("caseload.db"), clock, TestPassphrase.get());
        caseload = new CaseloadService(db, clock);
        coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        colleague = coaches.addCoach("Jonas Berg", "Jobbtorg Kista");
        amina = person(1990, 388, "Amina", "Yilmaz", me);
        person(1984, 512, "Jonas", "Åberg", me);
        person(1979, 604, "Yusuf", "Yildiz", colleague);
        person(2001, 230, "Sara", "Lind", null);
        list = new CaseloadViewModel(caseload, me::id, new SameThreadTaskRunner(), errors::add);
        list.setCoachList(coaches::coaches);
        list.refresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Participant person(int year, int serial, String first, String last, Coach coach) {
        Participant p = caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(year, 4, 2), serial, false)
                        .display(),
                first,
                last,
                null,
                null,
                null));
        if (coach != null) {
            caseload.enrol(new EnrolmentDraft(
                    p.id(),
                    coach.id(),
                    TODAY.minusDays(30),
                    "Försörjningsstöd Rinkeby-Kista",
                    "Omar Farah",
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false));
        }
        return p;
    }

    private List<String> names() {
        return list.rows().stream().map(CaseloadRow::name).toList();
    }

    @Test
    void myCaseloadShowsMyEnrolledPeopleWithTheirDays() {
        assertEquals(List.of("Yilmaz, Amina", "Åberg, Jonas"), names());
        CaseloadRow row = list.rows().get(0);
        assertEquals(amina.personalNumber().display(), row.number());
        assertEquals(30L, row.daysEnrolled());
        assertEquals(CaseloadRow.Status.OPEN, row.status());
        assertEquals("Linnea Ek", row.coach());
        assertFalse(list.limitedProperty().get());
        assertEquals(List.of(), errors);
    }

    @Test
    void aSearchThatFindsMoreThanAPageShowsThePageAndAsksForMore() {
        // One more Ekström than a search shows.
        for (int i = 0; i <= CaseloadService.SEARCH_LIMIT; i++) {
            person(1960 + i % 40, 100 + i, "Person" + i, "Ekström", null);
        }
        list.scopeProperty().set(CaseloadViewModel.Scope.ALL);
        list.queryProperty().set("ekström");
        assertEquals(CaseloadService.SEARCH_LIMIT, list.rows().size());
        assertTrue(list.limitedProperty().get());
        assertTrue(list.searchedProperty().get());
        // The whole list is not a search: its page is longer, and all 105 people are on it.
        list.queryProperty().set("");
        assertEquals(CaseloadService.SEARCH_LIMIT + 5, list.rows().size());
        assertFalse(list.limitedProperty().get());
        assertFalse(list.searchedProperty().get());
        assertEquals(List.of(), errors);
    }

    @Test
    void allShowsEveryoneRegisteredAlsoThoseNotEnrolled() {
        list.scopeProperty().set(CaseloadViewModel.Scope.ALL);

        assertEquals(List.of("Lind, Sara", "Yildiz, Yusuf", "Yilmaz, Amina", "Åberg, Jonas"), names());
        CaseloadRow sara = list.rows().get(0);
        assertEquals(CaseloadRow.Status.NOT_ENROLLED, sara.status());
        assertNull(sara.daysEnrolled());
    }

    @Test
    void aNameFragmentFindsThePeopleAsTheCoachTypes() {
        list.scopeProperty().set(CaseloadViewModel.Scope.ALL);

        list.queryProperty().set("yil");
        assertEquals(List.of("Yildiz, Yusuf", "Yilmaz, Amina"), names());
        list.queryProperty().set("yilm");
        assertEquals(List.of("Yilmaz, Amina"), names());
        list.queryProperty().set("åb");
        assertEquals(List.of("Åberg, Jonas"), names());
        list.queryProperty().set("");
        assertEquals(4, names().size(), "an empty search shows everyone again");
    }

    @Test
    void theLastFourDigitsFindThePerson() {
        String display = amina.personalNumber().display();

        list.queryProperty().set(display.substring(display.length() - 4));

        assertEquals(List.of("Yilmaz, Amina"), names());
    }

    @Test
    void aTeamLeadCanLookAtOneColleaguesCaseload() {
        assertEquals(List.of(colleague), list.otherCoaches());

        list.coachFilterProperty().set(colleague);
        assertEquals(List.of("Yildiz, Yusuf"), names());

        list.coachFilterProperty().set(null);
        assertEquals(List.of("Yilmaz, Amina", "Åberg, Jonas"), names(), "back to mine");
    }
}
