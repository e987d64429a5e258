package se.jobbtorg.coach.ui.lock;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.PassphraseRules;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * The passphrase form: choosing one (typed twice, with a strength hint), typing it to open or
 * unlock, or changing it (the current one first). The attempt runs off the FX thread; a wrong
 * passphrase gets a sentence and a delay that grows with each wrong try (1, 2, 4 … 30 seconds),
 * during which the form cannot be sent again.
 */
public final class PassphraseViewModel {
    /** What the form is for. */
    public enum Mode {
        /** A new database: choose a passphrase. */
        CREATE,
        /** A plain database from before encryption: choose a passphrase, and it is encrypted. */
        CONVERT,
        /** Open the database at the start: type the passphrase. */
        OPEN,
        /** Unlock the locked window: type the passphrase. */
        UNLOCK,
        /** Change it: the current one, then the new one twice. */
        CHANGE
    }

    /** What an attempt came to. */
    public enum Outcome {
        ACCEPTED,
        WRONG
    }

    /** Waits off the clock of the window: the FX timer in the program, at once in unit tests. */
    public interface Delay {
        void after(Duration wait, Runnable then);
    }

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Mode mode;
    private final I18n i18n;
    private final TaskRunner tasks;
    private final Delay delay;
    private final BiFunction<Passphrase, Passphrase, Outcome> attempt;
    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty next = new SimpleStringProperty(this, "next", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper strength = new ReadOnlyStringWrapper(this, "strength", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting", false);
    private int wrongTries;
    private Consumer<Outcome> onAccepted = o -> {};
    private BiConsumer<String, Throwable> onFailed = (key, error) -> {};

    /**
     * attempt: given (current, next), opens, unlocks or changes; for CREATE, CONVERT, OPEN and UNLOCK the
     * passphrase typed is the first argument and the second is null. It runs off the FX thread
     * and may throw: the error reaches {@link #setOnFailed}.
     */
    public PassphraseViewModel(
            Mode mode, I18n i18n, TaskRunner tasks, Delay delay, BiFunction<Passphrase, Passphrase, Outcome> attempt) {
        this.mode = mode;
        this.i18n = i18n;
        this.tasks = tasks;
        this.delay = delay;
        this.attempt = attempt;
        StringProperty chosen = choosing() ? (mode == Mode.CHANGE ? next : current) : null;
        if (chosen != null) {
            chosen.addListener((o, was, text) -> strength.set(strengthText(text)));
        }
    }

    public Mode mode() {
        return mode;
    }

    /** True if the form chooses a new passphrase (typed twice, with the strength hint). */
    public boolean choosing() {
        return mode != Mode.UNLOCK && mode != Mode.OPEN;
    }

    /** CREATE, CONVERT, OPEN, UNLOCK: the passphrase; CHANGE: the current one. */
    public StringProperty currentProperty() {
        return current;
    }

    /** CHANGE only: the new passphrase. */
    public StringProperty nextProperty() {
        return next;
    }

    /** The new passphrase again (all but UNLOCK). */
    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while an attempt runs or while the delay after a wrong try lasts. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** False while waiting or while a field the mode needs is empty. */
    public BooleanBinding canSubmit() {
        return Bindings.createBooleanBinding(
                () -> !waiting.get()
                        && !current.get().isEmpty()
                        && (mode != Mode.CHANGE || !next.get().isEmpty()),
                waiting,
                current,
                next);
    }

    public void setOnAccepted(Consumer<Outcome> onAccepted) {
        this.onAccepted = onAccepted;
    }

    /** An attempt that failed for another reason than the passphrase (a damaged file, say). */
    public void setOnFailed(BiConsumer<String, Throwable> onFailed) {
        this.onFailed = onFailed;
    }

    /** Checks the fields, then makes the attempt. Returns false (with a message) if a field is wrong. */
    public boolean submit() {
        if (waiting.get()) {
            return false;
        }
        String chosen = mode == Mode.CHANGE ? next.get() : current.get();
        if (choosing()) {
            if (!PassphraseRules.acceptable(chosen)) {
                message.set(i18n.get("passphrase.problem.weak", PassphraseRules.MIN_LENGTH));
                return false;
            }
            if (!chosen.equals(repeat.get())) {
                message.set(i18n.get("passphrase.problem.mismatch"));
                return false;
            }
        } else if (current.get().isEmpty()) {
            return false;
        }
        Passphrase first = Passphrase.of(current.get());
        Passphrase second = mode == Mode.CHANGE ? Passphrase.of(next.get()) : null;
        waiting.set(true);
        message.set(i18n.get(mode == Mode.CONVERT ? "passphrase.converting" : "passphrase.checking"));
        tasks.run(
                () -> attempt.apply(first, second),
                outcome -> {
                    if (outcome == Outcome.ACCEPTED) {
                        wrongTries = 0;
                        clearFields();
                        message.set("");
                        waiting.set(false);
                        onAccepted.accept(outcome);
                    } else {
                        wrong();
                    }
                },
                error -> {
                    waiting.set(false);
                    message.set("");
                    onFailed.accept("startup.failed", error);
                });
        return true;
    }

    private void wrong() {
        wrongTries++;
        Duration wait = waitAfter(wrongTries);
        current.set("");
        message.set(i18n.get(mode == Mode.CHANGE ? "passphrase.wrongCurrent" : "passphrase.wrong", wait.toSeconds()));
        delay.after(wait, () -> {
            waiting.set(false);
            message.set(i18n.get(mode == Mode.CHANGE ? "passphrase.wrongCurrent.again" : "passphrase.wrong.again"));
        });
    }

    /** 1 s after the first wrong try, doubling, at most {@link #LONGEST_WAIT}. */
    static Duration waitAfter(int wrongTries) {
        long seconds = 1L << Math.min(wrongTries - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }

    /** Clears every field: nothing typed stays in the form once it is used. */
    public void clearFields() {
        current.set("");
        next.set("");
        repeat.set("");
    }

    private String strengthText(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return switch (PassphraseRules.strength(text)) {
            case TOO_SHORT -> i18n.get("passphrase.strength.tooShort", PassphraseRules.MIN_LENGTH);
            case WEAK -> i18n.get("passphrase.strength.weak");
            case FAIR -> i18n.get("passphrase.strength.fair");
            case STRONG -> i18n.get("passphrase.strength.strong");
        };
    }
}
