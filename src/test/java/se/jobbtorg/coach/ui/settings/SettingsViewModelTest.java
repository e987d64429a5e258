package se.jobbtorg.coach.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SecurityService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/**
 * The settings form without a window. It hands its choice to the caller to apply; the last test
 * applies the coach's part the way start-up does and reads it back from the database.
 */
class SettingsViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));

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
                        SettingsViewModel.DEFAULT_BACKUP_DAYS,
                        Role.COACH,
                        null),
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

    @Test
    void theWelcomeTakesTheRoleChosenWithoutAPassphrase() {
        SettingsViewModel form = new SettingsViewModel(EN, "Sara Lind", "Kista", Locale.ENGLISH, true);
        assertEquals(Role.COACH, form.validate().role(), "a coach unless chosen otherwise");
        form.role.set(Role.TEAM_LEAD);
        assertFalse(form.roleChanged(), "the first choice needs no passphrase");
        List<SettingsViewModel.Choice> done = new ArrayList<>();
        form.save(done::add, e -> {});
        assertEquals(Role.TEAM_LEAD, done.get(0).role());
    }

    @Test
    void anotherRoleLaterIsTakenOnlyWithThePassphraseAndAWrongOneIsToldAtTheField() {
        try (Database db = Database.open(
                dir.resolve("role.db"), new TestClock(Instant.parse("2026-11-24T09:30:00Z")), TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            coaches.begin("Linnea Ek", "Kista", Role.COACH);
            SettingsViewModel form = new SettingsViewModel(EN, "Linnea Ek", "Kista", Locale.ENGLISH, false)
                    .withRole(coaches.role(), new SameThreadTaskRunner(), new SecurityService(db)::changeRole);
            List<SettingsViewModel.Choice> done = new ArrayList<>();

            form.role.set(Role.TEAM_LEAD);
            assertTrue(form.roleChanged());
            form.save(done::add, e -> {});
            assertEquals(EN.get("settings.role.passphraseMissing"), form.roleProblem.get());

            form.rolePassphrase.set("röd cykel i sol 2026");
            assertEquals("", form.roleProblem.get(), "the problem goes as the passphrase is typed");
            form.save(done::add, e -> {});
            assertEquals(EN.get("settings.role.wrongPassphrase"), form.roleProblem.get());
            assertEquals("", form.rolePassphrase.get(), "a wrong passphrase is not kept in the field");
            assertEquals(List.of(), done, "the dialog stays open");
            assertEquals(Role.COACH, coaches.role(), "nothing changed");

            form.rolePassphrase.set(TestPassphrase.TEXT);
            form.save(done::add, e -> {});
            assertEquals(Role.TEAM_LEAD, done.get(0).role());
            assertEquals(Role.TEAM_LEAD, coaches.role());
            assertFalse(form.roleChanged(), "the role now is the one chosen");
        }
    }

    @Test
    void theUnitIsChosenFromTheListAndAUnitTypedBeforeIsKept() {
        SettingsViewModel form = new SettingsViewModel(SV, "Linnea Ek", "Jobbtorg Rinkeby", SV.locale(), false)
                .withUnits(List.of("Jobbtorg Kista", "Jobbtorg Skärholmen"));
        assertEquals(List.of("Jobbtorg Rinkeby", "Jobbtorg Kista", "Jobbtorg Skärholmen"), form.units);

        SettingsViewModel listed = new SettingsViewModel(SV, "Linnea Ek", "Jobbtorg Kista", SV.locale(), false)
                .withUnits(List.of("Jobbtorg Kista", "Jobbtorg Skärholmen"));
        assertEquals(List.of("Jobbtorg Kista", "Jobbtorg Skärholmen"), listed.units);
    }

    @Test
    void aPhoneOrAnEmailThatCannotBeOneIsToldAtItsFieldAndNothingIsChosen() {
        SettingsViewModel form = new SettingsViewModel(SV, "Linnea Ek", "Jobbtorg Kista", SV.locale(), false)
                .withContact(new CoachContact("", ""));
        form.phone.set("ring mig");
        form.email.set("linnea.ek.stockholm.se");
        assertNull(form.validate());
        assertEquals(SV.get("settings.problem.phone"), form.phoneProblem.get());
        assertEquals(SV.get("settings.problem.email"), form.emailProblem.get());

        form.phone.set(" 08-508 123 45 ");
        form.email.set("linnea.ek@stockholm.se");
        assertEquals("", form.phoneProblem.get(), "the problem goes as the field is corrected");
        SettingsViewModel.Choice choice = form.validate();
        assertEquals(new CoachContact("08-508 123 45", "linnea.ek@stockholm.se"), choice.contact());

        SettingsViewModel empty = new SettingsViewModel(SV, "Linnea Ek", "Jobbtorg Kista", SV.locale(), false)
                .withContact(new CoachContact("08-508 123 45", "linnea.ek@stockholm.se"));
        empty.phone.set("");
        empty.email.set("");
        assertEquals(new CoachContact("", ""), empty.validate().contact(), "both may be left out");
    }
}
