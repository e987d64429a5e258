package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFileBehind() throws IOException {
        Path report = dir.resolve("indikatorer.csv");
        Files.writeString(report, "förra veckans siffror", StandardCharsets.UTF_8);

        assertThrows(IOException.class, () -> AtomicFile.write(report, temp -> {
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
}
