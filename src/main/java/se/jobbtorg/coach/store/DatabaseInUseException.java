package se.jobbtorg.coach.store;

import java.nio.file.Path;

/** Another program (or window) has the database open; only one may write to it. */
public class DatabaseInUseException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DatabaseInUseException(Path file) {
        super("database is open in another program: " + file.getFileName());
    }
}
