package se.jobbtorg.coach.ui.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** The enrolment form without a window, over a real encrypted database. */
class EnrolmentViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Database db;
    CaseloadService caseload;
    CoachService coaches;
    Coach me;
    Participant amina;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final List<Enrolment> saved = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(dir.resolve("enrol.db"), clock, TestPassphrase.get());
        caseload = new CaseloadService(db, clock);
        coaches = new CoachService(db);
        me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        amina = caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false).display(),
                "Amina",
                "Yilmaz",
                null,
                null,
                null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private EnrolmentViewModel form() {
        return new EnrolmentViewModel(caseload, tasks, EN, amina.id(), coaches.coaches(), me);
    }

    private static void fill(EnrolmentViewModel form) {
        form.referringUnit.set("Försörjningsstöd Rinkeby-Kista");
        form.socialSecretary.set("Omar Farah");
        form.targetGroups.get(TargetGroup.UNEMPLOYED).set(true);
    }

    @Test
    void aNewFormIsDatedTodayForTheCoachUsingTheProgram() {
        EnrolmentViewModel form = form();
        assertEquals(TODAY, form.enrolledOn.get());
        assertEquals(me, form.coach.get());
        assertEquals(List.of(me), List.copyOf(form.coaches));
    }

    @Test
    void eachMissingAnswerIsToldAtItsFieldAndNothingIsSaved() {
        EnrolmentViewModel form = form();
        form.enrolledOn.set(TODAY.plusDays(3));
        form.interpreterNeeded.set(true);

        form.save(saved::add, errors::add);

        assertEquals(EN.get("enrolment.problem.future"), form.dateProblem.get());
        assertEquals(EN.get("validation.required"), form.unitProblem.get());
        assertEquals(EN.get("enrolment.problem.targetGroup"), form.targetGroupProblem.get());
        assertEquals(EN.get("enrolment.problem.interpreterLanguage"), form.languageProblem.get());
        assertEquals(0, tasks.started(), "a refused form never reaches the service");
        assertEquals(List.of(), caseload.enrolments(amina.id()));

        form.enrolledOn.set(TODAY);
        form.enrolledOnUnreadable.set(true);
        fill(form);
        form.save(saved::add, errors::add);
        assertEquals(EN.get("validation.date"), form.dateProblem.get(), "a date the picker could not read");
        assertEquals(List.of(), saved);
    }

    @Test
    void eachProblemGoesAsSoonAsItsFieldIsPutRight() {
        EnrolmentViewModel form = form();
        form.enrolledOn.set(TODAY.plusDays(3));
        form.save(saved::add, errors::add);
        assertEquals(EN.get("validation.required"), form.unitProblem.get());

        form.referringUnit.set("Försörjningsstöd Rinkeby-Kista");
        assertEquals("", form.unitProblem.get(), "corrected: gone before the next save");
        assertEquals(EN.get("enrolment.problem.future"), form.dateProblem.get(), "the others stay");
        form.enrolledOn.set(TODAY.plusDays(1));
        assertEquals(EN.get("enrolment.problem.future"), form.dateProblem.get(), "still wrong: still said");
        form.enrolledOn.set(TODAY);
        assertEquals("", form.dateProblem.get());
        form.targetGroups.get(TargetGroup.UNEMPLOYED).set(true);
        assertEquals("", form.targetGroupProblem.get());
        form.referringUnit.set("");
        assertEquals("", form.unitProblem.get(), "no new problem while the coach is typing");
    }

    @Test
    void aGoodFormEnrolsThePersonWithWhatWasChosen() {
        EnrolmentViewModel form = form();
        fill(form);
        form.targetGroups
                .get(TargetGroup.values()[TargetGroup.values().length - 1])
                .set(true);
        form.language.set("somaliska");
        form.interpreterNeeded.set(true);

        form.save(saved::add, errors::add);

        assertEquals(List.of(), errors);
        assertEquals(1, saved.size());
        Enrolment stored = caseload.enrolments(amina.id()).get(0);
        assertEquals(saved.get(0), stored);
        assertEquals(me.id(), stored.coachId());
        assertEquals(TODAY, stored.enrolledOn());
        assertEquals("Försörjningsstöd Rinkeby-Kista", stored.referringUnit());
        assertTrue(stored.targetGroups().containsAll(Set.of(TargetGroup.UNEMPLOYED)));
        assertTrue(stored.isOpen());
    }

    @Test
    void aPersonAlreadyEnrolledIsRefusedAtTheDateAndTheTypedTextStays() {
        EnrolmentViewModel first = form();
        fill(first);
        first.enrolledOn.set(TODAY.minusDays(10));
        first.save(saved::add, errors::add);
        assertEquals(1, saved.size());

        EnrolmentViewModel again = form();
        fill(again);
        again.referringUnit.set("Försörjningsstöd Spånga-Tensta");
        again.save(saved::add, errors::add);

        assertEquals(
                EN.problem(Problem.of(EnrolmentDraft.FIELD_DATE, "enrolment.problem.alreadyOpen", TODAY.minusDays(10))),
                again.dateProblem.get());
        assertEquals(1, saved.size());
        assertEquals(1, caseload.enrolments(amina.id()).size());
        assertEquals("Försörjningsstöd Spånga-Tensta", again.referringUnit.get());
        assertEquals(List.of(), errors, "a refusal is shown at the field, not in a dialog");
    }
}
