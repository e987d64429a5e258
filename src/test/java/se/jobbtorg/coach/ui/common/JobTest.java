package se.jobbtorg.coach.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.service.ValidationException;

/** What a job promises its caller, on the same-thread runner (the FX one: FxTaskRunnerUiTest). */
class JobTest {
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private final List<String> seen = new ArrayList<>();

    @Test
    void successThenTheCompletion() {
        tasks.job(p -> 42)
                .onSuccess(n -> seen.add("success " + n))
                .onFailure(e -> seen.add("failure"))
                .always(() -> seen.add("always"))
                .start();
        assertEquals(List.of("success 42", "always"), seen);
        assertFalse(tasks.busyProperty().get());
    }

    @Test
    void settledStateComesBeforeTheOutcomeAndTheCompletionAfter() {
        tasks.job(p -> 42)
                .always(() -> seen.add("always"))
                .onSuccess(n -> seen.add("success " + n))
                .settled(() -> seen.add("settled"))
                .start();
        assertEquals(List.of("settled", "success 42", "always"), seen);
        Job<Integer> failing = tasks.job(p -> {
            throw new IllegalStateException("disk full");
        });
        seen.clear();
        failing.settled(() -> seen.add("settled"))
                .onFailure(e -> seen.add("failure " + e.getMessage()))
                .start();
        assertEquals(List.of("settled", "failure disk full"), seen);
    }

    @Test
    void theFirstTypedHandlerThatFitsTakesTheFailureAndTheRestGoToOnFailure() {
        Job<Object> job = tasks.job(p -> {
            throw new ValidationException(List.of(Problem.of("goal", "plan.problem.noGoal")));
        });
        job.onMissingRecord(e -> seen.add("missing"))
                .onValidation(e -> seen.add("refused " + e.problems().size()))
                .onError(RuntimeException.class, e -> seen.add("runtime"))
                .onFailure(e -> seen.add("failure"))
                .always(() -> seen.add("always"))
                .start();
        assertEquals(List.of("refused 1", "always"), seen);

        seen.clear();
        tasks.job(p -> {
                    throw new MissingRecordException("no enrolment");
                })
                .onValidation(e -> seen.add("refused"))
                .onMissingRecord(e -> seen.add("missing"))
                .onFailure(e -> seen.add("failure"))
                .start();
        assertEquals(List.of("missing"), seen);

        seen.clear();
        tasks.job(p -> {
                    throw new AccessDeniedException("rapport.xlsx");
                })
                .onValidation(e -> seen.add("refused"))
                .onFailure(e -> seen.add(ErrorSentences.keyFor(e)))
                .start();
        assertEquals(List.of("error.fileLocked"), seen);
    }

    @Test
    void theCompletionRunsEvenWhenAHandlerThrows() {
        Job<Integer> job = tasks.job(p -> 1)
                .onSuccess(n -> {
                    throw new IllegalStateException("a bug in a handler");
                })
                .always(() -> seen.add("always"));
        assertThrows(IllegalStateException.class, job::start);
        assertEquals(List.of("always"), seen);
    }

    @Test
    void progressArrivesAsTheWorkReportsIt() {
        List<String> progress = new ArrayList<>();
        tasks.job(p -> {
                    for (int i = 1; i <= 3; i++) {
                        p.report(i, 3);
                    }
                    return "done";
                })
                .onProgress((done, total) -> progress.add(done + "/" + total))
                .onSuccess(seen::add)
                .start();
        assertEquals(List.of("1/3", "2/3", "3/3"), progress);
        assertEquals(List.of("done"), seen);
    }

    @Test
    void aCancelledJobStopsAndDeliversNeitherResultNorFailure() {
        List<Long> reached = new ArrayList<>();
        Job<String> job = tasks.job(p -> {
            for (long i = 1; i <= 100; i++) {
                if (p.isCancelled()) {
                    throw new CancellationException();
                }
                p.report(i, 100);
            }
            return "all";
        });
        job.onProgress((done, total) -> {
                    reached.add(done);
                    if (done == 2) {
                        job.cancel();
                    }
                })
                .onSuccess(seen::add)
                .onFailure(e -> seen.add("failure"))
                .onCancelled(() -> seen.add("cancelled"))
                .always(() -> seen.add("always"))
                .start();
        assertEquals(List.of(1L, 2L), reached);
        assertEquals(List.of("cancelled", "always"), seen);
        assertTrue(job.isCancelled());
    }

    @Test
    void aJobStartsOnce() {
        Job<Integer> job = tasks.job(p -> 1).start();
        assertThrows(IllegalStateException.class, job::start);
    }

    @Test
    void eachKindOfFailureHasItsSentence() {
        I18n en = new I18n(Locale.ENGLISH);
        assertEquals(
                en.problem(Problem.of("goal", "plan.problem.noGoal")),
                ErrorSentences.sentence(
                        en, new ValidationException(List.of(Problem.of("goal", "plan.problem.noGoal")))));
        assertEquals(en.get("error.missingRecord"), ErrorSentences.sentence(en, new MissingRecordException("gone")));
        assertEquals(en.get("error.unexpected"), ErrorSentences.sentence(en, new IllegalStateException("bug")));
        assertEquals(ErrorSentences.Kind.UNEXPECTED, ErrorSentences.kindOf(new IllegalStateException("bug")));
    }
}
