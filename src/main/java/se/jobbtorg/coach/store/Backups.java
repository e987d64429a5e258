package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
            // Written under a temporary name and moved into place: an interrupted backup must
            // never be offered later as the last good copy.
            Path partial = folder.resolve(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
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
            Pattern ours = Pattern.compile(Pattern.quote(baseName()) + "-\\d{8}-\\d{6}-[a-z0-9-]+\\.db");
            // Newest first: the name starts with the time it was taken.
            return files.filter(p -> ours.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().substring(baseName().length()))
                            .reversed())
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
}
