package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CoachService;

/**
 * The plan's PDF without a window: the bar goes to the end, a file that fails is named, and a
 * meeting entered in error is not on the paper.
 */
class PlanPrintTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    WorkViewModel model;
    ActivityPlan draft;
    final List<Path> failedFiles = new ArrayList<>();
    final List<Throwable> otherFailures = new ArrayList<>();
    final List<Path> printed = new ArrayList<>();
    final List<Double> shown = new ArrayList<>();

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        model = new WorkViewModel(
                fx.services, EN, otherFailures::add, (file, e) -> failedFiles.add(file), fx.enrolment.id());
        model.load();
        model.draft(false);
        draft = model.workProperty().get().currentPlan().orElseThrow();
        model.printing().progressProperty().addListener((o, old, now) -> shown.add(now.doubleValue()));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void thePlanIsWrittenAndTheBarEndsFull() throws Exception {
        Path file = dir.resolve("plan.pdf");

        model.printPlan(draft, file, printed::add);

        assertEquals(List.of(file), printed);
        assertTrue(Files.size(file) > 0);
        assertTrue(shown.stream().anyMatch(p -> p > 0 && p < 1), "the bar stops on the way: " + shown);
        assertEquals(1.0, shown.get(shown.size() - 1));
        assertFalse(model.printing().isRunning(), "the print button comes back");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x").resolve("plan.pdf");

        model.printPlan(draft, file, printed::add);

        assertEquals(List.of(file), failedFiles);
        assertEquals(List.of(), otherFailures);
        assertEquals(List.of(), printed);
        assertFalse(model.printing().isRunning());
    }

    @Test
    void aMeetingEnteredInErrorIsNotOnThePaper() throws Exception {
        List<Meeting> saved = new ArrayList<>();
        for (String time : List.of("10:00", "14:30")) {
            MeetingViewModel plan = model.newMeeting(null, MeetingOutcome.PLANNED);
            plan.date.set(WorkFixture.TODAY.plusDays(5));
            plan.time.set(time);
            plan.save(saved::add);
        }
        VoidViewModel wrong = model.newVoid(EntryVoid.Kind.MEETING, saved.get(0).id());
        wrong.reason.set("Dubbelbokad");
        wrong.save(v -> {});
        Path file = dir.resolve("plan.pdf");

        model.printPlan(draft, file, printed::add);

        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("14:30"), text);
        assertFalse(text.contains("10:00"), "the voided meeting is left out: " + text);
    }

    /**
     * The paper names the person's coach with the unit's address from the city's list; the
     * user's own phone and e-mail only on a plan of the user's caseload, never on a colleague's.
     * The person's language, as the enrolment has it, adds the plan's pages in it.
     */
    @Test
    void thePaperCarriesTheCoachsContactAndThePersonsLanguage() throws Exception {
        CoachService coaches = fx.services.coaches();
        coaches.setContact(new CoachContact("08-508 123 45", "linnea.ek@example.se"));
        Coach colleague = coaches.addCoach("Sanna Berg", "Jobbtorg Kista");
        Path mine = printFor("Hodan", "Warsame", coaches.currentCoach().orElseThrow(), "somaliska");
        Path theirs = printFor("Karim", "Haddad", colleague, "arabiska");

        String myPlan = text(mine);
        assertTrue(
                myPlan.contains("Telefon: 08-508 123 45") && myPlan.contains("E-post: linnea.ek@example.se"), myPlan);
        assertTrue(myPlan.contains("Jobbtorg Kista, Exempelgatan 1, 164 40 Kista"), myPlan);
        assertTrue(myPlan.contains("Qorshaha hawlaha ee Hodan Warsame"), "the Somali pages follow: " + myPlan);
        assertTrue(myPlan.contains("Aktivitetsplan för Hodan Warsame"), myPlan);

        String theirPlan = text(theirs);
        assertTrue(theirPlan.contains("Sanna Berg"), theirPlan);
        assertFalse(
                theirPlan.contains("08-508 123 45") || theirPlan.contains("linnea.ek"),
                "not the user's own: " + theirPlan);
        assertTrue(theirPlan.contains("Aktivitetsplan för Karim Haddad"), theirPlan);
        assertTrue(
                Normalizer.normalize(theirPlan, Normalizer.Form.NFKC).contains("واجبك في المشاركة"),
                "the Arabic pages follow: " + theirPlan);
    }

    @Test
    void thePrintoutIsNamedByTheInitialsAndTheDay() {
        model.setParticipantName(() -> "Åsa Öberg-Lind");
        assertEquals("Activity plan ÅÖL 2026-11-24.pdf", model.printoutName());
        assertEquals("DP", WorkViewModel.initials("Dragan  Petrović"));
    }

    private Path printFor(String given, String family, Coach coach, String language) {
        Participant person = fx.caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1988, 3, 14), 100 + given.charAt(0), false)
                        .display(),
                given,
                family,
                null,
                null,
                null));
        Enrolment enrolment = fx.caseload.enrol(new EnrolmentDraft(
                person.id(),
                coach.id(),
                WorkFixture.TODAY.minusDays(10),
                "Försörjningsstöd Rinkeby-Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                language,
                false));
        WorkViewModel work = new WorkViewModel(fx.services, EN, otherFailures::add, enrolment.id());
        work.load();
        work.draft(false);
        Path file = dir.resolve(given + ".pdf");
        work.printPlan(work.workProperty().get().currentPlan().orElseThrow(), file, printed::add);
        assertEquals(List.of(), otherFailures);
        return file;
    }

    private static String text(Path file) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
