package se.jobbtorg.coach.sync;

import java.util.List;

/**
 * A package that is not imported, whole. {@link #refusal()} says why; {@code args} name what is
 * wrong and fill the refusal's sentence.
 */
public final class PackageRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;
    private final List<String> args;

    public PackageRefusedException(Refusal refusal, String... args) {
        this(refusal, null, args);
    }

    public PackageRefusedException(Refusal refusal, Throwable cause, String... args) {
        super(refusal.code() + (args.length == 0 ? "" : ": " + String.join(", ", args)), cause);
        this.refusal = refusal;
        this.args = List.of(args);
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The refusal's stable code (the command line prints it). */
    public String reason() {
        return refusal.code();
    }

    public List<String> args() {
        return args;
    }
}
