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
