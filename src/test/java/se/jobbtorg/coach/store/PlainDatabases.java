package se.jobbtorg.coach.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.sqlite.SQLiteConfig;

/**
 * Test-only seam for the cost harness: a {@link Database} on a plain file, so that "without
 * encryption" runs the store's own code for everything after the open. The store has no way to
 * open a plain file (it encrypts one it finds), and main code is not changed for a measurement,
 * so this reaches the private constructor by reflection and repeats {@code Database.open}'s
 * steps (lock, recover, quick_check, migrate, backfill, two connections with the same pragmas)
 * with connections that carry no key. The same SQLite3 Multiple Ciphers library serves both.
 */
final class PlainDatabases {
    private PlainDatabases() {}

    static Database open(Path file, Clock clock) throws Exception {
        Path absolute = file.toAbsolutePath();
        Backups backups = new Backups(absolute, clock);
        if (!Files.isDirectory(absolute.getParent())) {
            PrivateFiles.folder(absolute.getParent());
        }
        FileLock lock = (FileLock) invoke("lock", new Class<?>[] {Path.class}, absolute);
        EncryptedFiles.recover(absolute);
        EncryptedFiles.State state = EncryptedFiles.state(absolute);
        if (state == EncryptedFiles.State.ENCRYPTED) {
            lock.channel().close();
            throw new IllegalArgumentException(absolute.getFileName() + " is encrypted");
        }
        PrivateFiles.file(absolute);
        Connection writer = connect(absolute, SQLiteConfig.TransactionMode.IMMEDIATE);
        if (state != EncryptedFiles.State.MISSING) {
            invoke(
                    "quickCheck",
                    new Class<?>[] {Connection.class, Path.class, Backups.class},
                    writer,
                    absolute,
                    backups);
        }
        Migrations.migrate(writer, Migrations.latestVersion());
        ChangeLogBackfill.run(writer);
        DeviceKeys.ensure(writer, absolute, clock);
        Connection reader = connect(absolute, SQLiteConfig.TransactionMode.DEFERRED);
        Constructor<Database> constructor = Database.class.getDeclaredConstructor(
                Path.class,
                Clock.class,
                Connection.class,
                Connection.class,
                Backups.class,
                FileLock.class,
                boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(absolute, clock, writer, reader, backups, lock, false);
    }

    /** As {@code EncryptedFiles.connect} and {@code Database.connect}, without the key. */
    private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(mode);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
        }
        return c;
    }

    private static Object invoke(String name, Class<?>[] types, Object... args) throws Exception {
        Method m = Database.class.getDeclaredMethod(name, types);
        m.setAccessible(true);
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
