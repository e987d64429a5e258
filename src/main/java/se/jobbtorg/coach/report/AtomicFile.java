package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole files or none: written to a temporary file beside the target, forced to disk, then moved
 * over the target in one step. A crash, a full disk or a target open in Excel leaves the old file
 * (or no file) under the name, never half of a new one.
 */
final class AtomicFile {
    /** Writes the content to the temporary file it is given. */
    interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path out, Content content) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".writing-", ".tmp");
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
