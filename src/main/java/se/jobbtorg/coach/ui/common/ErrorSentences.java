package se.jobbtorg.coach.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.Failures;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.service.ValidationException;

/**
 * The few failures a user can do something about, told apart from the rest: what they entered
 * was refused; the record is gone (deleted or moved meanwhile); a file open in another program
 * (Excel keeps what it shows locked on Windows) or a place one may not write to; a full disk;
 * the database could not do it. Everything else is "something went wrong", with the detail in
 * the log.
 */
public final class ErrorSentences {
    private ErrorSentences() {
    }

    /** The kinds a job's handlers and the sentences tell apart, most specific first. */
    public enum Kind {
        VALIDATION, FILE_LOCKED, DISK_FULL, MISSING_RECORD, STORE, UNEXPECTED;

        /** True for the kinds whose detail belongs in the log (the user did nothing wrong). */
        public boolean logged() {
            return this == STORE || this == UNEXPECTED;
        }
    }

    public static Kind kindOf(Throwable error) {
        if (error instanceof ValidationException) {
            return Kind.VALIDATION;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException
                    || t instanceof FileSystemException && message.contains("used by another process")) {
                return Kind.FILE_LOCKED;
            }
            if (message.contains("no space left") || message.contains("not enough space")) {
                return Kind.DISK_FULL;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (error instanceof MissingRecordException) {
            return Kind.MISSING_RECORD;
        }
        return Failures.isStoreFailure(error) ? Kind.STORE : Kind.UNEXPECTED;
    }

    /** The bundle key of the sentence for this failure, or null when none fits better than the general one. */
    public static String keyFor(Throwable error) {
        return switch (kindOf(error)) {
            case FILE_LOCKED -> "error.fileLocked";
            case DISK_FULL -> "error.diskFull";
            case MISSING_RECORD -> "error.missingRecord";
            case STORE -> "error.store";
            case VALIDATION, UNEXPECTED -> null;
        };
    }

    /** What the user reads: a refusal's problems, one a line, or the sentence of its kind. */
    public static String sentence(I18n i18n, Throwable error) {
        if (error instanceof ValidationException refused) {
            return String.join("\n", refused.problems().stream().map(i18n::problem).toList());
        }
        String key = keyFor(error);
        return i18n.get(key != null ? key : "error.unexpected");
    }
}
