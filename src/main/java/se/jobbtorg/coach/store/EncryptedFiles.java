package se.jobbtorg.coach.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * The database files encrypted at rest: SQLite3 Multiple Ciphers in its SQLCipher 4 scheme
 * (AES-256 in CBC mode with an HMAC-SHA512 per page; the key derived from the passphrase with
 * PBKDF2-HMAC-SHA512, 256,000 iterations, and a random 16-byte salt kept in the file's first
 * bytes). The WAL and every VACUUM INTO copy are encrypted with the same key. Decision 0006 says
 * why this scheme and what it costs.
 */
final class EncryptedFiles {
    private static final Logger LOG = Logger.getLogger(EncryptedFiles.class.getName());
    private static final byte[] PLAIN_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** See {@link #initialiseSqlite()}. */
    private static boolean sqliteInitialised;

    /** What lies at a path, read from its first bytes without opening it. */
    enum State {
        MISSING,
        PLAIN,
        ENCRYPTED
    }

    private EncryptedFiles() {}

    static State state(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return State.MISSING;
        }
        byte[] head = new byte[PLAIN_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return n == head.length && Arrays.equals(head, PLAIN_HEADER) ? State.PLAIN : State.ENCRYPTED;
        }
    }

    /** The driver's configuration with the key; the key goes in by pragma, never in a URL. */
    static SQLiteMCConfig config(Passphrase passphrase) {
        return SQLiteMCSqlCipherConfig.getV4Defaults()
                .withKey(passphrase.reveal())
                .build();
    }

    /**
     * Opens a connection with the key. A wrong key shows as SQLITE_NOTADB on the first read, so
     * one read is made here: the caller learns at once, not in the middle of its work.
     */
    static Connection connect(Path file, Passphrase passphrase, SQLiteConfig.TransactionMode mode, boolean readOnly)
            throws SQLException {
        initialiseSqlite();
        SQLiteMCConfig config = config(passphrase);
        config.setTransactionMode(mode);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setReadOnly(readOnly);
        Connection c;
        try {
            c = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw wrongKeyOr(file, e);
        }
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            close(c);
            throw wrongKeyOr(file, e);
        }
        return c;
    }

    /**
     * SQLite started once, by one thread, before any connection to a file. SQLite3 Multiple
     * Ciphers puts its encrypting file layer in place while SQLite initialises, and SQLite marks
     * itself initialised before that step: two connections that are a process's first, opened at
     * once (the writer and the reader, deriving their keys side by side), can race past it, and
     * the one that did reads the file without the cipher. A right passphrase then reads as wrong,
     * and the window offered to restore a backup (about one start in 30 on 2 cores, 2026-12-04;
     * the driver's issue utelle/SQLite3MultipleCiphers#194, fixed after the version we can get).
     * An in-memory connection opened here first, alone, closes that window.
     */
    static synchronized void initialiseSqlite() throws SQLException {
        if (!sqliteInitialised) {
            try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
                sqliteInitialised = true;
            }
        }
    }

    /** True if this passphrase opens the file (a read-only connection, closed at once). */
    static boolean opens(Path file, Passphrase passphrase) {
        try (Connection c = connect(file, passphrase, SQLiteConfig.TransactionMode.DEFERRED, true)) {
            return true;
        } catch (WrongPassphraseException e) {
            return false;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file.getFileName(), e);
        }
    }

    private static SQLException wrongKeyOr(Path file, SQLException e) {
        if (isNotADatabase(e)) {
            throw new WrongPassphraseException(file, e);
        }
        return e;
    }

    static boolean isNotADatabase(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_NOTADB");
    }

    /**
     * Changes the key of an open connection. SQLite3 Multiple Ciphers refuses to rekey in WAL
     * mode, so the file goes to a rollback journal for the rekey (every other connection to it
     * must be closed) and back to WAL afterwards. The journal holds pages under the old key.
     */
    static void rekey(Connection c, Passphrase next) throws SQLException {
        try (Statement s = c.createStatement()) {
            String mode = single(s, "PRAGMA journal_mode");
            if ("wal".equalsIgnoreCase(mode)) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("PRAGMA journal_mode = DELETE");
            }
            s.execute("PRAGMA rekey = " + quoted(next));
            if ("wal".equalsIgnoreCase(mode)) {
                s.execute("PRAGMA journal_mode = WAL");
            }
        }
    }

    /** Changes the key of a file that no one has open (a backup). */
    static void rekey(Path file, Passphrase current, Passphrase next) throws SQLException {
        try (Connection c = connect(file, current, SQLiteConfig.TransactionMode.IMMEDIATE, false)) {
            rekey(c, next);
        }
    }

    /**
     * Encrypts a plain database in place, safely: the work is done on a copy (with its journal
     * in memory, so no page in clear is written beside it), the copy is checked table by table
     * against the original, then put in the original's place; the plain original is overwritten
     * before it is deleted. A crash at any point leaves either the plain file or the encrypted one
     * under the name, and {@link #recover} tidies what is left beside it on the next start.
     */
    static void encryptPlain(Path file, Passphrase passphrase) throws IOException, SQLException {
        Path copy = sibling(file, ".encrypting");
        Path original = sibling(file, ".plain-original");
        PrivateFiles.wipe(copy);
        Map<String, Long> counts;
        initialiseSqlite();
        try (Connection plain = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                Statement s = plain.createStatement()) {
            // Everything into the main file, so the copy below is the whole database.
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("PRAGMA journal_mode = DELETE");
            counts = rowCounts(plain);
        }
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        PrivateFiles.restrictIfExists(copy);
        try (Connection c = SQLiteMCSqlCipherConfig.getV4Defaults().build().createConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = MEMORY");
            s.execute("PRAGMA rekey = " + quoted(passphrase));
        }
        try (Connection c = connect(copy, passphrase, SQLiteConfig.TransactionMode.DEFERRED, false);
                Statement s = c.createStatement()) {
            if (!"ok".equals(single(s, "PRAGMA quick_check")) || !rowCounts(c).equals(counts)) {
                throw new StoreException("the encrypted copy does not match the plain database");
            }
            s.execute("PRAGMA journal_mode = WAL");
        }
        Files.move(file, original, StandardCopyOption.ATOMIC_MOVE);
        Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.wipe(original);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            PrivateFiles.wipe(sibling(file, suffix));
        }
        LOG.info("plain database encrypted; the plain file was overwritten and deleted");
    }

    /** Finishes or undoes a conversion that a crash interrupted (see {@link #encryptPlain}). */
    static void recover(Path file) throws IOException {
        Path copy = sibling(file, ".encrypting");
        Path original = sibling(file, ".plain-original");
        if (!Files.exists(file) && Files.exists(original)) {
            // Crashed between the two moves: the plain file is the one to start again from.
            Files.move(original, file, StandardCopyOption.ATOMIC_MOVE);
        }
        PrivateFiles.wipe(original);
        PrivateFiles.wipe(copy);
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                var tables = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String name : names) {
                try (Statement q = c.createStatement();
                        var rs = q.executeQuery("SELECT count(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                    counts.put(name, rs.next() ? rs.getLong(1) : 0L);
                }
            }
        }
        return counts;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String quoted(Passphrase passphrase) {
        return "'" + passphrase.reveal().replace("'", "''") + "'";
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.fine("close failed");
        }
    }
}
