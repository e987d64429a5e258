package se.jobbtorg.coach.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.PassphraseRules;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.StoreException;

/**
 * {@code init --db FILE}: creates a new, empty, encrypted database without the window (a team
 * lead's script or a central server starts from nothing, then imports packages). Refuses a file
 * that exists. Exit 0 created, 1 refused or failed.
 */
public final class InitCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;

    private final Path file;
    private final Clock clock;
    private final Passphrase passphrase;

    public InitCommand(Path file, Clock clock, Passphrase passphrase) {
        this.file = file;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    public int run(PrintStream out, PrintStream err) {
        if (Database.stateOf(file) != Database.FileState.NEW) {
            err.println("refused file=" + file + " reason=a database exists there already");
            return FAILED;
        }
        if (!passphrase.acceptable()) {
            err.println("refused reason=the passphrase must be at least " + PassphraseRules.MIN_LENGTH
                    + " characters and not one repeated pattern");
            return FAILED;
        }
        try {
            Database.create(file, clock, passphrase);
            out.println("created file=" + file.toAbsolutePath());
            return OK;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("failed file=" + file + " reason=" + e.getMessage());
            return FAILED;
        }
    }
}
