package se.jobbtorg.coach.store;

import java.nio.file.Path;
import java.util.Optional;

/** The file failed SQLite's quick_check (or is not a database at all). */
public class DatabaseDamagedException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final transient Path lastBackup;

    public DatabaseDamagedException(Path file, Path lastBackup, String detail, Throwable cause) {
        super("database failed its integrity check: " + detail, cause);
        this.file = file;
        this.lastBackup = lastBackup;
    }

    public Path file() {
        return file;
    }

    public Optional<Path> lastBackup() {
        return Optional.ofNullable(lastBackup);
    }
}
