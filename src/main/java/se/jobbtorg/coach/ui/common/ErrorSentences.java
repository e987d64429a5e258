package se.jobbtorg.coach.ui.common;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The few failures a user can do something about, told apart from the rest: a file open in
 * another program (Excel keeps what it shows locked on Windows) or a place one may not write to,
 * and a full disk. Everything else is "something went wrong", with the detail in the log.
 *
 * <p>They are told apart by the exception's type and the file it names, not by its message: the
 * operating system words the message in the user's language ("Det finns inte tillräckligt med
 * utrymme på disken" on a Swedish Windows).
 */
public final class ErrorSentences {
    /** Below this much free space a failed write is put down to the full disk (a file system keeps a little back). */
    static final long NEARLY_FULL = 1024 * 1024;

    private ErrorSentences() {
    }

    /** The bundle key of the sentence for this failure, or null when none fits better than the general one. */
    public static String keyFor(Throwable error) {
        return keyFor(error, null);
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
