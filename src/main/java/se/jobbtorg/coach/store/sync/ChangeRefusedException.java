package se.jobbtorg.coach.store.sync;

import java.util.List;
import se.jobbtorg.coach.store.StoreException;

/**
 * A change that cannot be applied: a child whose parent is missing, a field the entity does not
 * have, a record that is incomplete. The import it belongs to is refused whole. {@code reason}
 * is a stable code the screens translate; {@code args} fill the sentence.
 */
public final class ChangeRefusedException extends StoreException {
    private final String reason;
    private final List<String> args;

    public ChangeRefusedException(String reason, String... args) {
        super(reason + " " + String.join(" ", args), null);
        this.reason = reason;
        this.args = List.of(args);
    }

    public String reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }
}
