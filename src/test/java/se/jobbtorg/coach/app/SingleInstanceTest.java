package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One window per user and database: the first start listens, a second hands over and ends. */
class SingleInstanceTest {
    @TempDir
    Path folder;

    @Test
    void aSecondStartHandsItsPackageToTheFirst() throws Exception {
        Path db = folder.resolve("caseload.db");
        BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
        try (SingleInstance first =
                SingleInstance.claim(folder, db, received::add).orElseThrow()) {
            assertTrue(first.port() > 0, "the first start listens");
            assertTrue(SingleInstance.claim(folder, db, m -> {}).isEmpty(), "the database is taken");
            List<String> message = List.of(SingleInstance.SHOW, SingleInstance.OPEN + "/tmp/a.caseload.zip");
            assertTrue(SingleInstance.handOver(folder, db, message, 2000));
            assertEquals(message, received.poll(10, TimeUnit.SECONDS));
        }
        // Closed: the next start is the first again.
        try (SingleInstance again = SingleInstance.claim(folder, db, m -> {}).orElseThrow()) {
            assertTrue(again.port() > 0);
        }
    }

    @Test
    void anotherDatabaseIsAnotherInstance() throws Exception {
        try (SingleInstance a = SingleInstance.claim(folder, folder.resolve("a.db"), m -> {})
                        .orElseThrow();
                SingleInstance b = SingleInstance.claim(folder, folder.resolve("b.db"), m -> {})
                        .orElseThrow()) {
            assertTrue(a.port() != b.port());
        }
    }

    @Test
    void theTokenIsReadableByTheOwnerOnly() throws Exception {
        Path db = folder.resolve("caseload.db");
        try (SingleInstance first = SingleInstance.claim(folder, db, m -> {}).orElseThrow()) {
            Path dir = folder.resolve("instance");
            Path endpoint = dir.resolve(SingleInstance.key(db) + ".port");
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint)));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            }
            assertEquals(first.port() + " ", Files.readString(endpoint).substring(0, (first.port() + " ").length()));
        }
    }

    @Test
    void aMessageWithoutTheTokenIsRefusedAndNothingHappens() throws Exception {
        Path db = folder.resolve("caseload.db");
        BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
        try (SingleInstance first =
                SingleInstance.claim(folder, db, received::add).orElseThrow()) {
            assertNull(exchange(first.port(), "0".repeat(64) + "\nshow\nopen /tmp/x.caseload.zip\n\n"));
            String token = Files.readString(folder.resolve("instance").resolve(SingleInstance.key(db) + ".port"))
                    .trim()
                    .split(" ")[1];
            // Right token, but a line that is not one of the two the window understands.
            assertNull(exchange(first.port(), token + "\nimport /tmp/x.caseload.zip\n\n"));
            // A line longer than any path is cut off, not read into memory.
            assertNull(exchange(first.port(), token + "\nopen " + "a".repeat(10_000) + "\n\n"));
            // The right token still works afterwards.
            assertEquals("ok", exchange(first.port(), token + "\nshow\n\n"));
            assertEquals(List.of("show"), received.poll(10, TimeUnit.SECONDS));
            assertTrue(received.isEmpty(), "nothing else came through: " + received);
        }
    }

    @Test
    void withNoFirstInstanceNothingIsHandedOver() {
        assertFalse(SingleInstance.handOver(folder, folder.resolve("none.db"), List.of(SingleInstance.SHOW), 0));
    }

    @Test
    void messagesThatComeBeforeTheWindowListensWait() {
        SingleInstance.Mailbox box = new SingleInstance.Mailbox();
        box.post(List.of("show"));
        List<List<String>> seen = new ArrayList<>();
        box.deliverTo(seen::add);
        box.post(List.of("open /x.caseload.zip"));
        assertEquals(List.of(List.of("show"), List.of("open /x.caseload.zip")), seen);
    }

    /** Sends raw text and returns the first line of the answer, or null when there is none. */
    private static String exchange(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                return null; // closed on us while writing: refused
            }
            byte[] answer = socket.getInputStream().readAllBytes();
            String s = new String(answer, StandardCharsets.UTF_8);
            return s.isEmpty() ? null : s.lines().findFirst().orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }
}
