package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.files.AtomicFile;

/**
 * Backups of the database beside it, in {@code backups/}: before every migration and every
 * import, and once a day when the program is used. Always VACUUM INTO: a file copy of a live WAL
 * database can miss committed pages or catch a page half-written. The copy is encrypted under the
 * database's key (SQLite3 Multiple Ciphers writes VACUUM INTO targets with the source's cipher),
 * and owner-only. Backups older than the retention period go, but never the newest {@value #KEEP_NEWEST}.
 */
public final class Backups {
    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final int KEEP_NEWEST = 3;
    static final Period DEFAULT_RETENTION = Period.ofDays(30);

    private final Path database;
    private final Path folder;
    private final Clock clock;
    private volatile Period retention = DEFAULT_RETENTION;

    Backups(Path database, Clock clock) {
        this.database = database;
        this.folder = database.resolveSibling("backups");
        this.clock = clock;
    }

    Path create(Connection c, String reason) {
        try {
            PrivateFiles.folder(folder);
            String base = baseName() + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason;
            Path target = folder.resolve(base + ".db");
            for (int i = 2; Files.exists(target); i++) {
                target = folder.resolve(base + "-" + i + ".db");
            }
            // Written under a temporary name and moved into place: an interrupted backup must
            // never be offered later as the last good copy. The empty file is owner-only from
            // the start; VACUUM INTO writes into an empty file and keeps its permissions.
            AtomicFile.writeOwnerOnly(target, partial -> {
                try (Statement s = c.createStatement()) {
                    // The copy reads every page once: through a small cache, so that the day's
                    // backup does not leave the connection holding the most it may (the
                    // program's resident memory, issue 16). The connection's own size after.
                    long cache;
                    try (var rs = s.executeQuery("PRAGMA cache_size")) {
                        cache = rs.next() ? rs.getLong(1) : -Database.SCAN_CACHE_KIB;
                    }
                    s.execute("PRAGMA cache_size = -" + Database.SCAN_CACHE_KIB);
                    try {
                        s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
                    } finally {
                        s.execute("PRAGMA cache_size = " + cache);
                    }
                } catch (SQLException e) {
                    throw new IOException("VACUUM INTO failed", e);
                }
            });
            prune();
            return target;
        } catch (IOException e) {
            throw new StoreException("backup failed", e);
        }
    }

    /**
     * Moves a database file that cannot be opened (with its -wal and -shm) into the backups
     * under the usual name, so it is listed, restorable with its own passphrase, and pruned like
     * the others.
     */
    Path keep(Path file, String reason) throws IOException {
        PrivateFiles.folder(folder);
        Path target = folder.resolve(baseName() + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason + ".db");
        for (int i = 2; Files.exists(target); i++) {
            target = folder.resolve(
                    baseName() + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason + "-" + i + ".db");
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, target.resolveSibling(target.getFileName() + suffix));
            }
        }
        Files.move(file, target);
        return target;
    }

    /** The newest backup, if any. */
    public Optional<Path> latest() {
        return list().stream().findFirst();
    }

    /** Backups of this database, newest first. */
    public List<Path> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Newest first: the name starts with the time it was taken.
            return files.filter(p -> takenOn(p).isPresent())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName()
                                    .toString()
                                    .substring(baseName().length()))
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list backups", e);
        }
    }

    /** When a backup of ours was taken, read from its name; empty for any other file. */
    Optional<LocalDateTime> takenOn(Path backup) {
        Matcher m = Pattern.compile(Pattern.quote(baseName()) + "-(\\d{8}-\\d{6})-[a-z0-9-]+\\.db")
                .matcher(backup.getFileName().toString());
        return m.matches() ? Optional.of(LocalDateTime.parse(m.group(1), STAMP)) : Optional.empty();
    }

    /** True if no backup was taken today (local date). */
    boolean isDue() {
        LocalDate today = LocalDate.now(clock);
        return latest().flatMap(this::takenOn)
                .map(t -> t.toLocalDate().isBefore(today))
                .orElse(true);
    }

    void keepFor(Period period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("backups are kept for at least a day");
        }
        retention = period;
    }

    /**
     * Re-encrypts every backup that opens with the current passphrase under the next one; returns
     * how many stay under another passphrase (unreadable, or made under an earlier one).
     */
    int rekey(Passphrase current, Passphrase next) {
        int left = 0;
        for (Path backup : list()) {
            try {
                if (EncryptedFiles.opens(backup, current)) {
                    EncryptedFiles.rekey(backup, current, next);
                } else {
                    // Made under an earlier passphrase: left as it is; a restore asks for that one.
                    LOG.warning(() -> "backup " + backup.getFileName() + " is under another passphrase; left as it is");
                    left++;
                }
            } catch (SQLException | StoreException e) {
                LOG.log(Level.WARNING, "backup " + backup.getFileName() + " could not be re-encrypted", e);
                left++;
            }
        }
        return left;
    }

    /**
     * Plain backups are encrypted the way the database was: after a plain database was
     * converted, and on every later open, in case a crash cut that conversion short.
     */
    void encryptPlainCopies(Passphrase passphrase) throws IOException, SQLException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        // A backup's conversion cut short by a crash is finished or undone first, as the database's is.
        try (Stream<Path> files = Files.list(folder)) {
            for (Path left : files.filter(f -> f.toString().endsWith(".plain-original")
                            || f.toString().endsWith(".encrypting"))
                    .toList()) {
                String name = left.getFileName().toString();
                EncryptedFiles.recover(left.resolveSibling(name.substring(0, name.lastIndexOf('.'))));
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            // A backup an interrupted VACUUM INTO left half-written (older versions named them
            // .partial and wrote them in clear): never offered, so wiped.
            for (Path partial : files.filter(f -> f.toString().endsWith(".partial") || AtomicFile.isLeftover(f))
                    .toList()) {
                PrivateFiles.wipe(partial);
            }
        }
        for (Path backup : list()) {
            if (EncryptedFiles.state(backup) == EncryptedFiles.State.PLAIN) {
                try {
                    EncryptedFiles.encryptPlain(backup, passphrase);
                    PrivateFiles.restrictIfExists(backup);
                } catch (SQLException | StoreException e) {
                    // A damaged plain copy cannot be encrypted; left in clear it would be the one
                    // readable copy of the caseload on the disk. It is wiped, and the log says so.
                    LOG.log(
                            Level.WARNING,
                            "plain backup " + backup.getFileName() + " could not be encrypted; wiped",
                            e);
                    PrivateFiles.wipe(backup);
                }
            }
        }
        PrivateFiles.restrictIfExists(folder);
    }

    private void prune() throws IOException {
        List<Path> all = list();
        LocalDateTime oldest = LocalDateTime.now(clock).minus(retention);
        for (Path old : all.subList(Math.min(KEEP_NEWEST, all.size()), all.size())) {
            if (takenOn(old).map(t -> t.isBefore(oldest)).orElse(false)) {
                try {
                    PrivateFiles.wipe(old);
                    PrivateFiles.wipe(old.resolveSibling(old.getFileName() + "-wal"));
                    PrivateFiles.wipe(old.resolveSibling(old.getFileName() + "-shm"));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "old backup not removed", e);
                }
            }
        }
    }

    private String baseName() {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
