package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The memory line the bench's start probe reads from the window's log. */
class ProcessMemoryTest {
    @Test
    void saysTheResidentSetItsPeakAndTheHeap() {
        String said = ProcessMemory.describe();
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(said.matches("resident \\d+ MiB, peak \\d+ MiB, heap \\d+ MiB"), said);
            assertTrue(!said.startsWith("resident 0 "), said);
        } else {
            assertTrue(said.matches("heap \\d+ MiB"), said);
        }
    }
}
