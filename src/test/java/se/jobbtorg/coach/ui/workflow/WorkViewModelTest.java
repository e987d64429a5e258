package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.PlanGoal;

/**
 * The work page's model as a whole, without a window: whether anything typed in any of its forms
 * is unsaved, which is what closing the tab, quitting and the idle lock ask about.
 */
class WorkViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    final List<Boolean> told = new ArrayList<>();

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        fx.model.unsavedProperty().addListener((o, old, now) -> told.add(now));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ActivityPlan draft() {
        fx.model.draft(false);
        ActivityPlan draft = fx.model.workProperty().get().currentPlan().orElseThrow();
        fx.model.plan.show(draft);
        return draft;
    }

    @Test
    void aFreshPageHasNothingUnsaved() {
        assertFalse(fx.model.hasUnsavedWork());
        assertFalse(fx.model.unsavedProperty().get());
        assertEquals(
                fx.enrolment.id(), fx.model.workProperty().get().enrolment().id());
        assertEquals(List.of(), fx.dialogErrors);
    }

    @Test
    void eachFormsTypedTextCountsUntilItIsSaved() {
        fx.model.mapping.select(fx.model.workProperty().get().mapping().get(MappingArea.SWEDISH));
        fx.model.mapping.status.set(MappingStatus.DONE);
        assertTrue(fx.model.hasUnsavedWork(), "the mapping");
        fx.model.mapping.save();
        assertFalse(fx.model.hasUnsavedWork());

        draft();
        fx.model.plan.goal.set(PlanGoal.STUDIES);
        assertTrue(fx.model.hasUnsavedWork(), "the plan's goal");
        fx.model.plan.save();
        fx.model.plan.show(fx.model.workProperty().get().currentPlan().orElseThrow());
        assertFalse(fx.model.hasUnsavedWork());

        fx.model.exit.reason.set(ExitReason.UNSUBSIDISED_WORK);
        assertTrue(fx.model.hasUnsavedWork(), "the exit");
        fx.model.exit.save();
        assertFalse(fx.model.hasUnsavedWork());

        fx.model.exitCheck.check.set(ExitCheck.IN_WORK_OR_STUDIES);
        assertTrue(fx.model.hasUnsavedWork(), "the check after the exit");

        // Showing a mapping area flips the property on and off again (MappingViewModel.show sets
        // the fields before it resets the flag), so only the last word is asserted here.
        assertTrue(told.get(told.size() - 1), "the change is told to whoever asks before discarding");
        assertEquals(ExitReason.UNSUBSIDISED_WORK, fx.stored().enrolment().exitReason());
    }

    @Test
    void oneSavedFormLeavesTheOtherOnesTextCounting() {
        fx.model.mapping.select(fx.model.workProperty().get().mapping().get(MappingArea.HEALTH));
        fx.model.mapping.text.set("Väntar på läkarintyg");
        draft();
        fx.model.plan.wishes.set("Vill arbeta med djur");

        fx.model.plan.save();

        assertTrue(fx.model.hasUnsavedWork(), "the mapping's text is still unsaved");
        fx.model.load();
        assertEquals("Väntar på läkarintyg", fx.model.mapping.text.get(), "a reload keeps what is typed");
        assertTrue(fx.model.hasUnsavedWork());
        fx.model.mapping.save();
        assertFalse(fx.model.hasUnsavedWork());
    }

    @Test
    void anOpenDialogsTextCountsUntilItIsClosedAndOnlyThatDialogs() {
        ActivityPlan draft = draft();
        ActivityViewModel first = fx.model.newActivity(draft);
        first.provider.set("Stadsmissionen");
        assertTrue(fx.model.hasUnsavedWork());

        // Another dialog replaces it; closing the old one later must not clear the new one's text.
        ApprovalViewModel second = fx.model.newApproval(draft);
        second.approvedBy.set("Omar Farah, Rinkeby-Kista");
        fx.model.closed(first);
        assertTrue(fx.model.hasUnsavedWork(), "the open dialog's text still counts");

        fx.model.closed(second);
        assertFalse(fx.model.hasUnsavedWork());

        fx.model.exit.note.set("Börjar på lager i januari");
        ActivityViewModel third = fx.model.newActivity(draft);
        fx.model.closed(third);
        assertTrue(fx.model.hasUnsavedWork(), "a closed dialog leaves the page's own forms counting");
    }

    @Test
    void savedChangesReloadThePageAndTellTheCaseload() {
        int before = fx.changes;
        draft();
        assertEquals(before + 1, fx.changes, "a new plan is told so the caseload can refresh");
        assertTrue(fx.model.workProperty().get().currentPlan().isPresent());
        assertEquals(fx.stored(), fx.model.workProperty().get(), "what is shown is what is stored");
    }

    @Test
    void aPageThatCannotBeReadSaysSoOnceAndKeepsWhatIsTyped() {
        fx.model.exit.note.set("Ringt två gånger");
        fx.breakTheStore();

        fx.model.load();

        assertEquals(1, fx.dialogErrors.size());
        assertEquals("Ringt två gånger", fx.model.exit.note.get());
        assertTrue(fx.model.hasUnsavedWork());
    }
}
