package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.retention.RetentionViewModel;

/**
 * A team lead opens Arkiv → Gallring, sees the one person whose last entry is more than five
 * years old, is asked before anything is deleted (Cancel keeps her), and deletes her for good.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RetentionUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));

    @TempDir
    static Path dir;

    private AppContext lead;
    private Participant old;
    private Participant recent;

    @Start
    void start(Stage stage) {
        TestClock clock = new TestClock(Instant.parse("2019-05-06T08:00:00Z"));
        lead = AppContext.open(dir.resolve("lead-" + System.nanoTime() + ".db"), clock, TestPassphrase.get());
        Coach me = lead.coaches().begin("Gunilla Lind", "Jobbtorg Kista", Role.TEAM_LEAD);
        old = lead.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1961, 1, 5), 112, false)
                                .display(),
                        "Östen",
                        "Åberg",
                        null,
                        null,
                        null));
        clock.advance(Duration.ofDays(365 * 7));
        recent = lead.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1990, 2, 3), 120, false)
                                .display(),
                        "Nora",
                        "Berg",
                        null,
                        null,
                        null));
        Ui.showMain(stage, lead, new MainWindow(stage, lead.ui(), SV, me, Role.TEAM_LEAD, () -> {}));
    }

    @AfterEach
    void close() {
        lead.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RetentionViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#retentionTable").queryAs(TableView.class);
    }

    @Test
    void theTeamLeadSeesWhoIsPastRetentionIsAskedAndDeletes(FxRobot robot) throws Exception {
        robot.clickOn(SV.get("menu.file").replace("_", ""));
        robot.clickOn(SV.get("menu.file.retention").replace("_", ""));
        Ui.waitFor(() -> Ui.rows(robot, "#retentionTable") == 1);
        RetentionViewModel.Row row = table(robot).getItems().get(0);
        assertEquals("Åberg, Östen", row.name());
        assertEquals(old.personalNumber().display(), row.number());
        assertEquals("2019-05-06", row.lastEntry());
        assertTrue(
                Ui.text(robot, "#retentionSummary").startsWith("1 aspirant har"), Ui.text(robot, "#retentionSummary"));

        // Asked first; the safe answer keeps everything.
        robot.clickOn("#retentionDelete");
        Ui.waitFor(() -> Ui.showing(robot, "#confirmDialog"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, "#confirmDialog"));
        assertEquals(1, Ui.rows(robot, "#retentionTable"), "Enter is the safe answer: nothing deleted");

        robot.clickOn("#retentionDelete");
        Ui.waitFor(() -> Ui.showing(robot, "#confirmYes"));
        robot.clickOn("#confirmYes");
        Ui.waitFor(() -> Ui.showing(robot, ".dialog-pane") && !Ui.showing(robot, "#confirmDialog"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.rows(robot, "#retentionTable") == 0);
        Ui.shot(robot, "#retentionTable", "retention-after");
        assertFalse(lead.caseload().participant(old.id()).isPresent(), "gone for good");
        assertTrue(lead.caseload().participant(recent.id()).isPresent(), "the recent one stays");
    }
}
