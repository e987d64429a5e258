package se.jobbtorg.coach.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * Where a headless command gets the database's passphrase: the first line of
 * {@code --passphrase-file FILE}, else a prompt on the terminal, else the first line of standard
 * input (a script's pipe). Never an argument: arguments are visible to every user in the process
 * list and stay in the shell's history.
 */
public final class PassphraseSource {
    private PassphraseSource() {}

    /** Reads the passphrase; throws IllegalArgumentException with a sentence for the user. */
    public static Passphrase read(Path file, InputStream stdin, Console console, PrintStream err) {
        if (file != null) {
            return fromFile(file, err);
        }
        if (console != null) {
            char[] typed = console.readPassword("Lösenfras (passphrase): ");
            if (typed == null || typed.length == 0) {
                throw new IllegalArgumentException("no passphrase typed");
            }
            try {
                return Passphrase.of(typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException(
                        "no passphrase: give --passphrase-file FILE or the passphrase on standard input");
            }
            return Passphrase.of(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the passphrase from standard input");
        }
    }

    private static Passphrase fromFile(Path file, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--passphrase-file: no such file " + file);
        }
        try {
            warnIfShared(file, err);
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end >= 0 ? content.substring(0, end) : content;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new IllegalArgumentException("--passphrase-file: the file's first line is empty");
            }
            return Passphrase.of(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("--passphrase-file: cannot read " + file);
        }
    }

    /** A passphrase file others can read is a key under the doormat: said, not refused. */
    private static void warnIfShared(Path file, PrintStream err) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("warning: " + file + " can be read by other users (chmod 600 it)");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's own folder is private there.
        }
    }
}
