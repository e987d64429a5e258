package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;

/**
 * A central server that starts from nothing, headless: init, the team passphrase for first
 * contact, a coach's package refused until its computer is admitted by the fingerprint its owner
 * reads out, then imported; a wrong fingerprint admits nothing; a withdrawn computer stays out.
 */
class TeamCommandsMainTest {
    @TempDir
    Path dir;

    private String home;

    @BeforeEach
    void ownHome() {
        String xdg = System.getenv("XDG_DATA_HOME");
        assumeTrue(
                (xdg == null || xdg.isBlank())
                        && !System.getProperty("os.name", "").toLowerCase().startsWith("windows"),
                "the log folder would not be under user.home");
        home = System.getProperty("user.home");
        System.setProperty("user.home", dir.resolve("home").toString());
    }

    @AfterEach
    void back() {
        if (home != null) {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void aServerStartedWithInitAdmitsACoachByFingerprintAndImportsHerPackage() throws Exception {
        String team = "teamets gemensamma lösenfras";
        Path teamFile = dir.resolve("team.txt");
        Files.writeString(teamFile, team + "\n");
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, TestPassphrase.TEXT + "\n");

        // A coach's laptop, with the team passphrase set, leaves a package.
        Path laptop = dir.resolve("linnea.db");
        Path pkg = dir.resolve("linnea.caseload.zip");
        String laptopId;
        String fingerprint;
        try (Database db = Database.open(laptop, Clock.systemUTC(), TestPassphrase.get())) {
            var me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new CaseloadService(db, Clock.systemUTC())
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1991, 4, 2), 242, false)
                                    .display(),
                            "Saga",
                            "Öberg",
                            null,
                            null,
                            null));
            SyncService sync = new SyncService(db, Clock.systemUTC(), me::name);
            sync.team().setTeamPassphrase(team);
            sync.exportSnapshot(pkg, p -> {});
            laptopId = sync.deviceId();
            fingerprint = sync.team().devices().get(0).fingerprint();
        }

        Path server = dir.resolve("city.db");
        String db = server.toString();
        assertEquals(
                0,
                SyncMainTest.main("init", "--db", db, "--passphrase-file", secret.toString())
                        .code());
        var set = SyncMainTest.main(
                "team-passphrase",
                "--db",
                db,
                "--passphrase-file",
                secret.toString(),
                "--team-passphrase-file",
                teamFile.toString());
        assertEquals(0, set.code(), set.err());

        var refused = SyncMainTest.main("import", "--db", db, "--passphrase-file", secret.toString(), pkg.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("reason=not_admitted"), refused.err());

        var listed = SyncMainTest.main("devices", "--db", db, "--passphrase-file", secret.toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(
                listed.out()
                        .contains("device id=" + laptopId + " standing=not_admitted fingerprint="
                                + fingerprint.replace(' ', '-')),
                listed.out());

        var wrong = SyncMainTest.main(
                "admit",
                "--db",
                db,
                "--passphrase-file",
                secret.toString(),
                laptopId,
                "--fingerprint",
                "0000 0000 0000 0000 0000");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("the fingerprint differs"), wrong.err());

        // Read out by phone in groups, typed with spaces and in lower case: the same fingerprint.
        var admitted = SyncMainTest.main(
                "admit",
                "--db",
                db,
                "--passphrase-file",
                secret.toString(),
                laptopId,
                "--fingerprint",
                fingerprint.toLowerCase());
        assertEquals(0, admitted.code(), admitted.err());

        var imported = SyncMainTest.main("import", "--db", db, "--passphrase-file", secret.toString(), pkg.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains(" new="), imported.out());
        try (Database city = Database.open(server, Clock.systemUTC(), TestPassphrase.get())) {
            assertEquals(1, new CaseloadService(city, Clock.systemUTC()).participantCount());
        }

        var withdrawn = SyncMainTest.main("withdraw", "--db", db, "--passphrase-file", secret.toString(), laptopId);
        assertEquals(0, withdrawn.code(), withdrawn.err());
        var again = SyncMainTest.main(
                "admit", "--db", db, "--passphrase-file", secret.toString(), laptopId, "--fingerprint", fingerprint);
        assertEquals(1, again.code(), "a withdrawal is final");
    }
}
