package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import se.jobbtorg.coach.domain.Passphrase;
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
    /** How every connection syncs its commits (see connect). */
    static final String SYNCHRONOUS = "FULL";
    /** The page cache of each connection, in KiB (see connect). */
    static final int CACHE_KIB = 65_536;

    /**
     * The cache of work that reads the whole file once (the integrity check, the backup's copy):
     * a large one would not be read again, and its memory would stay with the program.
     */
    static final int SCAN_CACHE_KIB = 8_192;

    /**
     * The writer's cache for the rest of a large write ({@link Transaction#largeWrite}): the
     * bulk load's and the plain baseline's. It fills only with pages the write touches, so a
     * small file never takes it all; at city size the import's resident memory grows by up to it.
     */
    static final int LARGE_WRITE_CACHE_KIB = 512 * 1024;
    /** Rows ANALYZE looks at per index when the close refreshes the statistics (see close). */
    static final int ANALYSIS_LIMIT = 1_000;

    private final Path file;
    private final Clock clock;
    private final Connection writer;
    private Connection reader;
    private final DSLContext writeDsl;
    private DSLContext readDsl;
    /** How many times the reader was made again (a passphrase change): part of {@link #dataVersion}. */
    private long readerEpoch;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Backups backups;
    private final String deviceId;
    private final HybridLogicalClock hlc;
    private final FileLock lock;
    private final boolean convertedFromPlain;
    /** The thread no query may run on (the JavaFX application thread, in the program). */
    private volatile Thread forbidden;
    /**
     * A copy of the passphrase kept from the open until the integrity check that runs after it
     * has its connection (wiped then, or at the close): that connection's key derivation
     * (PBKDF2, 256,000 rounds) is not on the way to the first screen. Null when there is no
     * check to come.
     */
    private Passphrase checkKey;

    private volatile Connection checker;

    private final Object checkLock = new Object();
    private volatile boolean closing;

    private Database(
            Path file,
            Clock clock,
            Connection writer,
            Connection reader,
            Backups backups,
            FileLock lock,
            boolean convertedFromPlain) {
        this.file = file;
        this.convertedFromPlain = convertedFromPlain;
        this.lock = lock;
        this.clock = clock;
        this.writer = writer;
        this.reader = reader;
        this.backups = backups;
        this.writeDsl = DSL.using(writer, SQLDialect.SQLITE, dslSettings());
        this.readDsl = DSL.using(reader, SQLDialect.SQLITE, dslSettings());
        this.deviceId = ensureDeviceId();
        // The greatest stamp known, not the last one logged: an import logs changes in entity
        // order, so the last row is often older than one before it.
        String lastStamp = readDsl.select(DSL.max(Tables.CHANGE_LOG.NEW_STAMP))
                .from(Tables.CHANGE_LOG)
                .fetchOne(0, String.class);
        this.hlc = new HybridLogicalClock(clock, deviceId, lastStamp);
    }

    private static Settings dslSettings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    /**
     * Opens (or creates) the file, encrypted under the passphrase: checks an existing one with
     * quick_check, backs it up with VACUUM INTO before any migration, then migrates to the latest
     * version. A plain database from before encryption is first encrypted in place (see
     * {@link #convertedFromPlain()}). A passphrase that does not open the file throws
     * {@link WrongPassphraseException}.
     */
    public static Database open(Path file, Clock clock, Passphrase passphrase) {
        return open(file, clock, passphrase, Migrations.latestVersion(), Integrity.NOW);
    }

    /**
     * Readies what every open needs before the passphrase is known, so that the open does not
     * pay for it: SQLite started (its native library loaded, its encrypting file layer in place)
     * and jOOQ's first query made, on an in-memory database. A window's start runs it on a thread
     * of its own while JavaFX starts and the passphrase is typed (decision 0017). It changes no
     * file and throws nothing: what fails here fails again, and is told, at the open.
     */
    public static void warmUp() {
        long t0 = System.nanoTime();
        try {
            EncryptedFiles.initialiseSqlite();
            try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
                DSLContext dsl = DSL.using(c, SQLDialect.SQLITE, dslSettings());
                // The generated tables made, and jOOQ's way from a query to its rows taken once.
                dsl.fetchExists(DSL.selectOne()
                        .where(DSL.inline(Tables.CHANGE_LOG.getName()).isNotNull()));
            }
            LOG.fine(() -> "warmed up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "warm-up failed; the open will try again", e);
        }
    }

    /** When the open checks the file's integrity (quick_check, which reads every page). */
    public enum Integrity {
        /** Before anything else: a damaged file does not open (commands, tests). */
        NOW,
        /**
         * After the open, when {@link #checkIntegrity()} is called (the window, in the background
         * once the first screen is up): at city size the check reads gigabytes. A file that must
         * be backed up, migrated or converted at this open is still checked first.
         */
        LATER
    }

    /** Opens as {@link #open(Path, Clock, Passphrase)}, with the integrity check now or later. */
    public static Database open(Path file, Clock clock, Passphrase passphrase, Integrity integrity) {
        return open(file, clock, passphrase, Migrations.latestVersion(), integrity);
    }

    /** Opens at a given schema version: only tests need anything but the latest. */
    static Database open(Path file, Clock clock, Passphrase passphrase, int targetVersion) {
        return open(file, clock, passphrase, targetVersion, Integrity.NOW);
    }

    private static Database open(
            Path file, Clock clock, Passphrase passphrase, int targetVersion, Integrity integrity) {
        Path absolute = file.toAbsolutePath();
        Backups backups = new Backups(absolute, clock);
        Connection writer = null;
        FileLock lock = null;
        try {
            if (passphrase.isEmpty()) {
                throw new IllegalArgumentException("an empty passphrase opens nothing");
            }
            if (!Files.isDirectory(absolute.getParent())) {
                PrivateFiles.folder(absolute.getParent());
            }
            lock = lock(absolute);
            EncryptedFiles.recover(absolute);
            EncryptedFiles.State state = EncryptedFiles.state(absolute);
            boolean converted = false;
            if (state == EncryptedFiles.State.PLAIN) {
                quickCheckPlain(absolute, backups);
                EncryptedFiles.encryptPlain(absolute, passphrase);
                converted = true;
            }
            boolean existed = state != EncryptedFiles.State.MISSING;
            // Created owner-only before SQLite opens it: SQLite gives the -wal and -shm files the
            // permissions of the database file.
            PrivateFiles.file(absolute);
            for (String suffix : new String[] {"-wal", "-shm", ".lock"}) {
                PrivateFiles.restrictIfExists(EncryptedFiles.sibling(absolute, suffix));
            }
            long t0 = System.nanoTime();
            // Each connection derives the key from the passphrase again (PBKDF2, 256,000 rounds:
            // most of an open). An existing file's reader derives it on a thread of its own
            // meanwhile, so the two cost the time of one on two cores; a new or converted file
            // gets its reader after the writer has made it.
            CompletableFuture<Connection> early = state == EncryptedFiles.State.ENCRYPTED && !converted
                    ? CompletableFuture.supplyAsync(() -> readerOrNull(absolute, passphrase), Database::keyThread)
                    : CompletableFuture.completedFuture(null);
            try {
                writer = connect(absolute, passphrase, SQLiteConfig.TransactionMode.IMMEDIATE);
            } catch (WrongPassphraseException e) {
                closeQuietly(early.join());
                // A damaged first page and a wrong passphrase look the same to SQLite. If the
                // newest backup opens with this passphrase, the passphrase is right and the file
                // is damaged: the user is offered that backup instead of being told to retype.
                Optional<Path> latest = backups.latest();
                if (latest.isPresent() && EncryptedFiles.opens(latest.get(), passphrase)) {
                    throw new OnlyBackupOpensException(absolute, latest.get(), e);
                }
                throw e;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(early.join());
                throw e;
            }
            Connection reader = early.join();
            long keyed = System.nanoTime();
            try {
                // Under the passphrase just proven right: the plain backups of this conversion, and
                // any that a crash during an earlier one left plain (the database was encrypted first).
                backups.encryptPlainCopies(passphrase);
                int version = Migrations.currentVersion(writer);
                boolean changesNow = converted || existed && version > 0 && version < targetVersion;
                boolean checkLater = existed && integrity == Integrity.LATER && !changesNow;
                if (existed && !checkLater) {
                    quickCheck(writer, absolute, backups);
                }
                if (converted) {
                    backups.create(writer, "encrypted");
                } else if (existed && version > 0 && version < targetVersion) {
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
                if (reader == null) {
                    reader = connect(absolute, passphrase, SQLiteConfig.TransactionMode.DEFERRED);
                }
                Database db = new Database(absolute, clock, writer, reader, backups, lock, converted);
                // The check's own connection is made when the check runs (see checkKey).
                db.checkKey = checkLater ? Passphrase.of(passphrase.reveal()) : null;
                long done = System.nanoTime();
                LOG.info(() -> String.format(
                        Locale.ROOT,
                        "opened database at schema version %d in %d ms (key derivation %d ms)%s",
                        targetVersion,
                        (done - t0) / 1_000_000,
                        (keyed - t0) / 1_000_000,
                        checkLater ? ", integrity check to follow" : ""));
                return db;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(reader);
                throw e;
            }
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

    /** What is at the path: nothing yet, a plain database from before encryption, or an encrypted one. */
    public static FileState stateOf(Path file) {
        try {
            return switch (EncryptedFiles.state(file.toAbsolutePath())) {
                case MISSING -> FileState.NEW;
                case PLAIN -> FileState.PLAIN;
                case ENCRYPTED -> FileState.ENCRYPTED;
            };
        } catch (IOException e) {
            throw new StoreException("cannot read " + file.getFileName(), e);
        }
    }

    /** What the start of the program asks for: choose a passphrase (twice), or type it. */
    public enum FileState {
        /** No database yet: the user chooses a passphrase. */
        NEW,
        /** A database from before encryption: the user chooses a passphrase and it is encrypted. */
        PLAIN,
        /** An encrypted database: the user types the passphrase. */
        ENCRYPTED
    }

    /**
     * Creates a new, empty, encrypted database (the headless {@code init}); refuses a file that
     * exists, so a script cannot overwrite a caseload.
     */
    public static void create(Path file, Clock clock, Passphrase passphrase) {
        if (stateOf(file) != FileState.NEW) {
            throw new StoreException("a database already exists at " + file.getFileName());
        }
        open(file, clock, passphrase).close();
    }

    /**
     * Puts a backup in the database's place. The database must not be open. The backup must open
     * with the passphrase (checked first, so a wrong choice changes nothing); the database as it
     * was goes into the backups first (or, if it cannot be opened, is kept beside it as
     * {@code .replaced-<time>}), so a restore can itself be undone.
     */
    public static void restore(Path file, Path backup, Clock clock, Passphrase passphrase) {
        Path absolute = file.toAbsolutePath();
        if (!EncryptedFiles.opens(backup, passphrase)) {
            throw new WrongPassphraseException(backup);
        }
        Path copy = EncryptedFiles.sibling(absolute, ".restoring");
        try {
            // The chosen backup is copied first: the backup taken of the current state below may
            // prune old ones, the chosen one among them.
            Files.deleteIfExists(copy);
            Files.copy(backup, copy);
            PrivateFiles.restrictIfExists(copy);
            if (Files.exists(absolute)) {
                try (Database current = open(absolute, clock, passphrase)) {
                    current.backup("before-restore");
                } catch (DatabaseDamagedException | WrongPassphraseException e) {
                    // Damaged, or under another passphrase: kept among the backups as it is (it
                    // shows in the restore list), never just moved out of sight.
                    Path kept = new Backups(absolute, clock).keep(absolute, "replaced");
                    LOG.warning(() -> "the database that could not be opened was kept as " + kept.getFileName());
                }
            }
            FileLock lock = lock(absolute);
            try {
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Files.deleteIfExists(EncryptedFiles.sibling(absolute, suffix));
                }
                Files.move(copy, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                release(lock);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                LOG.fine("restore copy not removed");
            }
            throw e instanceof RuntimeException r ? r : new StoreException("restore failed", e);
        }
    }

    /** The backups of the database at this path, newest first (the database need not be open). */
    public static List<Path> backupsOf(Path file, Clock clock) {
        return new Backups(file.toAbsolutePath(), clock).list();
    }

    /**
     * One program at a time per file: a second window (or a check while the window is open)
     * would be a second writer connection.
     */
    private static FileLock lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(
                file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

    private static Connection connect(Path file, Passphrase passphrase, SQLiteConfig.TransactionMode mode)
            throws SQLException {
        Connection c = EncryptedFiles.connect(file, passphrase, mode, false);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            // FULL: with NORMAL the last commits can roll back after a power cut.
            s.execute("PRAGMA synchronous = " + SYNCHRONOUS);
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
            // 64 MiB of decrypted pages (SQLite's default is 2 MiB): every page read again from
            // disk is decrypted again, which made search at 10,000 participants 2-3 times slower.
            s.execute("PRAGMA cache_size = -" + CACHE_KIB);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The reader made beside the writer; null if it failed (the writer says why, or it is made again). */
    private static Connection readerOrNull(Path file, Passphrase passphrase) {
        try {
            return connect(file, passphrase, SQLiteConfig.TransactionMode.DEFERRED);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "reader not made beside the writer", e);
            return null;
        }
    }

    private static void keyThread(Runnable work) {
        Thread thread = new Thread(work, "database-key");
        thread.setDaemon(true);
        thread.start();
    }

    /** A plain file is checked before it is encrypted: a damaged one is not converted. */
    private static void quickCheckPlain(Path file, Backups backups) throws SQLException {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file)) {
            quickCheck(c, file, backups);
        }
    }

    private static void quickCheck(Connection c, Path file, Backups backups) {
        String result;
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA quick_check")) {
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

    /**
     * Runs the integrity check an open with {@link Integrity#LATER} left to do (nothing if the
     * open checked, or it has run): reads every page, off the FX thread, while reads and writes
     * go on. Throws {@link DatabaseDamagedException} (with the newest backup) for a damaged file.
     */
    public void checkIntegrity() {
        synchronized (checkLock) {
            if (checkKey == null || closing) {
                return;
            }
            try {
                // Its own connection, so that reads and writes go on while it reads the whole file.
                checker = connect(file, checkKey, SQLiteConfig.TransactionMode.DEFERRED);
                try (Statement s = checker.createStatement()) {
                    s.execute("PRAGMA cache_size = -" + SCAN_CACHE_KIB);
                }
            } catch (SQLException e) {
                closeQuietly(checker);
                checker = null;
                throw new StoreException("integrity check not started", e);
            } finally {
                checkKey.close();
                checkKey = null;
            }
            if (closing) {
                // The close began while the key was derived: it saw no check to stop.
                closeQuietly(checker);
                checker = null;
                return;
            }
            try {
                quickCheck(checker, file, backups);
                LOG.info("integrity check ok");
            } catch (DatabaseDamagedException e) {
                if (closing) {
                    // Interrupted by the close: nothing is known about the file.
                    LOG.info("integrity check stopped by the close");
                    return;
                }
                throw e;
            } finally {
                closeQuietly(checker);
                checker = null;
            }
        }
    }

    /** True if the database was plain when opened and has just been encrypted: the user is told. */
    public boolean convertedFromPlain() {
        return convertedFromPlain;
    }

    /** True if this passphrase opens the database (the unlock after a lock). Not on the FX thread. */
    public boolean opensWith(Passphrase passphrase) {
        return EncryptedFiles.opens(file, passphrase);
    }

    /**
     * Changes the passphrase: the current one must open the file. The database and every backup
     * that opens with the current passphrase are re-encrypted under the next one, so an old
     * passphrase that leaked opens no copy kept here. Returns how many backups could not be
     * re-encrypted (they stay under the old passphrase; the user is told).
     */
    public int changePassphrase(Passphrase current, Passphrase next) {
        if (next.isEmpty()) {
            throw new IllegalArgumentException("an empty passphrase opens nothing");
        }
        writeLock.lock();
        readLock.lock();
        try {
            if (!EncryptedFiles.opens(file, current)) {
                throw new WrongPassphraseException(file);
            }
            // Rekeying needs the only connection: the reader goes, and comes back under whichever
            // key opens the file, also when the rekey failed (else every later read would fail).
            closeQuietly(reader);
            try {
                EncryptedFiles.rekey(writer, next);
            } finally {
                reopenReader(next, current);
            }
            LOG.info("passphrase changed");
            // The database is changed now; a backup that cannot be re-keyed is counted, not fatal.
            return backups.rekey(current, next);
        } catch (SQLException e) {
            throw new StoreException("passphrase change failed", e);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private void reopenReader(Passphrase next, Passphrase current) throws SQLException {
        Passphrase opens = EncryptedFiles.opens(file, next) ? next : current;
        reader = connect(file, opens, SQLiteConfig.TransactionMode.DEFERRED);
        readDsl = DSL.using(reader, SQLDialect.SQLITE, dslSettings());
        readerEpoch++;
    }

    /** A daily backup: made if the newest backup is from an earlier day (or there is none). */
    public Optional<Path> backupIfDue() {
        return backupIfDue("daily");
    }

    /**
     * The day's backup, named for what asked for it (an import), if the day has none yet: one
     * full copy a day at most, whichever comes first (see decision 0010). A folder of packages
     * makes one backup, and so does a day of them.
     */
    public Optional<Path> backupIfDue(String reason) {
        writeLock.lock();
        try {
            return backups.isDue() ? Optional.of(backups.create(writer, reason)) : Optional.empty();
        } finally {
            writeLock.unlock();
        }
    }

    /** How long backups are kept (the newest few are always kept). */
    public void keepBackupsFor(Period period) {
        backups.keepFor(period);
    }

    /** The backups of this database, newest first. */
    public List<Path> backups() {
        return backups.list();
    }

    private String ensureDeviceId() {
        var state = Tables.LOCAL_STATE;
        String id = writeDsl.select(state.VALUE)
                .from(state)
                .where(state.KEY.eq(KEY_DEVICE_ID))
                .fetchOne(state.VALUE);
        if (id == null) {
            id = UUID.randomUUID().toString();
            writeDsl.insertInto(state)
                    .set(state.KEY, KEY_DEVICE_ID)
                    .set(state.VALUE, id)
                    .execute();
        }
        return id;
    }

    /**
     * Refuses every later read and write on this thread. The program gives its JavaFX thread
     * (the store may not know JavaFX): a query there freezes the window, and with the guard
     * every window test finds such a call instead of a user finding the freeze.
     */
    public void forbidThread(Thread thread) {
        this.forbidden = thread;
    }

    private void checkThread() {
        if (forbidden != null && Thread.currentThread() == forbidden) {
            throw new IllegalStateException("the database is not used on the " + forbidden.getName() + " thread");
        }
    }

    /**
     * A number that stays the same for as long as nothing is committed to the file: what was
     * read while it held is still what the file says. It changes with every commit, of this
     * program's writer or of anything else ({@code PRAGMA data_version} on the reader, which
     * never writes). For caches of what reads compute; never stored.
     */
    public long dataVersion() {
        return read(dsl -> (readerEpoch << 32) + ((Number) dsl.fetchValue("PRAGMA data_version")).longValue());
    }

    /**
     * Empties the reader connection's page cache ({@code PRAGMA shrink_memory}): what is read next
     * is read from the file and decrypted again, as after a commit of another connection. For the
     * bench, which times reads on a cold cache.
     */
    public void emptyReaderCache() {
        read(dsl -> dsl.execute("PRAGMA shrink_memory"));
    }

    /** Runs a read in one snapshot. Never call from the FX thread. */
    public <T> T read(Function<DSLContext, T> work) {
        checkThread();
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
        checkThread();
        if (writeLock.isHeldByCurrentThread()) {
            // A nested write would commit the outer transaction half-way.
            throw new IllegalStateException("write inside a write");
        }
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            boolean committed = false;
            Transaction tx = new Transaction(writeDsl, hlc, deviceId, clock);
            try {
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
                if (tx.isLargeWrite()) {
                    try (Statement s = writer.createStatement()) {
                        s.execute("PRAGMA cache_size = -" + CACHE_KIB);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Work on the writer connection itself, outside any transaction. */
    interface WriterWork<T> {
        T run(Connection writer) throws SQLException;
    }

    /**
     * Runs work on the writer connection between transactions, under the write lock: for what a
     * transaction may not do (a checkpoint) or should not outlive (a pragma set for one bulk
     * load). Store only.
     */
    <T> T onWriter(WriterWork<T> work) {
        checkThread();
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writer work inside a write");
        }
        writeLock.lock();
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * After a deletion for good (retention): the WAL checkpointed into the file and emptied, the
     * file rebuilt without free pages (VACUUM), and every backup, which still holds what was
     * deleted, replaced by a new one. With secure_delete on, the deleted rows were overwritten
     * already; this leaves no older copy of a page in the WAL, the free list or a backup. Returns
     * the new backup.
     */
    public Path compactAndReplaceBackups() {
        return onWriter(c -> {
            try (Statement s = c.createStatement()) {
                checkpoint(s);
                s.execute("VACUUM");
                checkpoint(s);
            }
            // The new backup first: if it cannot be made, the old ones are still there.
            List<Path> old = backups.list();
            Path fresh = backups.create(c, "retention");
            for (Path backup : old) {
                try {
                    Files.deleteIfExists(backup);
                } catch (IOException e) {
                    throw new StoreException("an old backup could not be removed", e);
                }
            }
            return fresh;
        });
    }

    /** A checkpoint that empties the WAL, or a refusal: a reader kept it from finishing. */
    private static void checkpoint(Statement s) throws SQLException {
        try (var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw new StoreException("the WAL could not be emptied: a reader was busy");
            }
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
        closing = true;
        Connection check = checker;
        if (check != null) {
            try {
                // A check still reading the whole file is stopped, not waited for.
                if (check instanceof SQLiteConnection sqlite) {
                    sqlite.getDatabase().interrupt();
                }
            } catch (SQLException e) {
                LOG.log(Level.FINE, "integrity check not interrupted", e);
            }
        }
        synchronized (checkLock) {
            closeQuietly(checker);
            checker = null;
            if (checkKey != null) {
                checkKey.close();
                checkKey = null;
            }
        }
        writeLock.lock();
        readLock.lock();
        long t0 = System.nanoTime();
        try (Statement s = writer.createStatement()) {
            // optimize keeps the planner's statistics fresh (SQLite's advice for every close),
            // but unbounded it ran ANALYZE over every changed table: at city size, after an
            // import, that read the whole file and the window took two minutes to close. With
            // the limit each index is sampled (about this many rows per b-tree): milliseconds.
            s.execute("PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
            s.execute("PRAGMA optimize");
            long optimized = System.nanoTime();
            // Passive: what the WAL holds is copied into the file without waiting for anyone;
            // closing the last connection then removes the WAL.
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            long done = System.nanoTime();
            LOG.info(() -> String.format(
                    Locale.ROOT,
                    "closing the database: optimize %d ms, checkpoint %d ms",
                    (optimized - t0) / 1_000_000,
                    (done - optimized) / 1_000_000));
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
