package se.jobbtorg.coach.store;

import java.nio.file.Path;

/**
 * The passphrase does not open the database but opens its newest backup: the database's first
 * page is damaged, or the passphrase typed is one from before a change. The user is asked which.
 */
public final class OnlyBackupOpensException extends DatabaseDamagedException {
    private static final long serialVersionUID = 1L;

    public OnlyBackupOpensException(Path file, Path backup, Throwable cause) {
        super(file, backup, "does not open with its backup's passphrase", cause);
    }
}
