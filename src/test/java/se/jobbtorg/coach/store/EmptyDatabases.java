package se.jobbtorg.coach.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.sqlite.SQLiteConfig;
import se.jobbtorg.coach.TestPassphrase;

/**
 * New, empty test databases made by copying one migrated template (made once per test JVM)
 * instead of running every migration again for each. The template is migrated and nothing
 * more: it holds no device id and no device keys, so {@link Database#open} makes both for each
 * copy, and every copy is a device of its own (a shared device id would be refused on import as
 * {@code same_device}). A copy opens as an existing file does (quick_check, its reader's key
 * derived beside the writer's), which is what a user's every open after the first one does.
 * For tests whose subject is not the first open; a test of creating a database opens a new file.
 */
public final class EmptyDatabases {
    private static Path template;

    private EmptyDatabases() {}

    /** A copy of the template at file (which must not exist), opened under the test passphrase. */
    public static Database open(Path file, Clock clock) {
        try {
            Files.copy(template(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Database.open(file, clock, TestPassphrase.get());
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("empty-database");
                dir.toFile().deleteOnExit();
                Path file = dir.resolve("template.db");
                try (Connection c = EncryptedFiles.connect(
                                file, TestPassphrase.get(), SQLiteConfig.TransactionMode.IMMEDIATE, false);
                        Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA foreign_keys = ON");
                    Migrations.migrate(c, Migrations.latestVersion());
                    ChangeLogBackfill.run(c);
                }
                // Closing the only connection checkpoints the WAL into the file and removes it:
                // the file alone is the whole database.
                if (Files.exists(EncryptedFiles.sibling(file, "-wal"))) {
                    throw new IllegalStateException("the template's WAL was not folded into it");
                }
                file.toFile().deleteOnExit();
                template = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("template database not made", e);
            }
        }
        return template;
    }
}
