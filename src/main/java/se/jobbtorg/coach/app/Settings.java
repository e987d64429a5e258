package se.jobbtorg.coach.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The user's preferences that belong to the computer, not to a database: the language. */
public final class Settings {
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final String LANGUAGE = "language";
    private static final String LOCK_MINUTES = "idleLockMinutes";
    private static final String BACKUP_DAYS = "backupDays";
    static final int DEFAULT_LOCK_MINUTES = 10;
    static final int DEFAULT_BACKUP_DAYS = 30;

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Reads the file; a missing or unreadable file gives the defaults (and a line in the log). */
    public static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "settings unreadable, using defaults", e);
            }
        }
        return settings;
    }

    public Optional<Locale> language() {
        return Optional.ofNullable(values.getProperty(LANGUAGE)).map(Locale::forLanguageTag);
    }

    /** Minutes without a key or a mouse move before the window locks (1 to 240; default 10). */
    public int lockMinutes() {
        return number(LOCK_MINUTES, DEFAULT_LOCK_MINUTES, 1, 240);
    }

    public void setLockMinutes(int minutes) {
        values.setProperty(LOCK_MINUTES, String.valueOf(minutes));
    }

    /** Days a backup is kept (the newest three always are; 1 to 3650; default 30). */
    public int backupDays() {
        return number(BACKUP_DAYS, DEFAULT_BACKUP_DAYS, 1, 3650);
    }

    /** A number from the file, or the default when it is missing or out of range (and logged). */
    private int number(String key, int fallback, int min, int max) {
        String text = values.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        LOG.warning(() -> "setting " + key + " is not a number from " + min + " to " + max + "; using " + fallback);
        return fallback;
    }

    public void setLanguage(Locale locale) {
        values.setProperty(LANGUAGE, locale.toLanguageTag());
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a file. */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Jobbtorg Coach");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
