package se.jobbtorg.coach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code --db} of a command that works on an existing database, and the words for what goes
 * wrong with it: a line a person and a script can read, never a driver's code.
 */
final class DatabaseFile {
    private DatabaseFile() {}

    /**
     * Null if the file may be opened, else the line to print. A command must not create what it
     * was asked to read: a mistyped path would be reported as a new, empty database; and an empty
     * file is no database (a copy that failed, a file truncated): opened, it would get a new schema
     * and device id and be taken for a new laptop, so it is refused as damaged.
     */
    static String refusal(Path db) {
        if (!Files.isRegularFile(db)) {
            return "failed file=" + db + " reason=no such file";
        }
        try {
            if (Files.size(db) == 0) {
                return "damaged file=" + db + " reason=empty file, not a database";
            }
        } catch (IOException e) {
            return "failed file=" + db + " reason=cannot read the file";
        }
        return null;
    }

    /** Whether {@link #refusal} found the file empty rather than missing. */
    static boolean damaged(String refusal) {
        return refusal.startsWith("damaged ");
    }

    /** Prints the refusal, if any, and says whether there was one. */
    static boolean refused(Path db, PrintStream err) {
        String refusal = refusal(db);
        if (refusal != null) {
            err.println(refusal);
        }
        return refusal != null;
    }

    /** Why something failed, in words: a read-only file says so, whatever the driver called it. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean readOnly = t instanceof SQLiteException sqlite
                            && sqlite.getResultCode().name().startsWith(SQLiteErrorCode.SQLITE_READONLY.name())
                    // The file's permissions or attributes, met before SQLite is asked.
                    || t instanceof AccessDeniedException
                    || t instanceof FileSystemException fs
                            && String.valueOf(fs.getReason()).contains("not permitted");
            if (readOnly) {
                return "the database cannot be written (the file or its folder is read-only: check its"
                        + " permissions, or copy it somewhere it can be written)";
            }
        }
        return failure.getMessage();
    }
}
