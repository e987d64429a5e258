package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;

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
}
