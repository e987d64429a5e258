package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;

/** The import and export commands as the jar's main method runs them. */
class SyncMainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run main(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        Run both = main("export", "--db", dir.resolve("a.db").toString(), "--snapshot", "--since", "3", "--out", "x");
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("--snapshot excludes --since and --for"), both.err());
        assertTrue(both.err().contains("export [--db FILE]"), "the usage follows");

        Run since = main("export", "--since", "yesterday", "--out", "x");
        assertEquals(2, since.code());
        assertTrue(since.err().startsWith("--since takes a sequence number"), since.err());
    }

    /**
     * A whole exchange through main. The commands log to the user's data folder, so the test
     * points user.home at its own folder (and runs only where that decides the folder).
     */
    @Test
    void exportThenImportThroughMain() throws IOException {
        String xdg = System.getenv("XDG_DATA_HOME");
        assumeTrue(
                (xdg == null || xdg.isBlank())
                        && !System.getProperty("os.name", "").toLowerCase().startsWith("windows"),
                "the log folder would not be under user.home");
        Path a = dir.resolve("a.db");
        Path b = dir.resolve("b.db");
        for (Path db : new Path[] {a, b}) {
            try (Database d = Database.open(db, Clock.systemUTC(), TestPassphrase.get())) {
                new CoachService(d).setCurrentCoach(db == a ? "Linnea Ek" : "Karim Haddad", "Jobbtorg Kista");
            }
        }
        // Their people have admitted each other's laptops.
        try (Database da = TestTeam.open(a, Clock.systemUTC());
                Database db = TestTeam.open(b, Clock.systemUTC())) {
            TestTeam.admitEachOther(
                    new SyncService(da, Clock.systemUTC(), () -> "Linnea Ek"),
                    new SyncService(db, Clock.systemUTC(), () -> "Karim Haddad"));
        }
        Path pkg = dir.resolve("a.caseload.zip");
        Path secret = dir.resolve("passphrase.txt");
        Files.writeString(secret, TestPassphrase.TEXT + "\n");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.resolve("home").toString());
        try {
            Run exported = main(
                    "export",
                    "--db",
                    a.toString(),
                    "--passphrase-file",
                    secret.toString(),
                    "--snapshot",
                    "--out",
                    pkg.toString());
            assertEquals(0, exported.code(), exported.err());
            assertTrue(
                    // The log's second row is the audit entry of the admission; the trail is counted apart.
                    exported.out().startsWith("exported file=" + pkg + " kind=snapshot changes=1 from=0 to=2 trail=1 "),
                    exported.out());

            Run imported = main(
                    "import",
                    "--db",
                    b.toString(),
                    "--passphrase-file",
                    secret.toString(),
                    "--dry-run",
                    pkg.toString());
            assertEquals(0, imported.code(), imported.err());
            assertTrue(imported.out().startsWith("would-import file=" + pkg + " producer="), imported.out());
            assertTrue(
                    imported.out().contains(" kind=snapshot new=1 updated=0 unchanged=0 conflicts=0 merged=0"),
                    imported.out());
            assertTrue(Files.isDirectory(dir.resolve("home")), "the log went to the test's folder");
        } finally {
            System.setProperty("user.home", home);
            LogManager.getLogManager().readConfiguration();
        }
    }
}
