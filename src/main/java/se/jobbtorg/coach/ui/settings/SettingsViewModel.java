package se.jobbtorg.coach.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * Who works in this database, in which role and in which language. On the first run the role is
 * chosen freely and it also offers to fill the empty database with a demo caseload; later a new
 * role is taken only with the database's passphrase, checked off the FX thread.
 */
public final class SettingsViewModel {
    final StringProperty coachName = new SimpleStringProperty("");
    final StringProperty unit = new SimpleStringProperty("");
    final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    final BooleanProperty demo = new SimpleBooleanProperty(false);
    final ObjectProperty<Integer> lockMinutes = new SimpleObjectProperty<>(DEFAULT_LOCK_MINUTES);
    final ObjectProperty<Integer> backupDays = new SimpleObjectProperty<>(DEFAULT_BACKUP_DAYS);
    /** People outside one's own caseload opened in a day above which the access log says so. */
    final ObjectProperty<Integer> unusualReading = new SimpleObjectProperty<>(DEFAULT_UNUSUAL_READING);
    /** Years after the last entry before a person is listed for retention. */
    final ObjectProperty<Integer> retentionYears = new SimpleObjectProperty<>(DEFAULT_RETENTION_YEARS);

    /** The units to choose from (the city's list; a unit typed in an older version is kept first). */
    final ObservableList<String> units = FXCollections.observableArrayList();
    /** The user's work phone and e-mail for the participants' plans (later settings only). */
    final StringProperty phone = new SimpleStringProperty("");

    final StringProperty email = new SimpleStringProperty("");
    final StringProperty phoneProblem = new SimpleStringProperty("");
    final StringProperty emailProblem = new SimpleStringProperty("");
    private boolean contactShown;

    final StringProperty nameProblem = new SimpleStringProperty("");
    final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.COACH);
    /** The passphrase typed to change the role (later settings only). */
    final StringProperty rolePassphrase = new SimpleStringProperty("");

    final StringProperty roleProblem = new SimpleStringProperty("");
    /** True while the passphrase is being checked: the dialog cannot be sent again meanwhile. */
    final BooleanProperty checking = new SimpleBooleanProperty(false);
    /** The role the user has now; a different one chosen needs the passphrase. */
    private Role currentRole = Role.COACH;

    private TaskRunner tasks;
    private RoleChange roleChange;
    private final boolean firstRun;
    private final I18n i18n;

    public static final int DEFAULT_LOCK_MINUTES = 10;
    public static final int MIN_LOCK_MINUTES = 1;
    public static final int MAX_LOCK_MINUTES = 240;
    public static final int DEFAULT_BACKUP_DAYS = 30;
    public static final int MIN_BACKUP_DAYS = 1;
    public static final int MAX_BACKUP_DAYS = 3650;
    public static final int DEFAULT_UNUSUAL_READING = 20;
    public static final int MIN_UNUSUAL_READING = 1;
    public static final int MAX_UNUSUAL_READING = 1000;
    public static final int DEFAULT_RETENTION_YEARS = 5;
    public static final int MIN_RETENTION_YEARS = 1;
    public static final int MAX_RETENTION_YEARS = 100;

    /**
     * The choices the user made, for the caller to apply. lockMinutes: idle time before the window
     * locks; backupDays: how long backups are kept.
     */
    public record Choice(
            String coachName,
            String unit,
            Locale language,
            boolean demo,
            int lockMinutes,
            int backupDays,
            Role role,
            CoachContact contact) {}

    /**
     * Changes the role if the passphrase opens the database (SecurityService.changeRole): true if
     * it did, false if the passphrase was wrong and nothing changed. Runs off the FX thread.
     */
    @FunctionalInterface
    public interface RoleChange {
        boolean change(Passphrase passphrase, Role role);
    }

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
        this.rolePassphrase.addListener((o, old, now) -> {
            if (now != null && !now.isEmpty()) {
                roleProblem.set("");
            }
        });
        this.role.addListener((o, old, now) -> {
            if (now == currentRole) {
                roleProblem.set("");
                rolePassphrase.set("");
            }
        });
    }

    /**
     * Later settings: the user's role now, and how a change of it is made (with the passphrase,
     * through the task runner). Without this, the settings keep the role a coach's.
     */
    /**
     * The units the user chooses from. A unit the user has that the list does not hold (typed in an
     * older version, or a unit since renamed) stays a choice, first, so that saving keeps it.
     */
    public SettingsViewModel withUnits(List<String> names) {
        String mine = unit.get();
        units.setAll(names);
        if (mine != null && !mine.isBlank() && !names.contains(mine)) {
            units.add(0, mine);
        }
        return this;
    }

    /** The user's work phone and e-mail now: the settings show them to be changed (later settings). */
    public SettingsViewModel withContact(CoachContact contact) {
        contactShown = true;
        phone.set(contact.phone());
        email.set(contact.email());
        phone.addListener((o, old, now) -> phoneProblem.set(""));
        email.addListener((o, old, now) -> emailProblem.set(""));
        return this;
    }

    public boolean contactShown() {
        return contactShown;
    }

    /** The limit of unusual reading the access log uses now (later settings only). */
    public SettingsViewModel withUnusualReading(int people) {
        unusualReading.set(people);
        return this;
    }

    /** The retention period in years now (later settings only). */
    public SettingsViewModel withRetentionYears(int years) {
        retentionYears.set(years);
        return this;
    }

    /** The period chosen, within its bounds. */
    public int retentionYears() {
        return clamped(retentionYears.get(), DEFAULT_RETENTION_YEARS, MIN_RETENTION_YEARS, MAX_RETENTION_YEARS);
    }

    /** The limit chosen, within its bounds. */
    public int unusualReading() {
        return clamped(unusualReading.get(), DEFAULT_UNUSUAL_READING, MIN_UNUSUAL_READING, MAX_UNUSUAL_READING);
    }

    /**
     * {@code current} null: a database made before roles, whose user has none yet. The role shown
     * is a coach's, and saving sets the one chosen (a coach's too) with the passphrase: until then
     * the laptop keeps everything it receives (need to know works from the role).
     */
    public SettingsViewModel withRole(Role current, TaskRunner tasks, RoleChange change) {
        this.currentRole = current;
        this.role.set(current == null ? Role.COACH : current);
        if (current == null) {
            roleProblem.set(i18n.get("settings.role.notChosen"));
        }
        this.tasks = tasks;
        this.roleChange = change;
        return this;
    }

    /** True if the role may be chosen here: on the first run, or later with a way to change it. */
    public boolean mayChangeRole() {
        return firstRun || roleChange != null;
    }

    /** The role the user has now (the first run: the one chosen will be set at the start; null: none yet). */
    public Role currentRole() {
        return currentRole;
    }

    /** True if another role than the user's is chosen (later settings): it needs the passphrase. */
    public boolean roleChanged() {
        return !firstRun && role.get() != currentRole;
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
        CoachContact contact = contactShown ? new CoachContact(phone.get(), email.get()) : null;
        if (contact != null && !contact.problems().isEmpty()) {
            for (Problem p : contact.problems()) {
                (p.field().equals(CoachContact.FIELD_PHONE) ? phoneProblem : emailProblem).set(i18n.problem(p));
            }
            return null;
        }
        return new Choice(
                coachName.get().strip(),
                unit.get() == null ? "" : unit.get().strip(),
                language.get(),
                firstRun && demo.get(),
                clamped(lockMinutes.get(), DEFAULT_LOCK_MINUTES, MIN_LOCK_MINUTES, MAX_LOCK_MINUTES),
                clamped(backupDays.get(), DEFAULT_BACKUP_DAYS, MIN_BACKUP_DAYS, MAX_BACKUP_DAYS),
                role.get() == null ? currentRole : role.get(),
                contact);
    }

    /**
     * OK: done receives the choice once it may be applied. With the role unchanged (and on the
     * first run) that is at once; with another role, once the passphrase has been checked off the
     * FX thread and the role changed. A missing or wrong passphrase is told next to its field,
     * nothing changes, and done is not called; failed receives an unexpected failure.
     */
    public void save(Consumer<Choice> done, Consumer<Throwable> failed) {
        Choice choice = validate();
        if (choice == null || checking.get()) {
            return;
        }
        if (!roleChanged()) {
            done.accept(choice);
            return;
        }
        if (rolePassphrase.get() == null || rolePassphrase.get().isEmpty()) {
            roleProblem.set(i18n.get("settings.role.passphraseMissing"));
            return;
        }
        Passphrase typed = Passphrase.of(rolePassphrase.get());
        Role wanted = choice.role();
        checking.set(true);
        roleProblem.set("");
        tasks.run(
                () -> roleChange.change(typed, wanted),
                allowed -> {
                    checking.set(false);
                    rolePassphrase.set("");
                    if (allowed) {
                        currentRole = wanted;
                        done.accept(choice);
                    } else {
                        roleProblem.set(i18n.get("settings.role.wrongPassphrase"));
                    }
                },
                error -> {
                    checking.set(false);
                    failed.accept(error);
                });
    }

    private static int clamped(Integer value, int fallback, int min, int max) {
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }
}
