package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.TODAY;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** The mapping form without a window: problems per field, saving, the unsaved text. */
class MappingViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    MappingViewModel form;

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        form = fx.model.mapping;
        form.select(fx.model.workProperty().get().mapping().get(MappingArea.SWEDISH));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private int jobs() {
        return ((SameThreadTaskRunner) fx.tasks).started();
    }

    @Test
    void aSavedAreaIsStoredCountsAsSettledAndLeavesTheFormClean() {
        assertFalse(fx.model.hasUnsavedWork());
        form.status.set(MappingStatus.DONE);
        form.text.set("SFI kurs D klar");
        form.actors.get(Actor.EMPLOYMENT_SERVICE).set(true);
        assertTrue(form.dirty.isDirty());
        assertTrue(fx.model.hasUnsavedWork());

        form.save();

        var stored = fx.stored().mapping().get(MappingArea.SWEDISH);
        assertEquals(MappingStatus.DONE, stored.status());
        assertEquals("SFI kurs D klar", stored.text());
        assertEquals(TODAY, stored.date(), "settling an area without a date dates it today");
        assertEquals(Set.of(Actor.EMPLOYMENT_SERVICE), stored.actors());
        assertEquals(1, fx.model.workProperty().get().settledAreas(), "the list shows the saved area");
        assertEquals(stored, form.entry.get());
        assertFalse(fx.model.hasUnsavedWork());
        assertEquals(1, fx.changes);
    }

    @Test
    void eachProblemShowsNextToItsFieldAndNothingIsSaved() {
        int stored = fx.stored().mappingHistory().size();
        int started = jobs();
        form.dateUnreadable.set(true);
        form.save();
        assertEquals(EN.get("validation.date"), form.dateProblem.get());
        assertEquals(started, jobs(), "an unreadable date never reaches the service");

        form.dateUnreadable.set(false);
        form.date.set(TODAY.plusDays(1));
        form.actors.get(Actor.OTHER).set(true);
        form.save();
        assertEquals(EN.get("validation.notInFuture"), form.dateProblem.get());
        assertEquals(EN.get("mapping.problem.otherActorName"), form.otherActorsProblem.get());
        assertEquals(stored, fx.stored().mappingHistory().size(), "nothing new stored");
        assertTrue(form.dirty.isDirty(), "the typed values stay");
    }

    @Test
    void aFailingStoreKeepsTheTypedTextAndSaysWhatHappened() {
        form.text.set("Läser på A-nivå");
        fx.breakTheStore();
        form.save();
        assertEquals(EN.get("error.store"), form.problems.errorProperty().get());
        assertEquals("Läser på A-nivå", form.text.get());
        assertTrue(fx.model.hasUnsavedWork());
        assertFalse(form.problems.savingProperty().get(), "the save button works again");
    }

    @Test
    void aReloadKeepsWhatIsTypedInTheAreaShownAndAnotherAreaStartsClean() {
        form.text.set("Utkast");
        fx.model.load();
        assertEquals("Utkast", form.text.get());
        assertTrue(form.dirty.isDirty());

        // Typing back what was there is no change at all.
        form.text.set("");
        assertFalse(form.dirty.isDirty());

        form.text.set("Utkast igen");
        form.select(fx.model.workProperty().get().mapping().get(MappingArea.HEALTH));
        assertEquals("", form.text.get());
        assertFalse(form.dirty.isDirty());
        assertEquals(List.of(), fx.dialogErrors);
    }
}
