package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityPlan;

/** The plan's PDF without a window: the bar goes to the end, and a file that fails is named. */
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
}
