package se.jobbtorg.coach.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;

/**
 * The settings form without a window. It hands its choice to the caller to apply; the last test
 * applies the coach's part the way start-up does and reads it back from the database.
 */
class SettingsViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void aMissingNameIsToldAtTheFieldAndNothingIsChosen() {
        SettingsViewModel form = new SettingsViewModel(EN, null, null, Locale.ENGLISH, true);
        assertEquals("", form.coachName.get());

        form.coachName.set("   ");
        assertNull(form.validate());
        assertEquals(EN.get("validation.required"), form.nameProblem.get());

        form.coachName.set("Linnea Ek");
        assertEquals("", form.nameProblem.get(), "the welcome's problem goes as the name is typed, before Start");
        assertEquals("Linnea Ek", form.validate().coachName());
        assertEquals("", form.nameProblem.get(), "the problem goes once the name is there");
    }

    @Test
    void theNumbersAreKeptWithinTheirLimitsAndAnEmptyOneFallsBackToItsDefault() {
        SettingsViewModel form = new SettingsViewModel(EN, "Linnea Ek", "Kista", Locale.ENGLISH, false, 15, 90);
        assertEquals(15, form.lockMinutes.get());
        assertEquals(90, form.backupDays.get());

        form.lockMinutes.set(0);
        form.backupDays.set(100_000);
        SettingsViewModel.Choice choice = form.validate();
        assertEquals(SettingsViewModel.MIN_LOCK_MINUTES, choice.lockMinutes());
        assertEquals(SettingsViewModel.MAX_BACKUP_DAYS, choice.backupDays());

        form.lockMinutes.set(10_000);
        form.backupDays.set(-3);
        choice = form.validate();
        assertEquals(SettingsViewModel.MAX_LOCK_MINUTES, choice.lockMinutes());
        assertEquals(SettingsViewModel.MIN_BACKUP_DAYS, choice.backupDays());

        form.lockMinutes.set(null);
        form.backupDays.set(null);
        choice = form.validate();
        assertEquals(SettingsViewModel.DEFAULT_LOCK_MINUTES, choice.lockMinutes());
        assertEquals(SettingsViewModel.DEFAULT_BACKUP_DAYS, choice.backupDays());
    }

    @Test
    void theDemoCaseloadIsOfferedOnlyOnTheFirstRun() {
        SettingsViewModel first = new SettingsViewModel(EN, "", "", Locale.ENGLISH, true);
        first.coachName.set("Linnea Ek");
        first.demo.set(true);
        assertTrue(first.isFirstRun());
        assertTrue(first.validate().demo());

        SettingsViewModel later = new SettingsViewModel(EN, "Linnea Ek", "", Locale.ENGLISH, false);
        later.demo.set(true);
        assertFalse(later.validate().demo(), "a database in use is never filled with invented people");
    }

    @Test
    void theChosenNameUnitAndLanguageAreSavedForTheCoach() {
        SettingsViewModel form = new SettingsViewModel(EN, "Linnea Ek", "Jobbtorg Kista", Locale.ENGLISH, false);
        assertEquals(I18n.SUPPORTED, form.languages());
        form.coachName.set("  Linnea Ekström ");
        form.unit.set(" Jobbtorg Rinkeby ");
        form.language.set(form.languages().get(0));

        SettingsViewModel.Choice choice = form.validate();
        assertEquals(
                new SettingsViewModel.Choice(
                        "Linnea Ekström",
                        "Jobbtorg Rinkeby",
                        I18n.SUPPORTED.get(0),
                        false,
                        SettingsViewModel.DEFAULT_LOCK_MINUTES,
                        SettingsViewModel.DEFAULT_BACKUP_DAYS),
                choice);

        try (Database db = Database.open(
                dir.resolve("settings.db"),
                new TestClock(Instant.parse("2026-11-24T09:30:00Z")),
                TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            coaches.setCurrentCoach(choice.coachName(), choice.unit());
            Coach stored = coaches.currentCoach().orElseThrow();
            assertEquals("Linnea Ekström", stored.name());
            assertEquals("Jobbtorg Rinkeby", stored.unit());
        }
    }
}
