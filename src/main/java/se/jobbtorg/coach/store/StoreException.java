package se.jobbtorg.coach.store;

import java.sql.SQLException;

/** The database could not do what was asked. The message is for the log, never for the user. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /**
     * True if SQLite said the disk under the database is full somewhere along the causes: its
     * result code SQLITE_FULL (13, the low byte of the driver's error code), whatever language
     * the message is in.
     */
    public static boolean diskFull(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_FULL) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final int SQLITE_FULL = 13;
}
