package se.jobbtorg.coach.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.PassphraseRules;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;
import se.jobbtorg.coach.ui.lock.PassphraseViewModel.Mode;
import se.jobbtorg.coach.ui.lock.PassphraseViewModel.Outcome;

/** The passphrase form without a window: its rules, its hint, its growing wait. */
class PassphraseViewModelTest {
    static final I18n EN = new I18n(Locale.ENGLISH);
    static final String GOOD = "blå cykel i regn 2026";

    /** Runs the work at once on the calling thread, as the FX thread would see its callbacks. */
    static final class SameThread extends SameThreadTaskRunner {}

    /** Records each wait and the sentence shown while it lasts; runs the end of it at once (or holds it). */
    static final class Waits implements PassphraseViewModel.Delay {
        final List<Duration> waits = new ArrayList<>();
        final List<String> shown = new ArrayList<>();
        PassphraseViewModel form;
        boolean hold;
        Runnable held;

        @Override
        public void after(Duration wait, Runnable then) {
            waits.add(wait);
            shown.add(form.messageProperty().get());
            if (hold) {
                held = then;
            } else {
                then.run();
            }
        }
    }

    /** The attempt: answers as told and records what it was given (the text, not the instance). */
    static final class Attempts {
        final List<String[]> calls = new ArrayList<>();
        final List<Outcome> answers = new ArrayList<>();

        Outcome attempt(Passphrase current, Passphrase next) {
            calls.add(new String[] {current.reveal(), next == null ? null : next.reveal()});
            return answers.isEmpty() ? Outcome.WRONG : answers.remove(0);
        }
    }

    final Waits waits = new Waits();
    final Attempts attempts = new Attempts();

    PassphraseViewModel form(Mode mode) {
        PassphraseViewModel form = new PassphraseViewModel(mode, EN, new SameThread(), waits, attempts::attempt);
        waits.form = form;
        return form;
    }

    @Test
    void choosingNeedsTheMinimumLengthAndNoRepeatedPattern() {
        PassphraseViewModel form = form(Mode.CREATE);
        for (String weak :
                List.of("kort", "a".repeat(PassphraseRules.MIN_LENGTH - 1), "aaaaaaaaaaaaaaaa", "1212121212")) {
            form.currentProperty().set(weak);
            form.repeatProperty().set(weak);
            assertFalse(form.submit(), weak);
            assertEquals(
                    EN.get("passphrase.problem.weak", PassphraseRules.MIN_LENGTH),
                    form.messageProperty().get());
        }
        assertTrue(attempts.calls.isEmpty(), "no attempt with a passphrase that may not be chosen");
    }

    @Test
    void choosingNeedsTheSamePassphraseTwice() {
        PassphraseViewModel form = form(Mode.CONVERT);
        form.currentProperty().set(GOOD);
        form.repeatProperty().set(GOOD.replace("regn", "Regn"));
        assertFalse(form.submit());
        assertEquals(
                EN.get("passphrase.problem.mismatch"), form.messageProperty().get());
        assertTrue(attempts.calls.isEmpty());

        attempts.answers.add(Outcome.ACCEPTED);
        form.repeatProperty().set(GOOD);
        assertTrue(form.submit());
        assertEquals(1, attempts.calls.size());
        assertEquals(GOOD, attempts.calls.get(0)[0]);
        assertNull(attempts.calls.get(0)[1], "only CHANGE has a second passphrase");
    }

    @Test
    void theStrengthHintFollowsWhatIsTyped() {
        PassphraseViewModel form = form(Mode.CREATE);
        assertEquals("", form.strengthProperty().get());
        form.currentProperty().set("blå");
        assertEquals(
                EN.get("passphrase.strength.tooShort", PassphraseRules.MIN_LENGTH),
                form.strengthProperty().get());
        form.currentProperty().set("aaaaaaaaaaaa");
        assertEquals(EN.get("passphrase.strength.weak"), form.strengthProperty().get());
        form.currentProperty().set("cykelregn7x");
        assertEquals(EN.get("passphrase.strength.fair"), form.strengthProperty().get());
        form.currentProperty().set(GOOD);
        assertEquals(
                EN.get("passphrase.strength.strong"), form.strengthProperty().get());
        form.currentProperty().set("");
        assertEquals("", form.strengthProperty().get(), "nothing typed, no hint");
    }

    @Test
    void eachWrongPassphraseWaitsTwiceAsLongUpToThirtySecondsAndClearsTheField() {
        PassphraseViewModel form = form(Mode.UNLOCK);
        List<Long> expected = List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        for (int i = 0; i < expected.size(); i++) {
            form.currentProperty().set("fel fras nummer " + i);
            assertTrue(form.submit());
            assertEquals("", form.currentProperty().get(), "the wrong passphrase does not stay in the field");
            assertEquals(
                    EN.get("passphrase.wrong", expected.get(i)), waits.shown.get(i), "the sentence names the wait");
            assertEquals(
                    EN.get("passphrase.wrong.again"), form.messageProperty().get(), "after the wait");
            assertFalse(form.waitingProperty().get());
        }
        assertEquals(expected, waits.waits.stream().map(Duration::toSeconds).toList());
        assertEquals(expected.size(), attempts.calls.size());
    }

    @Test
    void duringTheWaitTheFormCannotBeSentAgain() {
        PassphraseViewModel form = form(Mode.UNLOCK);
        var canSubmit = form.canSubmit();
        waits.hold = true;
        form.currentProperty().set("fel fras");
        form.submit();
        assertTrue(form.waitingProperty().get());
        form.currentProperty().set("fel fras igen");
        assertFalse(canSubmit.get());
        assertFalse(form.submit(), "refused while waiting");
        assertEquals(1, attempts.calls.size(), "no second attempt");
        waits.held.run();
        assertTrue(canSubmit.get());
        assertTrue(form.submit());
        assertEquals(2, attempts.calls.size());
    }

    @Test
    void anAcceptedPassphraseClearsTheFormAndStartsTheWaitsAgain() {
        PassphraseViewModel form = form(Mode.UNLOCK);
        List<Outcome> accepted = new ArrayList<>();
        form.setOnAccepted(accepted::add);
        for (int i = 0; i < 3; i++) {
            form.currentProperty().set("fel fras");
            form.submit();
        }
        attempts.answers.add(Outcome.ACCEPTED);
        form.currentProperty().set(GOOD);
        assertTrue(form.submit());
        assertEquals(List.of(Outcome.ACCEPTED), accepted);
        assertEquals("", form.currentProperty().get());
        assertEquals("", form.messageProperty().get());
        assertFalse(form.waitingProperty().get());

        form.currentProperty().set("fel fras");
        form.submit();
        assertEquals(
                List.of(1L, 2L, 4L, 1L),
                waits.waits.stream().map(Duration::toSeconds).toList(),
                "the next wrong try waits one second again");
    }

    @Test
    void changeGivesTheAttemptTheCurrentAndTheNewPassphrase() {
        PassphraseViewModel form = form(Mode.CHANGE);
        form.currentProperty().set(GOOD);
        form.nextProperty().set("sju sorters kakor på fredag");
        assertEquals(
                EN.get("passphrase.strength.strong"), form.strengthProperty().get(), "the hint is for the new one");
        form.repeatProperty().set("sju sorters kakor på fredag");
        attempts.answers.add(Outcome.WRONG);
        assertTrue(form.submit());
        assertEquals(GOOD, attempts.calls.get(0)[0]);
        assertEquals("sju sorters kakor på fredag", attempts.calls.get(0)[1]);
        assertEquals(EN.get("passphrase.wrongCurrent", 1L), waits.shown.get(0));
        assertEquals("", form.currentProperty().get(), "the wrong current passphrase is cleared");

        attempts.answers.add(Outcome.ACCEPTED);
        form.currentProperty().set(GOOD);
        assertTrue(form.submit());
        assertEquals(2, attempts.calls.size());
        assertEquals("", form.nextProperty().get());
        assertEquals("", form.repeatProperty().get(), "nothing typed stays in the form");
    }

    @Test
    void anAttemptThatFailsForAnotherReasonReachesOnFailedAndFreesTheForm() {
        PassphraseViewModel form =
                new PassphraseViewModel(Mode.UNLOCK, EN, new SameThread(), waits, (current, next) -> {
                    throw new IllegalStateException("the file is damaged");
                });
        waits.form = form;
        List<Throwable> failed = new ArrayList<>();
        form.setOnFailed((key, error) -> failed.add(error));
        form.currentProperty().set(GOOD);
        assertTrue(form.submit());
        assertEquals(1, failed.size());
        assertSame(IllegalStateException.class, failed.get(0).getClass());
        assertFalse(form.waitingProperty().get());
        assertTrue(waits.waits.isEmpty(), "not a wrong passphrase: no wait");
    }
}
