package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * A package opened from the file manager: the window goes to the sync screen with the package
 * named and ready, and it comes in only when the coach presses the one button.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OfferedPackageUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private Path offered;

    @Start
    void start(Stage stage) throws Exception {
        long run = System.nanoTime();
        context = AppContext.open(dir.resolve("here-" + run + ".db"), NOW, TestPassphrase.get());
        var me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        // A colleague's laptop, with one participant, sends a package as a mail attachment.
        try (Database other = Database.open(dir.resolve("there-" + run + ".db"), NOW, TestPassphrase.get())) {
            new CoachService(other).setCurrentCoach("Karim Haddad", "Jobbtorg Kista");
            new CaseloadService(other, NOW)
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1988, 2, 3), 234, false)
                                    .display(),
                            "Sara",
                            "Olsson",
                            null,
                            null,
                            "Rinkeby-Kista"));
            offered = dir.resolve("karim-" + run + ".caseload.zip");
            SyncService there = new SyncService(other, NOW, () -> "Karim Haddad");
            // Colleagues in one team: each laptop admitted the other after comparing fingerprints.
            TestTeam.admitEachOther(context.ui().sync(), there);
            there.exportSnapshot(offered, p -> {});
        }
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void anOpenedPackageWaitsOnTheSyncScreenUntilTheCoachImportsIt(FxRobot robot) throws Exception {
        assertEquals(0, context.caseload().participantCount());
        robot.interact(() -> window.offerPackage(offered));
        Ui.waitFor(() -> Ui.showing(robot, "#syncOffered"));
        assertTrue(robot.lookup("#syncOffered .label")
                .queryLabeled()
                .getText()
                .contains(offered.getFileName().toString()));
        assertEquals(0, context.caseload().participantCount(), "nothing comes in before the coach says so");
        Ui.shot(robot, "#syncOffered", "sync-offered");

        robot.clickOn("#syncImportOffered");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 1 && !Ui.showing(robot, "#syncOffered"));
        assertEquals(1, context.caseload().participantCount());
    }
}
