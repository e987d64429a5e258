package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import javafx.scene.control.TableView;
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
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.sync.SyncViewModel;

/**
 * A coach's window after an exchange holds her caseload only: the team lead gives one of her two
 * people to a colleague, she imports the lead's package from the folder, the result says a case
 * left her computer, and her caseload list shows the one person still hers.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NeedToKnowUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock HERE = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final Clock LEAD = Clock.fixed(Instant.parse("2026-11-24T10:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private Database lead;
    private Participant amina;
    private Participant bo;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        long run = System.nanoTime();
        context = AppContext.open(dir.resolve("linnea-" + run + ".db"), HERE, TestPassphrase.get());
        Coach me = context.coaches().begin("Linnea Ek", "Jobbtorg Kista", Role.COACH);
        amina = enrolled(context.caseload(), me, "Amina", "Yusuf", 382);
        bo = enrolled(context.caseload(), me, "Bo", "Ekström", 236);

        // The lead's laptop: her package reaches it; the lead gives Bo to Karim.
        lead = Database.open(dir.resolve("gunilla-" + run + ".db"), LEAD, TestPassphrase.get());
        CoachService leadCoaches = new CoachService(lead);
        leadCoaches.begin("Gunilla Lind", "Jobbtorg Kista", Role.TEAM_LEAD);
        Coach karim = leadCoaches.addCoach("Karim Haddad", "Jobbtorg Kista");
        SyncService leadSync = new SyncService(lead, LEAD, () -> "Gunilla Lind");
        SyncService mine = context.ui().sync();
        TestTeam.admitEachOther(mine, leadSync);
        folder = Files.createDirectories(dir.resolve("usb-" + run));
        Path toLead = folder.resolve("to-lead.caseload.zip");
        mine.exportFor(null, toLead, p -> {});
        leadSync.importPackage(toLead, false, p -> {});
        Files.delete(toLead);
        CaseloadService leadCaseload = new CaseloadService(lead, LEAD);
        Enrolment bosEnrolment = leadCaseload.enrolments(bo.id()).get(0);
        leadCaseload.reassign(bosEnrolment.id(), karim.id());
        leadSync.exportFor(mine.deviceId(), folder.resolve(leadSync.packageName("Gunilla Lind")), p -> {});

        MainWindow window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    private static Participant enrolled(CaseloadService caseload, Coach coach, String first, String last, int serial) {
        Participant p = caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1991, 4, 17), serial, false)
                        .display(),
                first,
                last,
                null,
                null,
                null));
        caseload.enrol(new EnrolmentDraft(
                p.id(),
                coach.id(),
                LocalDate.of(2026, 11, 2),
                "Försörjningsstöd Rinkeby-Kista",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false));
        return p;
    }

    @AfterEach
    void close() {
        context.close();
        lead.close();
    }

    @Test
    void afterTheLeadsPackageHerComputerHoldsOnlyHerCaseload(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 2);

        robot.clickOn("#navSync");
        Ui.waitFor(() -> Ui.showing(robot, "#syncFolder"));
        robot.clickOn("#syncFolder").write(folder.toString());
        robot.clickOn("#syncImportFolder");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 1);
        @SuppressWarnings("unchecked")
        TableView<SyncViewModel.Outcome> outcomes =
                robot.lookup("#syncOutcomes").queryAs(TableView.class);
        String result = outcomes.getItems().get(0).result();
        assertTrue(result.contains(SV.get("sync.result.released", 1)), result);
        Ui.shot(robot, "#syncOutcomes", "need-to-know-released");

        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 1);
        assertTrue(context.caseload().participant(amina.id()).isPresent(), "Amina is still hers");
        assertFalse(context.caseload().participant(bo.id()).isPresent(), "Bo is Karim's now: not on her computer");
        assertEquals(1, new CaseloadService(lead, LEAD).enrolments(bo.id()).size(), "the lead still has him");
        Ui.shot(robot, "#caseloadTable", "need-to-know-caseload");
    }
}
