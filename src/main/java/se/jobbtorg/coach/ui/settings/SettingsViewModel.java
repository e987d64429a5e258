package se.jobbtorg.coach.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CoachService;

/**
 * Who works in this database and in which language. On the first run it also offers to fill
 * the empty database with a demo caseload.
 */
public final class SettingsViewModel {
    final StringProperty coachName = new SimpleStringProperty("");
    final StringProperty unit = new SimpleStringProperty("");
    final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    final BooleanProperty demo = new SimpleBooleanProperty(false);
    final ObjectProperty<Integer> lockMinutes = new SimpleObjectProperty<>(DEFAULT_LOCK_MINUTES);
    final ObjectProperty<Integer> backupDays = new SimpleObjectProperty<>(DEFAULT_BACKUP_DAYS);
    final StringProperty nameProblem = new SimpleStringProperty("");
    private final boolean firstRun;
    private final I18n i18n;

    public static final int DEFAULT_LOCK_MINUTES = 10;
    public static final int MIN_LOCK_MINUTES = 1;
    public static final int MAX_LOCK_MINUTES = 240;
    public static final int DEFAULT_BACKUP_DAYS = 30;
    public static final int MIN_BACKUP_DAYS = 1;
    public static final int MAX_BACKUP_DAYS = 3650;

    /**
     * The choices the user made, for the caller to apply. lockMinutes: idle time before the window
     * locks; backupDays: how long backups are kept.
     */
    public record Choice(
            String coachName, String unit, Locale language, boolean demo, int lockMinutes, int backupDays) {}

    public SettingsViewModel(I18n i18n, String coachName, String unit, Locale language, boolean firstRun) {
        this(i18n, coachName, unit, language, firstRun, DEFAULT_LOCK_MINUTES, DEFAULT_BACKUP_DAYS);
    }

    public SettingsViewModel(
            I18n i18n,
            String coachName,
            String unit,
            Locale language,
            boolean firstRun,
            int lockMinutes,
            int backupDays) {
        this.i18n = i18n;
        this.lockMinutes.set(lockMinutes);
        this.backupDays.set(backupDays);
        this.coachName.set(coachName == null ? "" : coachName);
        this.unit.set(unit == null ? "" : unit);
        this.language.set(language);
        this.firstRun = firstRun;
        // The problem goes as soon as the user has corrected it.
        this.coachName.addListener((o, old, now) -> {
            if (now != null && !now.isBlank()) {
                nameProblem.set("");
            }
        });
    }

    public boolean isFirstRun() {
        return firstRun;
    }

    public List<Locale> languages() {
        return I18n.SUPPORTED;
    }

    /** The choice, or null with the problem shown next to the name if the name is missing. */
    public Choice validate() {
        if (coachName.get() == null || coachName.get().isBlank()) {
            nameProblem.set(i18n.problem(Problem.of(CoachService.FIELD_NAME, "validation.required")));
            return null;
        }
        nameProblem.set("");
        return new Choice(
                coachName.get().strip(),
                unit.get() == null ? "" : unit.get().strip(),
                language.get(),
                firstRun && demo.get(),
                clamped(lockMinutes.get(), DEFAULT_LOCK_MINUTES, MIN_LOCK_MINUTES, MAX_LOCK_MINUTES),
                clamped(backupDays.get(), DEFAULT_BACKUP_DAYS, MIN_BACKUP_DAYS, MAX_BACKUP_DAYS));
    }

    private static int clamped(Integer value, int fallback, int min, int max) {
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }
}
