package se.jobbtorg.coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's starts "as installed" run with the JVM options the installer gives the launcher,
 * so the figures are the installed program's; and it reads the window's memory from its log.
 */
class InstallerOptionsTest {
    @Test
    void theInstalledLauncherGetsTheOptionsTheBenchStartsWith() throws IOException {
        String build = Files.readString(Path.of("installer", "build.sh"));
        for (String option : StartProbe.INSTALLED_OPTIONS) {
            assertTrue(build.contains("--java-options \"" + option + "\""), option + " in installer/build.sh");
        }
    }

    @Test
    void theWindowsMemoryIsReadFromTheLastStepThatSaysIt() {
        List<String> steps = List.of(
                "start: window shown +1706 ms",
                "start probe: caseload drawn +3974 ms, resident 202 MiB, peak 210 MiB, heap 40 MiB",
                "start probe: settled +61020 ms, resident 346 MiB, peak 394 MiB, heap 58 MiB");
        assertEquals(202, StartProbe.mib(steps, "caseload drawn", "resident"));
        assertEquals(346, StartProbe.mib(steps, "start probe: settled", "resident"));
        assertEquals(394, StartProbe.mib(steps, "start probe: settled", "peak"));
        assertEquals(-1, StartProbe.mib(steps.subList(0, 2), "start probe: settled", "resident"), "no settled start");
    }

    @Test
    void theCaseloadsLagBehindTheFirstScreenIsReadFromTheStepsTimes() {
        List<String> steps = List.of(
                "start: window shown +1020 ms",
                "first screen shown +2352 ms",
                "start probe: first screen drawn +2611 ms",
                "start probe: caseload drawn +2852 ms, resident 310 MiB, peak 310 MiB, heap 64 MiB");
        assertEquals(2611, StartProbe.millis(steps, "first screen drawn"));
        assertEquals(2852, StartProbe.millis(steps, "caseload drawn"));
        assertEquals(-1, StartProbe.millis(steps.subList(0, 2), "caseload drawn"), "a start that never drew it");
    }
}
