package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.Table;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * The bench's yardstick: the rows of a database (every synchronised record, its change-log rows
 * and search tokens) copied with nothing but plain JDBC batched inserts, in one transaction, into a
 * plain (unencrypted) SQLite file with the same tables, indexes and triggers, and the page cache
 * of the program's bulk load. What the program's own
 * writing of the same rows is compared with. Reading the source is part of the time, and small
 * beside the writing.
 */
public final class PlainBaseline {
    private static final int BATCH = 2_000;

    private PlainBaseline() {}

    /** Copies the rows into a new plain file and returns how many were written. */
    public static long copy(Database db, Path plain) {
        return copy(db, plain, null);
    }

    /**
     * As {@link #copy(Database, Path)}, into a file encrypted as the program's are (SQLCipher 4,
     * the key derived from the passphrase) when one is given: the same writing, and what the
     * encryption of every page written costs. Foreign keys are not enforced in either.
     */
    public static long copy(Database db, Path file, Passphrase encryptedWith) {
        return db.read(dsl -> dsl.connectionResult(source -> {
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            try (Connection target = encryptedWith == null
                    ? DriverManager.getConnection(url)
                    : EncryptedFiles.config(encryptedWith).createConnection(url)) {
                try (Statement s = target.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = FULL");
                    // The page cache the program's own bulk load has: with SQLite's default of
                    // 2 MiB every insert at a random place of an index read its page again, and
                    // the yardstick measured the cache rather than plain writing.
                    s.execute("PRAGMA cache_size = -" + Database.LARGE_WRITE_CACHE_KIB);
                    for (String sql : schema(source)) {
                        s.execute(sql);
                    }
                }
                target.setAutoCommit(false);
                long rows = 0;
                List<Table<?>> tables = new ArrayList<>();
                SyncEntities.all().forEach(e -> tables.add(e.table()));
                tables.add(CHANGE_LOG);
                tables.add(PARTICIPANT_SEARCH);
                for (Table<?> table : tables) {
                    rows += copy(source, target, table.getName());
                }
                target.commit();
                return rows;
            }
        }));
    }

    private static List<String> schema(Connection source) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        try (Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) {
                ("index".equals(rs.getString(1)) ? indexes : tables).add(rs.getString(2));
            }
        }
        // Indexes before the rows, as the program has them while it writes.
        tables.addAll(indexes);
        return Collections.unmodifiableList(tables);
    }

    private static long copy(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement read = source.createStatement();
                ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(rs.getMetaData().getColumnName(i));
            }
            try (PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " ("
                    + String.join(", ", names) + ") VALUES (" + String.join(", ", Collections.nCopies(columns, "?"))
                    + ")")) {
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        insert.setObject(i, rs.getObject(i));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }
}
