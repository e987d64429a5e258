package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theWindowTakesADatabaseDemoAndLanguage() {
        Options o = Options.parse("--db", "/tmp/x.db", "--demo", "--lang", "en");
        assertEquals(null, o.command());
        assertEquals(Path.of("/tmp/x.db"), o.db());
        assertTrue(o.demo());
        assertEquals(Locale.ENGLISH, o.language());
    }

    @Test
    void aCommandComesFirst() {
        Options o = Options.parse("check", "--db", "a.db");
        assertEquals("check", o.command());
        assertEquals(Path.of("a.db"), o.db());
    }

    @Test
    void theReportTakesTheNationalCodes() {
        Options o = Options.parse("report", "--format", "csv", "--codes", "national", "--out", "x.csv");
        assertEquals("report", o.command());
        assertEquals("national", o.codes());
        assertEquals(null, Options.parse("report", "--format", "csv").codes());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("report", "--codes"));
    }

    @Test
    void mistakesAreRefusedWithASentence() {
        assertEquals("--db needs a file path", assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--db")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--lang", "de"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--fast"));
    }

    @Test
    void theDataFolderFollowsEachPlatformsConvention() {
        Path home = Path.of("/home/coach");
        assertEquals(Path.of("/home/coach/.local/share/jobbtorg-coach"),
                AppPaths.dataFolder("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/jobbtorg-coach"), AppPaths.dataFolder("Linux", Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(Path.of("/local/Jobbtorg Coach"), AppPaths.dataFolder("Windows 11",
                Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), home), "never the roaming profile");
        assertEquals(Path.of("/home/coach/Library/Application Support/Jobbtorg Coach"),
                AppPaths.dataFolder("Mac OS X", Map.of(), home));
    }
}
