package se.jobbtorg.coach.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files or none, for every writer of whole files. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFileBehind() throws IOException {
        Path report = dir.resolve("indikatorer.csv");
        Files.writeString(report, "förra veckans siffror", StandardCharsets.UTF_8);

        assertThrows(
                IOException.class,
                () -> AtomicFile.write(report, temp -> {
                    Files.writeString(temp, "halva nya", StandardCharsets.UTF_8);
                    throw new IOException("No space left on device");
                }));

        assertEquals("förra veckans siffror", Files.readString(report, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no .writing- file is left");
        }
    }

    @Test
    void aWholeWriteReplacesTheFile() throws IOException {
        Path report = dir.resolve("sub/indikatorer.csv");
        AtomicFile.write(report, temp -> Files.writeString(temp, "nya siffror", StandardCharsets.UTF_8));
        AtomicFile.write(report, temp -> Files.writeString(temp, "ännu nyare", StandardCharsets.UTF_8));
        assertEquals("ännu nyare", Files.readString(report, StandardCharsets.UTF_8));
    }

    @Test
    void anOwnerOnlyFileIsTheOwnersAloneAndReplacesAReadableOne() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path token = dir.resolve("token");
        Files.writeString(token, "old", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFile.writeOwnerOnly(token, temp -> Files.writeString(temp, "new", StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(token, StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
    }

    @Test
    void whatACrashLeftIsKnownByItsName() throws IOException {
        Path report = dir.resolve("indikatorer.csv");
        assertThrows(
                IOException.class,
                () -> AtomicFile.write(report, temp -> {
                    assertTrue(AtomicFile.isLeftover(temp), temp.toString());
                    throw new IOException("cut short");
                }));
        assertFalse(AtomicFile.isLeftover(report));
    }
}
