package se.jobbtorg.coach.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import se.jobbtorg.coach.TestPassphrase;

/** A plain JDBC connection to a test database (encrypted under the test passphrase), for what tests do behind the store's back. */
public final class RawConnections {
    private RawConnections() {}

    public static Connection open(Path file) throws SQLException {
        return EncryptedFiles.connect(file, TestPassphrase.get(), SQLiteConfig.TransactionMode.DEFERRED, false);
    }

    /** A plain (unencrypted) copy of a test database, as the version before this one left them. */
    public static Path plainCopy(Path encrypted, Path target) throws Exception {
        return PlainFiles.plainCopy(encrypted, target);
    }
}
