package se.jobbtorg.coach.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.FxDialogService;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;

/**
 * Settings, and on the first run the welcome: the coach's name, unit, role and language. Later
 * a new role needs the passphrase, typed next to it; a wrong one is told there and nothing
 * changes.
 */
public final class SettingsDialog extends FormDialog<SettingsViewModel.Choice> {

    /** owner: null before the main window is there (the welcome). */
    public SettingsDialog(Window owner, SettingsViewModel model, I18n i18n) {
        this(owner, model, i18n, Forms.grid(), Forms.text("coachNameField", model.coachName));
    }

    private SettingsDialog(Window owner, SettingsViewModel model, I18n i18n, GridPane grid, TextField name) {
        super(
                owner,
                "settingsDialog",
                i18n.get(model.isFirstRun() ? "welcome.title" : "settings.title"),
                i18n.get(model.isFirstRun() ? "welcome.header" : "settings.header"),
                grid,
                i18n.get(model.isFirstRun() ? "welcome.start" : "settings.save"),
                "settingsOk",
                i18n.get(model.isFirstRun() ? "button.quit" : "button.cancel"),
                name);
        Forms.row(grid, 0, i18n.get("settings.coachName"), name, model.nameProblem);
        ComboBox<String> unit = new ComboBox<>(model.units);
        unit.setId("unitField");
        unit.valueProperty().bindBidirectional(model.unit);
        Forms.row(grid, 1, i18n.get("settings.unit"), unit, null);
        int row = 2;
        if (model.contactShown()) {
            Forms.row(
                    grid,
                    row++,
                    i18n.get("settings.phone"),
                    Forms.text("coachPhoneField", model.phone),
                    model.phoneProblem);
            Forms.row(
                    grid,
                    row++,
                    i18n.get("settings.email"),
                    Forms.text("coachEmailField", model.email),
                    model.emailProblem);
        }
        ToggleGroup roles = new ToggleGroup();
        RadioButton coach = roleButton(roles, Role.COACH, "roleCoach", i18n.get("settings.role.coach"), model);
        RadioButton teamLead =
                roleButton(roles, Role.TEAM_LEAD, "roleTeamLead", i18n.get("settings.role.teamLead"), model);
        for (RadioButton choice : List.of(coach, teamLead)) {
            // Enter on a role chosen by its letter sends the form, as in a field; a focused radio
            // button would otherwise take Enter for a click on itself and nothing would happen.
            choice.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    okButton().fire();
                }
            });
        }
        HBox roleChoice = new HBox(16, coach, teamLead);
        roleChoice.setId("roleChoice");
        Label roleLabel = Forms.row(grid, row, i18n.get("settings.role"), roleChoice, null);
        Label roleHint = new Label(i18n.get("settings.role.hint"));
        roleHint.setId("roleHint");
        roleHint.getStyleClass().add("hint");
        roleHint.setWrapText(true);
        roleHint.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(roleHint, 1, row * 2 + 1);
        row++;
        // The label's letter goes to the role chosen; the arrow keys or each button's own letter choose.
        roleLabel.setLabelFor(model.role.get() == Role.TEAM_LEAD ? teamLead : coach);
        model.role.addListener((o, old, now) -> roleLabel.setLabelFor(now == Role.TEAM_LEAD ? teamLead : coach));
        PasswordField passphrase = null;
        if (!model.isFirstRun()) {
            // Changing the role needs the passphrase; the field is open only for another role.
            passphrase = new PasswordField();
            passphrase.setId("rolePassphraseField");
            passphrase.textProperty().bindBidirectional(model.rolePassphrase);
            passphrase.disableProperty().bind(model.role.isEqualTo(model.currentRole()));
            Forms.row(grid, row++, i18n.get("settings.role.passphrase"), passphrase, model.roleProblem);
            coach.setDisable(!model.mayChangeRole());
            teamLead.setDisable(!model.mayChangeRole());
        }
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(model.languages());
        language.valueProperty().bindBidirectional(model.language);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : i18n.get("settings.language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        Forms.row(grid, row++, i18n.get("settings.language"), language, null);
        Spinner<Integer> lock = null;
        Spinner<Integer> backups = null;
        Spinner<Integer> unusualField = null;
        Spinner<Integer> yearsField = null;
        if (!model.isFirstRun()) {
            // The idle lock: a choice for later, not a question for a new user's first minute.
            lock = new Spinner<>(
                    SettingsViewModel.MIN_LOCK_MINUTES, SettingsViewModel.MAX_LOCK_MINUTES, model.lockMinutes.get());
            lock.setId("lockMinutesField");
            lock.setEditable(true);
            lock.setMaxWidth(110);
            lock.getValueFactory().valueProperty().bindBidirectional(model.lockMinutes);
            Forms.row(grid, row++, i18n.get("settings.lockMinutes"), lock, null);
            backups = new Spinner<>(
                    SettingsViewModel.MIN_BACKUP_DAYS, SettingsViewModel.MAX_BACKUP_DAYS, model.backupDays.get());
            backups.setId("backupDaysField");
            backups.setEditable(true);
            backups.setMaxWidth(110);
            backups.getValueFactory().valueProperty().bindBidirectional(model.backupDays);
            Forms.row(grid, row++, i18n.get("settings.backupDays"), backups, null);
            Spinner<Integer> unusual = new Spinner<>(
                    SettingsViewModel.MIN_UNUSUAL_READING,
                    SettingsViewModel.MAX_UNUSUAL_READING,
                    model.unusualReading.get());
            unusual.setId("unusualReadingField");
            unusual.setEditable(true);
            unusual.setMaxWidth(110);
            unusual.getValueFactory().valueProperty().bindBidirectional(model.unusualReading);
            Forms.row(grid, row++, i18n.get("settings.unusualReading"), unusual, null);
            unusualField = unusual;
            Spinner<Integer> years = new Spinner<>(
                    SettingsViewModel.MIN_RETENTION_YEARS,
                    SettingsViewModel.MAX_RETENTION_YEARS,
                    model.retentionYears.get());
            years.setId("retentionYearsField");
            years.setEditable(true);
            years.setMaxWidth(110);
            years.getValueFactory().valueProperty().bindBidirectional(model.retentionYears);
            Forms.row(grid, row++, i18n.get("settings.retentionYears"), years, null);
            yearsField = years;
        } else {
            CheckBox demo = new MnemonicCheckBox(i18n.get("welcome.demo"));
            demo.setId("demoChoice");
            demo.selectedProperty().bindBidirectional(model.demo);
            grid.add(demo, 1, row * 2);
        }
        Forms.growWith(this, model.nameProblem, model.roleProblem);
        PasswordField roleField = passphrase;
        model.roleProblem.addListener((o, old, now) -> {
            if (roleField != null && now != null && !now.isEmpty()) {
                roleField.requestFocus();
            }
        });

        List<Spinner<Integer>> numbers = lock == null ? List.of() : List.of(lock, backups, unusualField, yearsField);
        okButton().addEventFilter(ActionEvent.ACTION, e -> {
            for (Spinner<Integer> typed : numbers) {
                // A number typed but not yet confirmed with Enter counts; one that is no number does not.
                try {
                    typed.commitValue();
                } catch (RuntimeException notANumber) {
                    typed.cancelEdit();
                }
            }
            if (model.validate() == null) {
                e.consume();
            } else if (model.roleChanged()) {
                // The passphrase is checked off the FX thread; the dialog closes once the role changed.
                e.consume();
                model.save(
                        choice -> {
                            setResult(choice);
                            close();
                        },
                        error -> new FxDialogService(
                                        i18n, () -> getDialogPane().getScene().getWindow())
                                .showError("settings.failed", error));
            }
        });
        okButton().disableProperty().bind(model.checking);
        setResultConverter(button -> isOk(button) ? model.validate() : null);
    }

    private static RadioButton roleButton(
            ToggleGroup group, Role role, String id, String text, SettingsViewModel model) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setToggleGroup(group);
        button.setSelected(model.role.get() == role);
        // Its letter (Alt+G) sends an action, not a click: it chooses the role, as a click does.
        button.addEventHandler(ActionEvent.ACTION, e -> button.setSelected(true));
        button.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.role.set(role);
            }
        });
        return button;
    }
}
