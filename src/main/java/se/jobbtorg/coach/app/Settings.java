package se.jobbtorg.coach.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.jobbtorg.coach.files.AtomicFile;

/** The user's preferences that belong to the computer, not to a database: the language, the window. */
public final class Settings {
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final String LANGUAGE = "language";
    private static final String LOCK_MINUTES = "idleLockMinutes";
    private static final String BACKUP_DAYS = "backupDays";
    private static final String UNUSUAL_READING = "unusualReadingPeople";
    private static final String RETENTION_YEARS = "retentionYears";
    private static final String RECTIFICATION_DAYS = "rectificationDays";
    static final int DEFAULT_LOCK_MINUTES = 10;
    static final int DEFAULT_BACKUP_DAYS = 30;
    static final int DEFAULT_UNUSUAL_READING = 20;
    private static final String WINDOW_X = "windowX";
    private static final String WINDOW_Y = "windowY";
    private static final String WINDOW_WIDTH = "windowWidth";
    private static final String WINDOW_HEIGHT = "windowHeight";
    private static final String WINDOW_MAXIMIZED = "windowMaximized";

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

    public void setBackupDays(int days) {
        values.setProperty(BACKUP_DAYS, String.valueOf(days));
    }

    /** A number from the file, or the default when it is missing or out of range (and logged). */
    /** People outside one's own caseload opened in a day above which the access log says so. */
    public int unusualReading() {
        return number(UNUSUAL_READING, DEFAULT_UNUSUAL_READING, 1, 1000);
    }

    public void setUnusualReading(int people) {
        values.setProperty(UNUSUAL_READING, String.valueOf(people));
    }

    /** Years after the last entry before a person is listed for retention (SoL chapter 12: five). */
    public int retentionYears() {
        return number(RETENTION_YEARS, 5, 1, 100);
    }

    public void setRetentionYears(int years) {
        values.setProperty(RETENTION_YEARS, String.valueOf(years));
    }

    /**
     * Days after which a correction's old values are blanked in the change log even if some
     * laptop of the team has not acknowledged it yet (rectification: 90).
     */
    public int rectificationDays() {
        return number(RECTIFICATION_DAYS, 90, 1, 3650);
    }

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

    /** Where the main window was when it last closed. */
    Optional<WindowPlacement> window() {
        try {
            String x = values.getProperty(WINDOW_X);
            String y = values.getProperty(WINDOW_Y);
            String w = values.getProperty(WINDOW_WIDTH);
            String h = values.getProperty(WINDOW_HEIGHT);
            if (x == null || y == null || w == null || h == null) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement(
                    Double.parseDouble(x),
                    Double.parseDouble(y),
                    Double.parseDouble(w),
                    Double.parseDouble(h),
                    Boolean.parseBoolean(values.getProperty(WINDOW_MAXIMIZED))));
        } catch (NumberFormatException e) {
            LOG.warning("window placement unreadable, using the default");
            return Optional.empty();
        }
    }

    void setWindow(WindowPlacement p) {
        values.setProperty(WINDOW_X, Long.toString(Math.round(p.x())));
        values.setProperty(WINDOW_Y, Long.toString(Math.round(p.y())));
        values.setProperty(WINDOW_WIDTH, Long.toString(Math.round(p.width())));
        values.setProperty(WINDOW_HEIGHT, Long.toString(Math.round(p.height())));
        values.setProperty(WINDOW_MAXIMIZED, Boolean.toString(p.maximized()));
    }

    /** Written whole or not at all, so a crash never leaves half a file. */
    public void save() throws IOException {
        AtomicFile.write(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Jobbtorg Coach");
            }
        });
    }
}
