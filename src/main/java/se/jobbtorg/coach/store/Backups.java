package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backups of the database beside it, in {@code backups/}. Always VACUUM INTO: a file copy of a
 * live WAL database can miss committed pages or catch a page half-written.
 */
public final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final int KEEP = 10;

    private final Path database;
    private final Path folder;
    private final Clock clock;

    Backups(Path database, Clock clock) {
        this.database = database;
        this.folder = database.resolveSibling("backups");
        this.clock = clock;
    }

    Path create(Connection c, String reason) {
        try {
            Files.createDirectories(folder);
            String base = baseName() + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason;
            Path target = folder.resolve(base + ".db");
            for (int i = 2; Files.exists(target); i++) {
                target = folder.resolve(base + "-" + i + ".db");
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
            }
            prune();
            return target;
        } catch (IOException | SQLException e) {
            throw new StoreException("backup failed", e);
        }
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
            return files.filter(p -> p.getFileName().toString().startsWith(baseName() + "-")
                            && p.getFileName().toString().endsWith(".db"))
                    .sorted(Comparator.comparing(Backups::modified).reversed())
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list backups", e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    private String baseName() {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
