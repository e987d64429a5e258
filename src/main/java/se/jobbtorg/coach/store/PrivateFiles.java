package se.jobbtorg.coach.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold the caseload are the user's alone: folders 0700, files 0600 where the file
 * system has POSIX permissions. On Windows the data folder lies in the user's own profile
 * (%LOCALAPPDATA%), which other users cannot read; nothing more is set there.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the folder (and its parents) if missing, and makes the folder itself owner-only. */
    public static Path folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder, FOLDER);
        return folder;
    }

    /** Creates an empty owner-only file if there is none; makes an existing one owner-only. */
    public static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        }
        restrict(file, FILE);
    }

    /** Makes an existing file owner-only (nothing if it does not exist). */
    public static void restrictIfExists(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, Files.isDirectory(file) ? FOLDER : FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /**
     * Overwrites the file with zeros, forces that to disk, then deletes it: what secure_delete
     * does for freed pages. On flash storage the old blocks may survive in the drive's spare
     * area; only the whole-disk encryption of the laptop covers that.
     */
    public static void wipe(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = out.size();
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            long written = 0;
            while (written < size) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - written));
                written += out.write(zeros, written);
            }
            out.force(true);
        }
        Files.delete(file);
    }
}
