package se.jobbtorg.coach.store;

import java.nio.file.Path;

/**
 * The database (or a backup) is encrypted and the passphrase given does not open it. A damaged
 * first page looks the same to SQLite; the message for the user says so.
 */
public final class WrongPassphraseException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public WrongPassphraseException(Path file) {
        super("the passphrase does not open " + file.getFileName());
        this.file = file;
    }

    /** As above, with what SQLite said (for the log: a damaged page says the same). */
    public WrongPassphraseException(Path file, Throwable cause) {
        super("the passphrase does not open " + file.getFileName(), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
