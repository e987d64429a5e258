package se.jobbtorg.coach.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;

/** Settings, and on the first run the welcome: the coach's name, unit and language. */
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
        Forms.row(grid, 1, i18n.get("settings.unit"), Forms.text("unitField", model.unit), null);
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
        Forms.row(grid, 2, i18n.get("settings.language"), language, null);
        Spinner<Integer> lock = null;
        Spinner<Integer> backups = null;
        if (!model.isFirstRun()) {
            // The idle lock: a choice for later, not a question for a new user's first minute.
            lock = new Spinner<>(
                    SettingsViewModel.MIN_LOCK_MINUTES, SettingsViewModel.MAX_LOCK_MINUTES, model.lockMinutes.get());
            lock.setId("lockMinutesField");
            lock.setEditable(true);
            lock.setMaxWidth(110);
            lock.getValueFactory().valueProperty().bindBidirectional(model.lockMinutes);
            Forms.row(grid, 3, i18n.get("settings.lockMinutes"), lock, null);
            backups = new Spinner<>(
                    SettingsViewModel.MIN_BACKUP_DAYS, SettingsViewModel.MAX_BACKUP_DAYS, model.backupDays.get());
            backups.setId("backupDaysField");
            backups.setEditable(true);
            backups.setMaxWidth(110);
            backups.getValueFactory().valueProperty().bindBidirectional(model.backupDays);
            Forms.row(grid, 4, i18n.get("settings.backupDays"), backups, null);
        } else {
            CheckBox demo = new CheckBox(i18n.get("welcome.demo"));
            demo.setId("demoChoice");
            demo.selectedProperty().bindBidirectional(model.demo);
            grid.add(demo, 1, 6);
        }
        Forms.growWith(this, model.nameProblem);

        List<Spinner<Integer>> numbers = lock == null ? List.of() : List.of(lock, backups);
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
            }
        });
        setResultConverter(button -> isOk(button) ? model.validate() : null);
    }
}
