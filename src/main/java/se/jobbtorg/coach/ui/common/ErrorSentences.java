package se.jobbtorg.coach.ui.common;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToLongFunction;
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
 *
 * <p>They are told apart by the exception's type and the file it names, not by its message: the
 * operating system words the message in the user's language ("Det finns inte tillräckligt med
 * utrymme på disken" on a Swedish Windows).
 */
public final class ErrorSentences {
    /** Below this much free space a failed write is put down to the full disk (a file system keeps a little back). */
    static final long NEARLY_FULL = 1024 * 1024;

    private ErrorSentences() {}

    /** The kinds a job's handlers and the sentences tell apart, most specific first. */
    public enum Kind {
        VALIDATION,
        FILE_LOCKED,
        DISK_FULL,
        MISSING_RECORD,
        STORE,
        UNEXPECTED;

        /** True for the kinds whose detail belongs in the log (the user did nothing wrong). */
        public boolean logged() {
            return this == STORE || this == UNEXPECTED;
        }
    }

    public static Kind kindOf(Throwable error) {
        return kindOf(error, null);
    }

    /** The kind, knowing where the program was writing (see {@link #keyFor(Throwable, Path)}). */
    public static Kind kindOf(Throwable error, Path target) {
        return kindOf(error, target, ErrorSentences::usableSpace);
    }

    private static Kind kindOf(Throwable error, Path target, ToLongFunction<Path> usableSpace) {
        if (error instanceof ValidationException) {
            return Kind.VALIDATION;
        }
        if (Failures.isDatabaseDiskFull(error)) {
            return Kind.DISK_FULL;
        }
        String file = fileKeyFor(error, target, usableSpace);
        if ("error.fileLocked".equals(file)) {
            return Kind.FILE_LOCKED;
        }
        if ("error.diskFull".equals(file)) {
            return Kind.DISK_FULL;
        }
        if (error instanceof MissingRecordException) {
            return Kind.MISSING_RECORD;
        }
        return Failures.isStoreFailure(error) ? Kind.STORE : Kind.UNEXPECTED;
    }

    /** The bundle key of the sentence for this failure, or null when none fits better than the general one. */
    public static String keyFor(Throwable error) {
        return keyFor(error, null);
    }

    /** What the user reads: a refusal's problems, one a line, or the sentence of its kind. */
    public static String sentence(I18n i18n, Throwable error) {
        if (error instanceof ValidationException refused) {
            return String.join(
                    "\n", refused.problems().stream().map(i18n::problem).toList());
        }
        String key = keyFor(error);
        return i18n.get(key != null ? key : "error.unexpected");
    }

    /**
     * The same, knowing where the program was writing: a plain IOException names no file (Windows'
     * "not enough space" when a write fails half-way), so the target's disk is asked instead.
     */
    public static String keyFor(Throwable error, Path target) {
        return keyFor(error, target, ErrorSentences::usableSpace);
    }

    /** With the free space of a path's disk given, so that a full disk can be tested without filling one. */
    static String keyFor(Throwable error, Path target, ToLongFunction<Path> usableSpace) {
        return switch (kindOf(error, target, usableSpace)) {
            case FILE_LOCKED -> "error.fileLocked";
            case DISK_FULL -> "error.diskFull";
            case MISSING_RECORD -> "error.missingRecord";
            case STORE -> "error.store";
            case VALIDATION, UNEXPECTED -> null;
        };
    }

    /** A file locked or a full disk, told by the exception's type and the file it names; else null. */
    private static String fileKeyFor(Throwable error, Path target, ToLongFunction<Path> usableSpace) {
        boolean io = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || t instanceof OverlappingFileLockException) {
                return "error.fileLocked";
            }
            if (t instanceof FileSystemException f && f.getFile() != null) {
                Path file = pathOf(f.getFile());
                if (file != null && usableSpace.applyAsLong(file) < NEARLY_FULL) {
                    return "error.diskFull";
                }
                // Java gives the plain class (no subclass) to a sharing or lock violation: another
                // program holds a file that is there. A missing file or folder has a subclass of its own.
                if (f.getClass() == FileSystemException.class && file != null && Files.isRegularFile(file)) {
                    return "error.fileLocked";
                }
            }
            if (t instanceof IOException) {
                io = true;
                if (englishDiskFull(t.getMessage())) {
                    return "error.diskFull";
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (io && target != null && usableSpace.applyAsLong(target) < NEARLY_FULL) {
            return "error.diskFull";
        }
        return null;
    }

    /**
     * The last resort, for an IOException that names no file when the target is not known either:
     * the wording Linux and macOS give it (Windows' Swedish one is not tried: a sentence is no contract).
     */
    private static boolean englishDiskFull(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("not enough space");
    }

    private static Path pathOf(String file) {
        try {
            return Path.of(file);
        } catch (RuntimeException notAPath) {
            return null;
        }
    }

    /** The free space of the disk the path is on, asked of the nearest folder that is there; unknown counts as plenty. */
    private static long usableSpace(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException | RuntimeException unknown) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
