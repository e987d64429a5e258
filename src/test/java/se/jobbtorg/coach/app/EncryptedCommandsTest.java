package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.RawConnections;

/** The headless commands on an encrypted database: init, then check, with the passphrase from a file or stdin. */
class EncryptedCommandsTest {
    @TempDir
    Path dir;

    private String home;
    private InputStream stdin;

    @BeforeEach
    void ownHome() {
        String xdg = System.getenv("XDG_DATA_HOME");
        assumeTrue(
                (xdg == null || xdg.isBlank())
                        && !System.getProperty("os.name", "").toLowerCase().startsWith("windows"),
                "the log folder would not be under user.home");
        home = System.getProperty("user.home");
        stdin = System.in;
        System.setProperty("user.home", dir.resolve("home").toString());
    }

    @AfterEach
    void back() {
        if (home != null) {
            System.setProperty("user.home", home);
            System.setIn(stdin);
        }
    }

    private Path passphraseFile(String text) throws Exception {
        Path file = dir.resolve("secret-" + System.nanoTime() + ".txt");
        Files.writeString(file, text + "\n");
        return file;
    }

    @Test
    void initCreatesAnEncryptedDatabaseThatCheckOpensWithTheSamePassphrase() throws Exception {
        Path db = dir.resolve("team/lead.db");
        Path secret = passphraseFile("teamets egen lösenfras 7");
        var created = SyncMainTest.main("init", "--db", db.toString(), "--passphrase-file", secret.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("created file="), created.out());
        byte[] head = Files.readAllBytes(db);
        assertFalse(
                new String(head, 0, 15, StandardCharsets.ISO_8859_1).startsWith("SQLite format"),
                "no plain SQLite header: the file is encrypted");
        if (!System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())));
        }

        var checked = SyncMainTest.main("check", "--db", db.toString(), "--passphrase-file", secret.toString());
        assertEquals(0, checked.code(), checked.err());
        assertTrue(checked.out().startsWith("ok file="), checked.out());

        System.setIn(new ByteArrayInputStream("teamets egen lösenfras 7\n".getBytes(StandardCharsets.UTF_8)));
        var piped = SyncMainTest.main("check", "--db", db.toString());
        assertEquals(0, piped.code(), "the passphrase from standard input: " + piped.err());

        var wrong = SyncMainTest.main(
                "check",
                "--db",
                db.toString(),
                "--passphrase-file",
                passphraseFile("någon annans lösenfras").toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("reason=wrong passphrase"), wrong.err());

        var again = SyncMainTest.main("init", "--db", db.toString(), "--passphrase-file", secret.toString());
        assertEquals(1, again.code(), "init never overwrites a caseload");
        assertTrue(again.err().contains("a database exists there already"), again.err());
    }

    @Test
    void thePassphraseIsNeverAnArgumentAndAWeakOneIsRefusedByInit() throws Exception {
        var argument = SyncMainTest.main("check", "--passphrase", "hemligt123");
        assertEquals(2, argument.code());
        assertTrue(argument.err().contains("never an argument"), argument.err());

        Path db = dir.resolve("weak.db");
        var weak = SyncMainTest.main(
                "init",
                "--db",
                db.toString(),
                "--passphrase-file",
                passphraseFile("kort").toString());
        assertEquals(1, weak.code());
        assertTrue(weak.err().contains("at least 10 characters"), weak.err());
        assertFalse(Files.exists(db), "nothing was created");

        System.setIn(new ByteArrayInputStream(new byte[0]));
        var none = SyncMainTest.main("check", "--db", db.toString());
        assertEquals(2, none.code(), "no passphrase at all is a usage error");
        assertTrue(none.err().contains("no passphrase"), none.err());
    }

    @Test
    void aCommandRefusesAPlainDatabaseInsteadOfEncryptingItUnderAPassphraseTypedOnce() throws Exception {
        Path encrypted = dir.resolve("new.db");
        Database.open(encrypted, Clock.systemUTC(), TestPassphrase.get()).close();
        Path plain = RawConnections.plainCopy(encrypted, dir.resolve("old.db"));
        byte[] before = Files.readAllBytes(plain);
        System.setIn(new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)));
        var refused = SyncMainTest.main("check", "--db", plain.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("not encrypted yet: open it once in the window"), refused.err());
        assertTrue(Arrays.equals(before, Files.readAllBytes(plain)), "the plain file is as it was");
    }
}
