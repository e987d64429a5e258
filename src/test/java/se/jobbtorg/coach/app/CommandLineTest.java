package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.app.SyncMainTest.Run;
import se.jobbtorg.coach.service.Version;

/**
 * What a script meets on the command line: a wrong command, option or value ends with exit 2,
 * the sentence and the usage on stderr, before any database or passphrase is touched; each
 * command's help names its own options and no other's.
 */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of(
            "check", "init", "report", "audit", "import", "export", "devices", "admit", "withdraw", "team-passphrase");

    private static void wrong(Run run, String sentence, String usage) {
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith(sentence), run.err());
        assertTrue(run.err().contains("Usage: jobbtorg-coach " + usage), "the usage follows: " + run.err());
        assertEquals("", run.out(), "nothing on stdout, where a script reads results");
    }

    @Test
    void anUnknownCommandIsRefusedWithTheUsageInsteadOfOpeningTheWindow() {
        wrong(SyncMainTest.main("statistics"), "unknown command statistics", "[-h] [--db FILE]");
        wrong(SyncMainTest.main("statistics", "--db", "x.db"), "unknown command statistics", "[-h] [--db FILE]");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheCommandsUsage() {
        wrong(SyncMainTest.main("check", "--fast"), "Unknown option: '--fast'", "check [--db FILE]");
        wrong(SyncMainTest.main("--fast"), "Unknown option: '--fast'", "[-h]");
    }

    @Test
    void anOptionOfAnotherCommandIsRefused() {
        wrong(SyncMainTest.main("check", "--out", "x.csv"), "Unknown options: '--out', 'x.csv'", "check [--db FILE]");
        wrong(SyncMainTest.main("devices", "--dry-run"), "Unknown option: '--dry-run'", "devices [--db FILE]");
        wrong(SyncMainTest.main("import", "--format", "csv", "a.caseload.zip"), "Unknown option", "import [--db FILE]");
        // The window's own options are the window's: before a command they do not silently vanish.
        wrong(
                SyncMainTest.main("--demo", "check"),
                "--demo is an option of the window, not of check",
                "check [--db FILE]");
        wrong(
                SyncMainTest.main("export", "--lang", "en", "--out", "x"),
                "Unknown options: '--lang', 'en'",
                "export [--db FILE]");
    }

    @Test
    void aMissingOrInvalidValueIsRefused() {
        wrong(SyncMainTest.main("check", "--db"), "Missing required parameter for option '--db'", "check");
        wrong(SyncMainTest.main("report", "--format", "csv"), "Missing required option: '--out", "report");
        wrong(
                SyncMainTest.main("report", "--from", "24/11", "--format", "csv", "--out", "x.csv"),
                "--from takes a date like 2026-11-24",
                "report");
        wrong(SyncMainTest.main("import"), "Missing required parameter: 'PACKAGE'", "import");
        wrong(SyncMainTest.main("withdraw"), "Missing required parameter: 'DEVICE'", "withdraw");
        wrong(SyncMainTest.main("admit", "laptop-1"), "admit takes either --fingerprint FP or --unsigned", "admit");
        wrong(
                SyncMainTest.main("admit", "laptop-1", "--fingerprint", "9F3A", "--unsigned"),
                "admit takes either --fingerprint FP or --unsigned",
                "admit");
        wrong(
                SyncMainTest.main("team-passphrase"),
                "Missing required option: '--team-passphrase-file",
                "team-passphrase");
        wrong(SyncMainTest.main("--lang", "de"), "--lang takes sv or en", "[-h]");
        wrong(
                SyncMainTest.main("retention", "--dry-run", "--delete"),
                "--delete and --dry-run together: choose one",
                "retention");
        wrong(SyncMainTest.main("check", "extra"), "Unmatched argument at index 1: 'extra'", "check");
    }

    /**
     * A window's start parses the window's options alone (the commands' part of the command line
     * is not built); anything that is not the window's alone takes the whole command line.
     */
    @Test
    void onlyTheWindowsOwnArgumentsSkipTheCommands() {
        assertTrue(Main.isWindowStart());
        assertTrue(Main.isWindowStart("--db", "check", "--lang", "en", "--demo"));
        assertTrue(Main.isWindowStart("--db=x.db", "--lang=sv", "/home/linnea/Karim 2026-11-24.caseload.zip"));
        assertFalse(Main.isWindowStart("check"), "a command");
        assertFalse(Main.isWindowStart("--db", "x.db", "check"), "a command after the window's option");
        assertFalse(Main.isWindowStart("--help"), "the help lists the commands");
        assertFalse(Main.isWindowStart("--version"));
        assertFalse(Main.isWindowStart("--db"), "a missing value");
        assertFalse(Main.isWindowStart("export.zip"), "neither a command nor a package");
        assertFalse(Main.isWindowStart("--passphrase=hemligt123"));
    }

    @Test
    void aWindowsWrongValueIsToldWithTheUsageThatListsTheCommands() {
        Run run = SyncMainTest.main("--lang", "de", "a.caseload.zip");
        wrong(run, "--lang takes sv or en", "[-h]");
        for (String command : COMMANDS) {
            assertTrue(run.err().contains("\n  " + command + " "), command + " listed: " + run.err());
        }
    }

    /** Each command, a missing or wrong option: the usage and 2, before a passphrase is asked for. */
    @Test
    void everyCommandRefusesAMissingOrWrongOptionWithItsUsage() {
        wrong(SyncMainTest.main("check", "--passphrase-file"), "Missing required parameter", "check");
        wrong(SyncMainTest.main("init", "--db"), "Missing required parameter for option '--db'", "init");
        wrong(SyncMainTest.main("report", "--out", "x.csv"), "Missing required option: '--format", "report");
        wrong(
                SyncMainTest.main("report", "--format", "doc", "--out", "x.doc"),
                "--format takes csv, xlsx or pdf",
                "report");
        wrong(
                SyncMainTest.main("report", "--format", "csv", "--codes", "kolada", "--out", "x.csv"),
                "--codes takes national",
                "report");
        wrong(
                SyncMainTest.main("report", "--format", "pdf", "--codes", "national", "--out", "x.pdf"),
                "--codes national is written as csv only",
                "report");
        wrong(
                SyncMainTest.main(
                        "report", "--from", "2026-12-01", "--to", "2026-01-01", "--format", "csv", "--out", "x"),
                "--to is before --from",
                "report");
        wrong(SyncMainTest.main("import", "--db"), "Missing required parameter for option '--db'", "import");
        wrong(SyncMainTest.main("export", "--snapshot"), "Missing required option: '--out", "export");
        wrong(SyncMainTest.main("export", "--since", "abc", "--out", "x"), "--since takes a sequence number", "export");
        wrong(SyncMainTest.main("devices", "--db"), "Missing required parameter for option '--db'", "devices");
        wrong(SyncMainTest.main("admit"), "Missing required parameter", "admit");
        wrong(SyncMainTest.main("withdraw", "--db"), "Missing required parameter for option '--db'", "withdraw");
        wrong(
                SyncMainTest.main("team-passphrase", "--team-passphrase-file"),
                "Missing required parameter",
                "team-passphrase");
    }

    @Test
    void thePassphraseIsRefusedAsAnArgumentByEveryCommandAndTheWindow() {
        for (String command : COMMANDS) {
            Run run = SyncMainTest.main(command, "--passphrase", "hemligt123");
            assertEquals(2, run.code(), command);
            assertTrue(run.err().startsWith("the passphrase is never an argument"), command + ": " + run.err());
        }
        assertEquals(2, SyncMainTest.main("--passphrase=hemligt123").code());
    }

    @Test
    void eachCommandsHelpNamesItsOwnOptionsOnStdout() {
        for (String command : COMMANDS) {
            Run run = SyncMainTest.main(command, "--help");
            assertEquals(0, run.code(), command);
            assertTrue(run.out().startsWith("Usage: jobbtorg-coach " + command + " [--db FILE]"), run.out());
            assertTrue(run.out().contains("--passphrase-file FILE"), run.out());
            assertFalse(run.out().contains("--passphrase "), "the refused option is not offered: " + run.out());
            assertFalse(run.out().contains("--demo"), command + " has no window options: " + run.out());
            assertEquals("", run.err());
        }
        Run report = SyncMainTest.main("report", "--help");
        assertTrue(report.out().contains("--codes national"), report.out());
        assertFalse(SyncMainTest.main("check", "--help").out().contains("--out"), "check writes no file");
    }

    @Test
    void theTopHelpListsEveryCommandAndTheVersionIsOneLine() {
        Run help = SyncMainTest.main("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("FILE.caseload.zip"), help.out());
        for (String command : COMMANDS) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " listed: " + help.out());
        }
        assertEquals(help.out(), SyncMainTest.main("-h").out());

        Run version = SyncMainTest.main("--version");
        assertEquals(0, version.code());
        assertEquals("Jobbtorg Coach " + Version.current(), version.out().strip());
        assertEquals("", version.err());
    }
}
