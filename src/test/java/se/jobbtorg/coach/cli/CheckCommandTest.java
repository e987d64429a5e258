package se.jobbtorg.coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.store.Database;

class CheckCommandTest {
    @TempDir
    Path dir;

    int check(Path file, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CheckCommand(file, Clock.systemUTC(), TestPassphrase.get())
                .run(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsRefusedAndNotCreated() {
        var err = new ByteArrayOutputStream();
        assertEquals(CheckCommand.FAILED, check(dir.resolve("typo.db"), new ByteArrayOutputStream(), err));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
        assertTrue(Files.notExists(dir.resolve("typo.db")));
    }

    @Test
    void aHealthyDatabaseGivesOneLineAndExitZero() {
        Database.open(dir.resolve("c.db"), Clock.systemUTC(), TestPassphrase.get())
                .close();
        var out = new ByteArrayOutputStream();
        assertEquals(CheckCommand.OK, check(dir.resolve("c.db"), out, new ByteArrayOutputStream()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("ok file="));
        assertTrue(out.toString(StandardCharsets.UTF_8).strip().endsWith("participants=0"));
    }

    @Test
    void aDamagedFileGivesExitThree() throws Exception {
        Path file = dir.resolve("c.db");
        try (var db = Database.open(file, Clock.systemUTC(), TestPassphrase.get())) {
            db.backup("manual");
        }
        // Garbage over the first page: the passphrase opens the backup, so the file is damaged.
        Files.writeString(file, "garbage that is no database, long enough to have a header of sorts".repeat(100));
        var err = new ByteArrayOutputStream();
        assertEquals(CheckCommand.DAMAGED, check(file, new ByteArrayOutputStream(), err));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("damaged"));
    }

    @Test
    void aWrongPassphraseGivesExitOneAndSaysSo() {
        Path file = dir.resolve("c.db");
        Database.open(file, Clock.systemUTC(), TestPassphrase.get()).close();
        var err = new ByteArrayOutputStream();
        int code = new CheckCommand(file, Clock.systemUTC(), Passphrase.of("not the one at all"))
                .run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(CheckCommand.FAILED, code);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("reason=wrong passphrase"),
                err.toString(StandardCharsets.UTF_8));
    }
}
