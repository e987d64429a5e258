package se.jobbtorg.coach.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The user's own folders that the program saves papers into. */
public final class UserFolders {
    private UserFolders() {}

    /** The user's documents folder (Dokument), or the home folder where there is none. */
    public static Path documents() {
        return documents(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * On Linux the folder named XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs (a Swedish desktop
     * calls it Dokument); elsewhere, and where that is not set, Documents in the home folder (on
     * Windows the folder Explorer shows as "Dokument"). The home folder if neither exists.
     */
    static Path documents(String osName, Map<String, String> env, Path home) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")
                && !osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            String config = env.getOrDefault("XDG_CONFIG_HOME", "");
            Path dirs = (config.isBlank() ? home.resolve(".config") : Path.of(config)).resolve("user-dirs.dirs");
            Optional<Path> xdg = xdgDocuments(dirs, home);
            if (xdg.isPresent() && Files.isDirectory(xdg.get())) {
                return xdg.get();
            }
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /** XDG_DOCUMENTS_DIR="$HOME/Dokument" in the user-dirs file, if it says so. */
    static Optional<Path> xdgDocuments(Path userDirs, Path home) {
        if (!Files.isRegularFile(userDirs)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(userDirs, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                String value = l.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                if (value.startsWith("$HOME/")) {
                    return Optional.of(home.resolve(value.substring("$HOME/".length())));
                }
                return value.startsWith("/") ? Optional.of(Path.of(value)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A path in the folder for a file of this name that is not there yet: the name itself, else
     * the name with " (2)", " (3)" before its extension; a paper printed twice in a day keeps both.
     */
    public static Path freeName(Path folder, String fileName) {
        Path candidate = folder.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        String extension = dot < 0 ? "" : fileName.substring(dot);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + " (" + n + ")" + extension);
        }
        return candidate;
    }
}
