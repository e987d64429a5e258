package se.jobbtorg.coach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The program's memory as the operating system counts it, for the log: the resident set now and
 * its peak (VmRSS and VmHWM of /proc/self/status, Linux), and the Java heap in use. The bench's
 * start probe reads it from the log of the window it started.
 */
final class ProcessMemory {
    private ProcessMemory() {}

    /** For example "resident 346 MiB, peak 394 MiB, heap 58 MiB"; without /proc only the heap. */
    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long resident = statusKib("VmRSS:");
        long peak = statusKib("VmHWM:");
        return resident < 0
                ? String.format(Locale.ROOT, "heap %d MiB", heap)
                : String.format(
                        Locale.ROOT, "resident %d MiB, peak %d MiB, heap %d MiB", resident >> 10, peak >> 10, heap);
    }

    /** A line of /proc/self/status in KiB, or -1 where there is none. */
    private static long statusKib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
