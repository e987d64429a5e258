package se.jobbtorg.coach.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * The few failures a user can do something about, told apart from the rest: a file open in
 * another program (Excel keeps what it shows locked on Windows) or a place one may not write to,
 * and a full disk. Everything else is "something went wrong", with the detail in the log.
 */
public final class ErrorSentences {
    private ErrorSentences() {
    }

    /** The bundle key of the sentence for this failure, or null when none fits better than the general one. */
    public static String keyFor(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException
                    || t instanceof FileSystemException && message.contains("used by another process")) {
                return "error.fileLocked";
            }
            if (message.contains("no space left") || message.contains("not enough space")) {
                return "error.diskFull";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
