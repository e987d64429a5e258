package se.jobbtorg.coach.store.sync;

import java.util.List;
import se.jobbtorg.coach.store.StoreException;

/**
 * A change that cannot be applied: a child whose parent is missing, a field the entity does not
 * have, a record that is incomplete. The import it belongs to is refused whole. {@code args}
 * fill the sentence the reason has.
 */
public final class ChangeRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final ChangeRefusal reason;
    private final List<String> args;

    public ChangeRefusedException(ChangeRefusal reason, String... args) {
        super(reason + " " + String.join(" ", args), null);
        this.reason = reason;
        this.args = List.of(args);
    }

    public ChangeRefusal reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }
}
