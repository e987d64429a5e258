package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The libraries log through three facades: SLF4J (the schema validator, jOOQ), Log4j's API (POI)
 * and Commons Logging (PDFBox). Each line ends in the program's log file and nowhere else: a
 * command's stdout is read by scripts, and its stderr is for the user.
 */
class LibraryLoggingTest {
    @TempDir
    Path dir;

    @Test
    void everyFacadesLineEndsInTheProgramsLogFileAndNotOnTheConsole() throws IOException {
        Path logs = dir.resolve("data/logs");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            AppLog.configure(logs);
            LoggerFactory.getLogger("com.networknt.schema.test").warn("through SLF4J");
            org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.test").warn("through Log4j");
            LogFactory.getLog("org.apache.pdfbox.test").warn("through Commons Logging");
        } finally {
            System.setOut(out);
            System.setErr(err);
            LogManager.getLogManager().readConfiguration();
        }
        String log = Files.readString(logs.resolve("jobbtorg-coach-0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("com.networknt.schema.test: through SLF4J"), log);
        assertTrue(log.contains("org.apache.poi.test: through Log4j"), log);
        assertTrue(log.contains("org.apache.pdfbox.test: through Commons Logging"), log);
        assertEquals(
                "",
                console.toString(StandardCharsets.UTF_8),
                "no library line on the console (an SLF4J without a provider would drop the line and warn here)");
    }
}
