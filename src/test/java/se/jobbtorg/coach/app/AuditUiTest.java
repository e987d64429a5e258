package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.audit.AuditViewModel;

/**
 * A team lead reads a coach's trail in the window: the coach's laptop registers, enrols and opens
 * people; its package reaches the lead, whose access log shows the coach's entries, filters them
 * by user and by person, opens the person's page from a row (itself a reading in the lead's
 * trail) and exports what it shows as CSV.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AuditUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext lead;
    private Participant asa;
    private Path exports;

    @Start
    void start(Stage stage) throws Exception {
        Path pkg = dir.resolve("linnea-" + System.nanoTime() + ".caseload.zip");
        lead = AppContext.open(dir.resolve("lead-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach gunilla = lead.coaches().begin("Gunilla Lind", "Jobbtorg Kista", Role.TEAM_LEAD);
        try (AppContext coach =
                AppContext.open(dir.resolve("coach-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get())) {
            Coach linnea = coach.coaches().begin("Linnea Ek", "Jobbtorg Kista", Role.COACH);
            TestTeam.admitEachOther(coach.ui().sync(), lead.ui().sync());
            asa = coach.caseload()
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1988, 3, 14), 108, false)
                                    .display(),
                            "Åsa",
                            "Öberg",
                            null,
                            null,
                            null));
            Participant bo = coach.caseload()
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1979, 6, 2), 236, false)
                                    .display(),
                            "Bo",
                            "Ek",
                            null,
                            null,
                            null));
            Ui.enrolled(coach, linnea, LocalDate.of(2026, 11, 2)); // a third person, registered and enrolled
            coach.caseload().open(asa.id());
            coach.caseload().open(bo.id());
            coach.ui().sync().exportFor(lead.ui().sync().deviceId(), pkg, p -> {});
        }
        lead.ui().sync().importPackage(pkg, false, p -> {});
        exports = dir.resolve("export-" + System.nanoTime());
        Ui.showMain(
                stage,
                lead,
                new MainWindow(
                        stage,
                        lead.ui(),
                        SV,
                        gunilla,
                        lead.coaches().role(),
                        () -> {},
                        (owner, title, name, extension) -> exports.resolve(name).toFile()));
    }

    @AfterEach
    void close() {
        lead.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#auditTable").queryAs(TableView.class);
    }

    private static List<AuditViewModel.Row> rows(FxRobot robot) {
        return List.copyOf(table(robot).getItems());
    }

    @Test
    void theTeamLeadReadsACoachsTrailFiltersItOpensAPersonAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#navAudit");
        Ui.waitFor(() -> Ui.rows(robot, "#auditTable") > 0);
        assertTrue(
                rows(robot).stream().anyMatch(r -> r.user().equals("Linnea Ek")),
                "the coach's entries came with her package");

        Ui.choose(robot, "#auditUser", "Linnea Ek");
        Ui.waitFor(() -> rows(robot).stream().allMatch(r -> r.user().equals("Linnea Ek")));
        List<String> actions =
                rows(robot).stream().map(AuditViewModel.Row::action).toList();
        assertEquals(
                List.of(
                        SV.get("audit.action.participant_opened"),
                        SV.get("audit.action.participant_opened"),
                        SV.get("audit.action.enrolled"),
                        SV.get("audit.action.participant_registered"),
                        SV.get("audit.action.participant_registered"),
                        SV.get("audit.action.participant_registered"),
                        SV.get("audit.action.device_admitted")),
                actions,
                "newest first; the export's own entry is written after its package");
        String asaName = "Öberg, Åsa";
        AuditViewModel.Row asaOpened = rows(robot).stream()
                .filter(r -> r.participant().equals(asaName))
                .findFirst()
                .orElseThrow();
        assertEquals(SV.get("audit.action.participant_opened"), asaOpened.action());

        // Only Åsa's entries: the row chosen, then the button (or Alt+A).
        robot.interact(() -> table(robot).getSelectionModel().select(asaOpened));
        robot.clickOn("#auditOnlyThis");
        Ui.waitFor(() -> Ui.showing(robot, "#auditParticipantRow")
                && rows(robot).stream().allMatch(r -> r.participant().equals(asaName)));
        assertEquals(SV.get("audit.filter.participant", asaName), Ui.text(robot, "#auditParticipant"));
        assertEquals(2, rows(robot).size(), "registered and opened, by the coach");

        // Exported as it is filtered; the export is in the trail too.
        robot.clickOn("#auditExport");
        Path csv = exports.resolve(SV.get("audit.fileName"));
        Ui.waitFor(() -> Files.exists(csv) && Ui.showing(robot, ".dialog-pane"));
        robot.type(KeyCode.ENTER);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(3, text.lines().count(), "a header and Åsa's two entries");
        assertFalse(text.contains("Öberg"), "ids only");
        assertTrue(text.contains(asa.id().toString()));

        // A row opens the person's page; the lead's reading is in the lead's trail, after the export.
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#auditOpen");
        // Åsa is registered, not enrolled: her page offers to enrol her.
        Ui.waitFor(() -> Ui.showing(robot, "#participantEnrolButton"));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        Ui.choose(robot, "#auditUser", SV.get("audit.filter.allUsers"));
        Ui.waitFor(() -> rows(robot).size() == 4 && rows(robot).get(0).user().equals("Gunilla Lind"));
        assertEquals(
                SV.get("audit.action.participant_opened"), rows(robot).get(0).action());
        assertEquals(SV.get("audit.action.report_made"), rows(robot).get(1).action());
        assertEquals(SV.get("audit.report.audit_trail"), rows(robot).get(1).detail());
        Ui.shot(robot, "#auditTable", "audit-trail");

        robot.clickOn("#auditAllParticipants");
        Ui.waitFor(
                () -> !Ui.showing(robot, "#auditParticipantRow") && rows(robot).size() > 4);
    }
}
