package se.jobbtorg.coach.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the program keeps its files: the platform's per-user data folder (XDG on Linux,
 * %LOCALAPPDATA% on Windows, Application Support on macOS). Always a local disk: SQLite's WAL does
 * not work on network or cloud-synced folders.
 */
public record AppPaths(Path dataFolder) {
    static final String FOLDER = "jobbtorg-coach";

    public static AppPaths detect() {
        return new AppPaths(dataFolder(
                System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    static Path dataFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // LOCALAPPDATA, not the roaming APPDATA: roaming profiles are often redirected to a
            // network share, where SQLite's WAL mode is not safe.
            String appData = env.get("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Local"))
                    .resolve("Jobbtorg Coach");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Jobbtorg Coach");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : home.resolve(".local").resolve("share"))
                .resolve(FOLDER);
    }

    public Path defaultDatabase() {
        return dataFolder.resolve("caseload.db");
    }

    public Path settingsFile() {
        return dataFolder.resolve("settings.properties");
    }

    public Path logFolder() {
        return dataFolder.resolve("logs");
    }
}
