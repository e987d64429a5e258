package se.jobbtorg.coach.sync;

import java.util.List;

/**
 * A package that is not imported, whole. {@code reason} is a stable code (the command line
 * prints it, the screens translate it as sync.refused.REASON); {@code args} name what is wrong.
 */
public final class PackageRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final List<String> args;

    public PackageRefusedException(String reason, String... args) {
        this(reason, null, args);
    }

    public PackageRefusedException(String reason, Throwable cause, String... args) {
        super(reason + (args.length == 0 ? "" : ": " + String.join(", ", args)), cause);
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
