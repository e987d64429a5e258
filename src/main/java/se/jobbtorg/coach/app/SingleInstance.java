package se.jobbtorg.coach.app;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.jobbtorg.coach.files.AtomicFile;

/**
 * One window per user and database. The first start holds a lock file and listens on a loopback
 * port; a second start (a double-clicked package, the menu again) finds the port, hands over what
 * it was opened with and exits, instead of failing on the database lock.
 *
 * <p>Another local user can reach a loopback port too, so every message starts with a random token
 * that only the owner can read: it sits in the user's data folder, in a file readable by the owner
 * alone (POSIX 0600; on Windows %LOCALAPPDATA% is the user's own). What a message can do is small
 * anyway: bring the window forward, and offer a package, which the person still has to import.
 */
final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    /** What a message may say; anything else closes the connection. */
    static final String SHOW = "show";

    static final String OPEN = "open ";
    private static final int MAX_LINE = 4096;
    private static final int MAX_LINES = 64;
    private static final int READ_TIMEOUT_MS = 3000;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path endpoint;
    private final byte[] token;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocket server, Path endpoint, byte[] token) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.endpoint = endpoint;
        this.token = token;
    }

    /**
     * Becomes the one instance for this database, or returns empty when another process already
     * is. Messages from later starts go to {@code onMessage} (on a background thread), one list of
     * lines per start.
     */
    static Optional<SingleInstance> claim(Path folder, Path database, Consumer<List<String>> onMessage)
            throws IOException {
        Path dir = ownerOnlyFolder(folder);
        String key = key(database);
        FileChannel channel =
                FileChannel.open(dir.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        Path endpoint = dir.resolve(key + ".port");
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            writeOwnerOnly(
                    endpoint, server.getLocalPort() + " " + HexFormat.of().formatHex(token) + "\n");
        } catch (IOException e) {
            server.close();
            lock.release();
            channel.close();
            throw e;
        }
        SingleInstance instance = new SingleInstance(channel, lock, server, endpoint, token);
        Thread t = new Thread(() -> instance.serve(onMessage), "single-instance");
        t.setDaemon(true);
        t.start();
        return Optional.of(instance);
    }

    /**
     * Hands the lines to the instance that holds this database; true once it has taken them. A
     * first start that has the lock but has not yet written its port is waited for, a few seconds.
     */
    static boolean handOver(Path folder, Path database, List<String> lines, long waitMillis) {
        Path endpoint = folder.resolve("instance").resolve(key(database) + ".port");
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            try {
                return send(endpoint, lines);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    LOG.log(Level.WARNING, "no running instance answered", e);
                    return false;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean send(Path endpoint, List<String> lines) throws IOException {
        String[] parts =
                Files.readString(endpoint, StandardCharsets.UTF_8).trim().split(" ");
        if (parts.length != 2) {
            throw new IOException("endpoint file not complete");
        }
        int port;
        try {
            port = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IOException("endpoint file not complete", e);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            out.write(parts[1] + "\n");
            for (String line : lines) {
                out.write(line.replace('\n', ' ') + "\n");
            }
            out.write("\n");
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "ok".equals(in.readLine());
        }
    }

    private void serve(Consumer<List<String>> onMessage) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
                List<String> lines = read(socket);
                if (lines != null) {
                    socket.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
                    onMessage.accept(lines);
                }
            } catch (SocketTimeoutException e) {
                LOG.info("a start that did not finish its message was dropped");
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "single-instance connection failed", e);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "single-instance message not handled", e);
            }
        }
    }

    /** The message's lines, or null when the token is wrong or the message is not one of ours. */
    private List<String> read(Socket socket) throws IOException {
        Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
        String first = line(in);
        byte[] given = first == null ? new byte[0] : first.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, HexFormat.of().formatHex(token).getBytes(StandardCharsets.US_ASCII))) {
            LOG.warning("single-instance message with a wrong token refused");
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            if (lines.size() >= MAX_LINES || !(line.equals(SHOW) || line.startsWith(OPEN))) {
                LOG.warning("single-instance message not understood, refused");
                return null;
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Messages that arrive before anyone listens wait here: a second start can come while the
     * first is still opening its window.
     */
    static final class Mailbox {
        private final List<List<String>> waiting = new ArrayList<>();
        private Consumer<List<String>> receiver;

        synchronized void post(List<String> message) {
            if (receiver != null) {
                receiver.accept(message);
            } else {
                waiting.add(message);
            }
        }

        synchronized void deliverTo(Consumer<List<String>> to) {
            receiver = to;
            waiting.forEach(to);
            waiting.clear();
        }
    }

    /** One line without its end, null at the end of the stream; a line past MAX_LINE is refused. */
    private static String line(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** The port of this instance, for tests. */
    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(endpoint);
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "single-instance close", e);
        }
    }

    /** One lock and port per database: another --db is another instance. */
    static String key(Path database) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(database.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path ownerOnlyFolder(Path folder) throws IOException {
        Path dir = folder.resolve("instance");
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    /** Written beside, made owner-only before the token goes in, then moved into place. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        AtomicFile.writeOwnerOnly(
                file,
                temp -> Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING));
    }
}
