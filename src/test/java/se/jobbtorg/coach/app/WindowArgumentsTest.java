package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the window is started with: a package, or nothing; anything else is a typing mistake. */
class WindowArgumentsTest {
    @Test
    void aWordThatIsNeitherACommandNorAPackageIsRefusedWithoutAWindow() {
        SyncMainTest.Run run = SyncMainTest.main("chek", "--db", "x.db");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("unknown command chek"), run.err());
        assertTrue(run.err().contains("FILE.caseload.zip"), "the usage follows: " + run.err());
    }

    @Test
    void withoutADisplayTheWindowSaysSoInsteadOfAStackTrace() {
        assertTrue(Main.noDisplay("Linux", Map.of()));
        assertTrue(Main.noDisplay("Linux", Map.of("DISPLAY", " ")));
        assertTrue(!Main.noDisplay("Linux", Map.of("DISPLAY", ":0")));
        assertTrue(!Main.noDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertTrue(!Main.noDisplay("Windows 11", Map.of()));
        assertTrue(!Main.noDisplay("Mac OS X", Map.of()));
    }

    @Test
    void packagesAreKnownByTheirDoubleExtension() {
        assertTrue(CoachApplication.isPackageName("/home/linnea/Hämtade/Karim 2026-11-24.CASELOAD.ZIP"));
        assertTrue(!CoachApplication.isPackageName("/home/linnea/export.zip"));
    }
}
