package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * The caseload's SQLite file. One writer connection, used by one thread at a time in IMMEDIATE
 * transactions (SQLite up to 3.51.2 can corrupt a WAL file when two connections write or
 * checkpoint at once, and the encrypting driver is older than that fix), and one reader
 * connection whose deferred transactions see a consistent snapshot while the writer works.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    static final String KEY_DEVICE_ID = "device_id";

    private final Path file;
    private final Clock clock;
    private final Connection writer;
    private final Connection reader;
    private final DSLContext writeDsl;
    private final DSLContext readDsl;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Backups backups;
    private final String deviceId;
    private final HybridLogicalClock hlc;
    private final FileLock lock;

    private Database(Path file, Clock clock, Connection writer, Connection reader, Backups backups, FileLock lock) {
        this.file = file;
        this.lock = lock;
        this.clock = clock;
        this.writer = writer;
        this.reader = reader;
        this.backups = backups;
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.writeDsl = DSL.using(writer, SQLDialect.SQLITE, settings);
        this.readDsl = DSL.using(reader, SQLDialect.SQLITE, settings);
        this.deviceId = ensureDeviceId();
        // The greatest stamp known, not the last one logged: an import logs changes in entity
        // order, so the last row is often older than one before it.
        String lastStamp = readDsl.select(org.jooq.impl.DSL.max(Tables.CHANGE_LOG.NEW_STAMP)).from(Tables.CHANGE_LOG)
                .fetchOne(0, String.class);
        this.hlc = new HybridLogicalClock(clock, deviceId, lastStamp);
    }

    /**
     * Opens (or creates) the file: checks an existing one with quick_check, backs it up with
     * VACUUM INTO before any migration, then migrates to the latest version.
     */
    public static Database open(Path file, Clock clock) {
        return open(file, clock, Migrations.latestVersion());
    }

    /** Opens at a given schema version: only tests need anything but the latest. */
    static Database open(Path file, Clock clock, int targetVersion) {
        Path absolute = file.toAbsolutePath();
        Backups backups = new Backups(absolute, clock);
        Connection writer = null;
        FileLock lock = null;
        try {
            Files.createDirectories(absolute.getParent());
            lock = lock(absolute);
            boolean existed = Files.exists(absolute) && Files.size(absolute) > 0;
            writer = connect(absolute, SQLiteConfig.TransactionMode.IMMEDIATE);
            if (existed) {
                quickCheck(writer, absolute, backups);
            }
            int version = Migrations.currentVersion(writer);
            if (existed && version > 0 && version < targetVersion) {
                backups.create(writer, "v" + version);
            }
            Migrations.migrate(writer, targetVersion);
            if (targetVersion >= 5) {
                ChangeLogBackfill.run(writer);
            }
            if (targetVersion >= 6) {
                // The device's keys from the first opening on, so every backup holds them.
                DeviceKeys.ensure(writer, absolute, clock);
            }
            Connection reader = connect(absolute, SQLiteConfig.TransactionMode.DEFERRED);
            LOG.info(() -> "opened database at schema version " + targetVersion);
            return new Database(absolute, clock, writer, reader, backups, lock);
        } catch (SQLException | IOException e) {
            closeQuietly(writer);
            release(lock);
            if (e instanceof SQLException sql && isNotADatabase(sql)) {
                throw new DatabaseDamagedException(absolute, backups.latest().orElse(null), "not a database", e);
            }
            throw new StoreException("cannot open database", e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            release(lock);
            throw e;
        }
    }

    /**
     * One program at a time per file: a second window (or a check while the window is open)
     * would be a second writer connection.
     */
    private static FileLock lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DatabaseInUseException(file);
        }
        return lock;
    }

    private static void release(FileLock lock) {
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "lock release failed", e);
            }
        }
    }

    private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(mode);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            // FULL: with NORMAL the last commits can roll back after a power cut.
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static void quickCheck(Connection c, Path file, Backups backups) {
        String result;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check")) {
            result = rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            throw new DatabaseDamagedException(file, backups.latest().orElse(null), "quick_check failed", e);
        }
        if (!"ok".equals(result)) {
            throw new DatabaseDamagedException(file, backups.latest().orElse(null), "quick_check", null);
        }
    }

    private static boolean isNotADatabase(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT");
    }

    private String ensureDeviceId() {
        var state = Tables.LOCAL_STATE;
        String id = writeDsl.select(state.VALUE).from(state).where(state.KEY.eq(KEY_DEVICE_ID)).fetchOne(state.VALUE);
        if (id == null) {
            id = UUID.randomUUID().toString();
            writeDsl.insertInto(state).set(state.KEY, KEY_DEVICE_ID).set(state.VALUE, id).execute();
        }
        return id;
    }

    /** Runs a read in one snapshot. Never call from the FX thread. */
    public <T> T read(Function<DSLContext, T> work) {
        readLock.lock();
        try {
            reader.setAutoCommit(false);
            try {
                return work.apply(readDsl);
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Runs work in one IMMEDIATE transaction on the writer connection: every change it makes,
     * and the change-log rows describing them, commit together or not at all.
     */
    public <T> T write(Function<Transaction, T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            // A nested write would commit the outer transaction half-way.
            throw new IllegalStateException("write inside a write");
        }
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            boolean committed = false;
            try {
                Transaction tx = new Transaction(writeDsl, hlc, deviceId, clock);
                T result = work.apply(tx);
                writer.commit();
                committed = true;
                // Still under the write lock: what only a committed transaction may do (move the clock).
                tx.afterCommit().forEach(Runnable::run);
                return result;
            } finally {
                if (!committed) {
                    // Whatever went wrong (an exception, an Error, a failed commit), nothing of
                    // the transaction may stay: setAutoCommit(true) below would commit it.
                    writer.rollback();
                }
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** A consistent copy of the whole file (VACUUM INTO) in the backups folder. */
    public Path backup(String reason) {
        writeLock.lock();
        try {
            return backups.create(writer, reason);
        } finally {
            writeLock.unlock();
        }
    }

    public Path file() {
        return file;
    }

    public String deviceId() {
        return deviceId;
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try (Statement s = writer.createStatement()) {
            // optimize keeps the planner's statistics fresh (SQLite's advice for every close).
            s.execute("PRAGMA optimize");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "checkpoint at close failed", e);
        } finally {
            closeQuietly(reader);
            closeQuietly(writer);
            release(lock);
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        }
    }
}
