package se.jobbtorg.coach.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole files or none: written to a temporary file beside the target, forced to disk, then moved
 * over the target in one step. A crash, a full disk or a target open in Excel leaves the old file
 * (or no file) under the name, never half of a new one; the temporary file is removed on failure.
 * Every layer writes whole files this way (reports, packages, backups, settings).
 */
public final class AtomicFile {
    private static final String PREFIX = ".writing-";
    private static final String SUFFIX = ".tmp";

    /** Writes the content to the temporary file it is given (which exists, empty). */
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {}

    /** Writes the file; where the file system has POSIX permissions it is the owner's alone, as temporary files are. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * Writes a file that must be the owner's alone (0600) from its first byte: the temporary
     * file is made owner-only before anything goes in, and the move keeps that.
     */
    public static void writeOwnerOnly(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** A temporary file a write cut short by a crash left behind in a folder. */
    public static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static void write(Path target, Content content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = ownerOnly && posix(dir)
                ? Files.createTempFile(dir, PREFIX, SUFFIX, ownerOnly())
                : Files.createTempFile(dir, PREFIX, SUFFIX);
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
