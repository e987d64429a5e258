package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theWindowTakesADatabaseDemoLanguageAndAPackage() {
        Options o = Options.parse("--db", "/tmp/x.db", "--demo", "--lang", "en", "Karim.caseload.zip");
        assertEquals(Path.of("/tmp/x.db"), o.db());
        assertTrue(o.demo());
        assertEquals(Locale.ENGLISH, o.language());
        assertEquals(List.of("Karim.caseload.zip"), o.rest());
        assertEquals(new Options(null, false, null, List.of()), Options.parse());
    }

    @Test
    void mistakesAreRefusedWithASentence() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--db"))
                .getMessage()
                .contains("--db"));
        assertEquals(
                "--lang takes sv or en",
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--lang", "de"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--out", "x.csv"), "a command's option");
    }

    @Test
    void theDataFolderFollowsEachPlatformsConvention() {
        Path home = Path.of("/home/coach");
        assertEquals(Path.of("/home/coach/.local/share/jobbtorg-coach"), AppPaths.dataFolder("Linux", Map.of(), home));
        assertEquals(
                Path.of("/xdg/jobbtorg-coach"), AppPaths.dataFolder("Linux", Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(
                Path.of("/local/Jobbtorg Coach"),
                AppPaths.dataFolder("Windows 11", Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), home),
                "never the roaming profile");
        assertEquals(
                Path.of("/home/coach/Library/Application Support/Jobbtorg Coach"),
                AppPaths.dataFolder("Mac OS X", Map.of(), home));
    }
}
