package se.jobbtorg.coach.ui.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;
import se.jobbtorg.coach.ui.caseload.CaseloadViewModel;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** The registration form without a window, over a real encrypted database. */
class RegistrationViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);

    @TempDir
    Path dir;

    Database db;
    CaseloadService caseload;
    Coach me;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final List<Participant> saved = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(dir.resolve("reg.db"), clock, TestPassphrase.get());
        caseload = new CaseloadService(db, clock);
        me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String number(int year, int serial) {
        return PersonalIdentityNumber.of(LocalDate.of(year, 3, 12), serial, false)
                .display();
    }

    private RegistrationViewModel form(String number, String first, String last) {
        RegistrationViewModel form = new RegistrationViewModel(caseload, tasks, EN);
        form.personalNumber.set(number);
        form.firstName.set(first);
        form.lastName.set(last);
        return form;
    }

    @Test
    void phoneAndEmailAreCheckedOnLeavingAndTheirProblemsGoWhenCorrected() {
        RegistrationViewModel form = form(number(1985, 123), "Amina", "Yilmaz");
        form.phone.set("ring mig");
        form.checkOnLeaving(ParticipantDraft.FIELD_PHONE);
        assertEquals(EN.get("validation.phone"), form.phoneProblem.get(), "said on leaving, not only at saving");
        form.email.set("amina@");
        form.checkOnLeaving(ParticipantDraft.FIELD_EMAIL);
        assertEquals(EN.get("validation.email"), form.emailProblem.get());

        form.phone.set("070-123 45 67");
        assertEquals("", form.phoneProblem.get(), "corrected: gone at once");
        form.email.set("amina@example.se");
        assertEquals("", form.emailProblem.get());

        form.lastName.set("");
        form.checkOnLeaving(ParticipantDraft.FIELD_LAST_NAME);
        assertEquals("", form.lastNameProblem.get(), "an empty field is said at saving, not on the way to it");
        form.save(saved::add, errors::add);
        assertEquals(EN.get("validation.required"), form.lastNameProblem.get());
        form.lastName.set("Yilmaz");
        assertEquals("", form.lastNameProblem.get());
    }

    @Test
    void aWrongCheckDigitIsRefusedNextToTheFieldAndTheTypedTextStays() {
        String good = number(1985, 123);
        char last = good.charAt(good.length() - 1);
        String typo = good.substring(0, good.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        RegistrationViewModel form = form(typo, "Amina", "Yilmaz");
        form.phone.set("070-123 45 67");

        form.checkNumber();
        assertEquals(EN.get("pin.problem.WRONG_CHECK_DIGIT"), form.numberProblem.get());
        form.save(saved::add, errors::add);

        assertEquals(EN.get("pin.problem.WRONG_CHECK_DIGIT"), form.numberProblem.get());
        assertEquals(0, tasks.started(), "a refused form never reaches the service");
        assertEquals(0, caseload.participantCount());
        assertEquals(typo, form.personalNumber.get());
        assertEquals("Amina", form.firstName.get());
        assertEquals("070-123 45 67", form.phone.get());
        assertEquals(List.of(), errors);

        form.personalNumber.set(good);
        assertEquals("", form.numberProblem.get(), "the problem goes as soon as the number is right");
    }

    @Test
    void aMissingNameAndAShortNumberAreEachToldAtTheirField() {
        RegistrationViewModel form = form("850312", "", "Yilmaz");

        form.save(saved::add, errors::add);

        assertEquals(EN.get("pin.problem.WRONG_LENGTH"), form.numberProblem.get());
        assertEquals(EN.get("validation.required"), form.firstNameProblem.get());
        assertEquals("", form.lastNameProblem.get());
        assertEquals(List.of(), saved);
    }

    @Test
    void aNumberAlreadyRegisteredIsRefusedAndNothingNewIsSaved() {
        String taken = number(1990, 388);
        form(taken, "Amina", "Yilmaz").save(saved::add, errors::add);
        assertEquals(1, saved.size());

        // The same person typed the short way, by another coach's hand.
        RegistrationViewModel again = form(taken.substring(2).replace("-", ""), "Amina", "Yilmas");
        again.save(saved::add, errors::add);

        assertEquals(EN.get("participant.problem.duplicate"), again.numberProblem.get());
        assertEquals(1, saved.size());
        assertEquals(1, caseload.participantCount());
        assertEquals("Yilmas", again.lastName.get());
        assertEquals(List.of(), errors, "a refusal is shown at the field, not in a dialog");
    }

    @Test
    void aGoodNumberIsTidiedSavedAndTheCaseloadListsEveryoneInSwedishOrder() {
        RegistrationViewModel tidy = form("8503121238", "x", "y");
        String shortForm = number(1985, 123).substring(2).replace("-", "");
        tidy.personalNumber.set(shortForm);
        tidy.tidyNumber();
        assertEquals(number(1985, 123), tidy.personalNumber.get(), "shown in its display form");

        String[][] people = {
            {"Örjan", "Öberg"}, {"Åsa", "Åkesson"}, {"Zara", "Zetterlund"}, {"Ärla", "Ängström"}, {"Erik", "Andersson"}
        };
        int serial = 100;
        for (String[] p : people) {
            form(number(1980, serial += 11), p[0], p[1]).save(saved::add, errors::add);
        }
        assertEquals(List.of(), errors);
        assertEquals(5, saved.size());
        assertEquals("Örjan", saved.get(0).firstName());

        CaseloadViewModel list = new CaseloadViewModel(caseload, me::id, tasks, errors::add);
        list.scopeProperty().set(CaseloadViewModel.Scope.ALL);
        assertEquals(
                List.of("Andersson, Erik", "Zetterlund, Zara", "Åkesson, Åsa", "Ängström, Ärla", "Öberg, Örjan"),
                list.rows().stream().map(CaseloadRow::name).toList(),
                "å, ä and ö come after z");
    }

    @Test
    void editingAPersonChangesTheirDetailsAndKeepsTheirNumber() {
        form(number(1990, 388), "Amina", "Yilmaz").save(saved::add, errors::add);
        Participant amina = saved.get(0);

        RegistrationViewModel edit = RegistrationViewModel.forEditing(caseload, tasks, EN, amina);
        assertTrue(edit.isEditing());
        assertEquals("Amina", edit.firstName.get());
        edit.phone.set("08-508 000 00");
        edit.save(saved::add, errors::add);

        assertEquals(List.of(), errors);
        Participant stored = caseload.participant(amina.id()).orElseThrow();
        assertEquals("08-508 000 00", stored.phone());
        assertEquals(amina.personalNumber(), stored.personalNumber());
        assertEquals(1, caseload.participantCount(), "an edit is no new person");
    }
}
