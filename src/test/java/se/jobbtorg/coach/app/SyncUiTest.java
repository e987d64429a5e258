package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.sync.SyncViewModel;

/**
 * Two laptops, each with its own database, exchange packages through a folder. Both change
 * Amina's phone number offline; the coach in the window imports, sees the conflict with both
 * versions, picks hers, and the decision travels back.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SyncUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock HERE = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final Clock THERE =
            Clock.fixed(Instant.parse("2026-11-24T10:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private Database other;
    private CaseloadService otherCaseload;
    private SyncService otherSync;
    private Participant amina;
    private Path folder;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        long run = System.nanoTime();
        context = AppContext.open(dir.resolve("linnea-" + run + ".db"), HERE, TestPassphrase.get());
        var me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        amina = context.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1991, 4, 17), 382, false)
                                .display(),
                        "Amina",
                        "Yusuf",
                        "070-000 00 00",
                        null,
                        "Rinkeby-Kista"));
        other = Database.open(dir.resolve("karim-" + run + ".db"), THERE, TestPassphrase.get());
        new CoachService(other).setCurrentCoach("Karim Haddad", "Jobbtorg Kista");
        otherCaseload = new CaseloadService(other, THERE);
        otherSync = new SyncService(other, THERE, () -> "Karim Haddad");
        folder = Files.createDirectories(dir.resolve("usb-" + run));

        // They met once: their laptops admitted each other, and Karim has Linnea's caseload.
        SyncService mine = context.ui().sync();
        TestTeam.admitEachOther(mine, otherSync);
        Path first = folder.resolve("first.caseload.zip");
        mine.exportSnapshot(first, p -> {});
        otherSync.importPackage(first, false, p -> {});
        Files.delete(first);

        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
        other.close();
    }

    /** A question about what the screen holds, asked on the FX thread (lists change there). */
    private static boolean onFx(Callable<Boolean> question) throws Exception {
        return WaitForAsyncUtils.asyncFx(question).get();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void bothChangeThePhoneOfflineTheConflictShowsAndTheCoachDecides(FxRobot robot) throws Exception {
        // Linnea changes the phone number in the window. The caseload has been shown, so its
        // "Urval" (Alt+U) is registered too: Alt+U must still open the visible page's "Ändra uppgifter".
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.showing(robot, "#caseloadScope"));
        robot.interact(() -> window.open(amina.id()));
        Ui.waitFor(() -> Ui.showing(robot, "#participantEditButton")
                && !robot.lookup("#participantEditButton").queryButton().isDisabled());
        robot.press(KeyCode.ALT).type(KeyCode.U).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#phoneField"));
        robot.doubleClickOn("#phoneField")
                .press(KeyCode.CONTROL)
                .type(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write("070-111 22 33");
        robot.clickOn("#saveRegistration");
        Ui.waitFor(() -> !Ui.showing(robot, "#saveRegistration"));
        assertEquals(
                "070-111 22 33",
                context.caseload().participant(amina.id()).orElseThrow().phone());

        // Karim, offline on his laptop, changes it too, an hour later, and leaves a package in the folder.
        Participant his = otherCaseload.participant(amina.id()).orElseThrow();
        otherCaseload.update(
                amina.id(),
                new ParticipantDraft(
                        his.personalNumber().display(),
                        his.firstName(),
                        his.lastName(),
                        "073-999 88 77",
                        his.email(),
                        his.homeDistrict()));
        otherSync.exportFor(
                context.ui().sync().deviceId(), folder.resolve(otherSync.packageName("Karim Haddad")), p -> {});

        robot.clickOn("#navSync");
        Ui.waitFor(() -> Ui.showing(robot, "#syncFolder"));
        robot.clickOn("#syncFolder").write(folder.toString());
        robot.clickOn("#syncImportFolder");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 1 && Ui.rows(robot, "#syncConflicts") == 1);
        String result = ((SyncViewModel.Outcome)
                        table(robot, "#syncOutcomes").getItems().get(0))
                .result();
        assertTrue(result.startsWith(SV.get("sync.result", 1, 1, 0, 1, 0)), result);
        var row = (SyncViewModel.ConflictRow)
                table(robot, "#syncConflicts").getItems().get(0);
        assertEquals("Amina Yusuf", row.record());
        assertEquals(SV.get("sync.field.participant.phone"), row.field());
        assertEquals("073-999 88 77", row.shown(), "the newer change is shown");
        assertEquals("070-111 22 33", row.other(), "and hers is kept beside it");
        assertEquals("Karim Haddad", otherSync.peerLabel(otherSync.deviceId()));
        Ui.shot(robot, "#syncConflicts", "sync-conflict");

        // She keeps her own: the other version.
        Node shownCell = robot.lookup("#syncConflicts .table-cell")
                .match(NodeQueryUtils.hasText("073-999 88 77"))
                .query();
        robot.clickOn(shownCell);
        robot.clickOn("#syncTakeOther");
        Ui.waitFor(() -> Ui.rows(robot, "#syncConflicts") == 0);
        assertEquals(
                "070-111 22 33",
                context.caseload().participant(amina.id()).orElseThrow().phone());

        // Her decision goes back through the folder, by the keyboard: Alt+E exports.
        robot.press(KeyCode.ALT).type(KeyCode.E).release(KeyCode.ALT);
        Ui.waitFor(() -> {
            try (var files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().startsWith("Linnea-Ek"))
                                .count()
                        == 1;
            }
        });
        for (Path p : otherSync.packagesIn(folder)) {
            otherSync.importPackage(p, false, x -> {});
        }
        assertEquals(
                "070-111 22 33",
                otherCaseload.participant(amina.id()).orElseThrow().phone());
        assertTrue(otherSync.conflicts().isEmpty(), "Karim's laptop learns the decision");
        Ui.shot(robot, "#syncConflicts", "sync-resolved");
    }

    @Test
    void aTeamLeadImportsThreeCoachesPackagesAndReadsOneCoachsCaseload(FxRobot robot) throws Exception {
        Path team = Files.createDirectories(dir.resolve("team-" + System.nanoTime()));
        String[] coaches = {"Sofia Lind", "Johan Berg", "Maja Lindberg"};
        int serial = 500;
        for (String name : coaches) {
            try (Database laptop =
                    Database.open(team.resolve(name.replace(' ', '-') + ".db"), THERE, TestPassphrase.get())) {
                var coach = new CoachService(laptop).setCurrentCoach(name, "Jobbtorg Järva");
                var caseload = new CaseloadService(laptop, THERE);
                for (int i = 0; i < 2; i++) {
                    var p = caseload.register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1988, 2, 3), serial++, false)
                                    .display(),
                            "Person",
                            "Hos " + name.split(" ")[0] + " " + i,
                            null,
                            null,
                            null));
                    caseload.enrol(new EnrolmentDraft(
                            p.id(),
                            coach.id(),
                            LocalDate.of(2026, 11, 2),
                            "Försörjningsstöd Spånga-Tensta",
                            null,
                            EnumSet.of(TargetGroup.UNEMPLOYED),
                            null,
                            false));
                }
                var sync = new SyncService(laptop, THERE, () -> name);
                TestTeam.admitEachOther(sync, context.ui().sync());
                sync.exportSnapshot(team.resolve(sync.packageName(name)), p -> {});
            }
        }

        robot.clickOn("#navSync");
        Ui.waitFor(() -> Ui.showing(robot, "#syncFolder"));
        robot.clickOn("#syncFolder").write(team.toString());
        robot.clickOn("#syncImportFolder");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 3);
        for (Object row : table(robot, "#syncOutcomes").getItems()) {
            var outcome = (SyncViewModel.Outcome) row;
            assertEquals(SV.get("sync.result", 5, 0, 0, 0, 0), outcome.result(), outcome.from());
        }
        Ui.shot(robot, "#syncOutcomes", "sync-team");

        robot.clickOn("#navCaseload");
        Ui.choose(robot, "#caseloadScope", SV.get("caseload.scope.coach", "Johan Berg"));
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 2);
        Ui.shot(robot, "#caseloadTable", "caseload-by-coach");
    }

    /**
     * A laptop nobody admitted leaves a package: it is refused with a sentence that says how to
     * admit it; the coach finds it in the team's computers with its fingerprint, admits it by the
     * keyboard after comparing, and the package then comes in.
     */
    @Test
    void aStrangersPackageIsRefusedUntilTheCoachAdmitsItsComputer(FxRobot robot) throws Exception {
        String passphrase = "Kista-teamets lösenfras 2026";
        context.ui().sync().team().setTeamPassphrase(passphrase);
        Path usb = Files.createDirectories(dir.resolve("new-" + System.nanoTime()));
        String fingerprint;
        try (Database laptop = TestTeam.open(usb.resolve("sofia.db"), THERE)) {
            var coach = new CoachService(laptop).setCurrentCoach("Sofia Lind", "Jobbtorg Kista");
            var caseload = new CaseloadService(laptop, THERE);
            var p = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1988, 2, 3), 700, false)
                            .display(),
                    "Person",
                    "Hos Sofia",
                    null,
                    null,
                    null));
            caseload.enrol(new EnrolmentDraft(
                    p.id(),
                    coach.id(),
                    LocalDate.of(2026, 11, 2),
                    "Försörjningsstöd Kista",
                    null,
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false));
            var sync = new SyncService(laptop, THERE, () -> "Sofia Lind");
            sync.team().setTeamPassphrase(passphrase); // first contact: nobody has met this laptop
            fingerprint = PackageSigner.fingerprint(sync.team().ownPublicKeys()[0]);
            sync.exportSnapshot(usb.resolve(sync.packageName("Sofia Lind")), p2 -> {});
        }

        robot.clickOn("#navSync");
        Ui.waitFor(() -> Ui.showing(robot, "#syncFolder"));
        robot.clickOn("#syncFolder").write(usb.toString());
        robot.clickOn("#syncImportFolder");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 1);
        var refused =
                (SyncViewModel.Outcome) table(robot, "#syncOutcomes").getItems().get(0);
        assertTrue(refused.refused());
        assertTrue(refused.result().contains(fingerprint), refused.result());
        // The team's computers, a tab beside the conflicts, are shown, since that is where the answer is.
        Ui.waitFor(() -> robot.lookup("#syncLower")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId()
                .equals("syncDevicesTab"));
        Ui.waitFor(() -> onFx(() -> table(robot, "#syncDevices").getItems().stream()
                .anyMatch(r -> ((SyncViewModel.DeviceRow) r).label().equals("Sofia Lind"))));
        Ui.shot(robot, "#syncDevices", "sync-devices-stranger");

        Node cell = robot.lookup("#syncDevices .table-cell")
                .match(NodeQueryUtils.hasText("Sofia Lind"))
                .query();
        robot.clickOn(cell);
        robot.press(KeyCode.ALT).type(KeyCode.G).release(KeyCode.ALT); // Godkänn dator…
        Ui.waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String question = ((Label) pane.getContent()).getText();
        assertTrue(question.contains(fingerprint), "the fingerprint to compare by phone: " + question);
        Ui.shot(robot, ".dialog-pane", "sync-admit-dialog");
        robot.clickOn(SV.get("sync.device.admit.yes"));
        // The team's computers, a tab beside the conflicts, are shown, since that is where the answer is.
        Ui.waitFor(() -> robot.lookup("#syncLower")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId()
                .equals("syncDevicesTab"));
        Ui.waitFor(() ->
                onFx(() -> table(robot, "#syncDevices").getItems().stream().anyMatch(r -> {
                    var d = (SyncViewModel.DeviceRow) r;
                    return d.label().equals("Sofia Lind")
                            && d.standing().equals(SV.get("sync.device.standing.admitted"));
                })));

        robot.clickOn("#syncImportFolder");
        Ui.waitFor(() -> Ui.rows(robot, "#syncOutcomes") == 1
                && !((SyncViewModel.Outcome)
                                table(robot, "#syncOutcomes").getItems().get(0))
                        .refused());
        Ui.shot(robot, "#syncDevices", "sync-devices-admitted");
        assertEquals(2, context.caseload().participantCount());

        // By the keyboard, within the lower half: Ctrl+Tab goes back to the conflicts.
        robot.clickOn("#syncDevices");
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        Ui.waitFor(() -> robot.lookup("#syncLower")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId()
                .equals("syncConflictsTab"));
    }
}
