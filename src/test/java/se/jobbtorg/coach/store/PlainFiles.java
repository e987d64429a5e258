package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sqlite.SQLiteConfig;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * Plain databases as the version before encryption left them: the same schema in WAL mode,
 * without a key. Made from a database the store wrote (so the schema is the real one) by
 * rekeying it to the empty key, which SQLite3 Multiple Ciphers reads as "decrypt".
 */
final class PlainFiles {
    private PlainFiles() {}

    /** Decrypts a closed test database (under the test passphrase) where it lies. */
    static void decrypt(Path file) throws SQLException {
        try (Connection c = RawConnections.open(file)) {
            EncryptedFiles.rekey(c, Passphrase.of(""));
        }
        try {
            if (EncryptedFiles.state(file) != EncryptedFiles.State.PLAIN) {
                throw new IllegalStateException(file.getFileName() + " is still encrypted");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain copy of a closed test database, beside nothing: the original stays encrypted. */
    static Path plainCopy(Path encrypted, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        Files.copy(encrypted, target);
        decrypt(target);
        return target;
    }

    /** A connection without a key, as the plain driver (or the sqlite3 shell) would make. */
    static Connection open(Path file) throws SQLException {
        return new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
    }

    /** Every row of a table, each as its columns' text, in a stable order (for comparing two files). */
    static List<List<String>> rows(Connection c, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    /** The rows of the tables that hold a caseload, from a file under the test passphrase. */
    static List<List<List<String>>> caseloadRows(Path encrypted) throws SQLException {
        try (Connection c = RawConnections.open(encrypted)) {
            return caseloadRows(c);
        }
    }

    static List<List<List<String>>> caseloadRows(Connection c) throws SQLException {
        List<List<List<String>>> all = new ArrayList<>();
        for (String table : CASELOAD_TABLES) {
            all.add(rows(c, table));
        }
        return all;
    }

    static final List<String> CASELOAD_TABLES = List.of(
            "coach",
            "participant",
            "participant_search",
            "enrolment",
            "activity_plan",
            "activity",
            "meeting",
            "activity_follow_up",
            "change_log");
}
