package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.service.ValidationException;

/**
 * One piece of background work and what follows it. Handlers are set before {@link #start()};
 * the runner calls them on the FX thread: progress as it comes, then exactly one of success, a
 * failure handler or cancelled (after every {@link #settled} completion), then every
 * {@link #always} completion (even when a handler threw). Once {@link #cancel()} is called, neither success nor failure is delivered.
 */
public final class Job<T> {
    private static final Logger LOG = Logger.getLogger(Job.class.getName());

    private record Typed<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean tryHandle(Throwable error) {
            if (!type.isInstance(error)) {
                return false;
            }
            handler.accept(type.cast(error));
            return true;
        }
    }

    private final TaskRunner.Work<T> work;
    private final Consumer<Job<T>> starter;
    private Consumer<? super T> onSuccess = result -> {};
    private final List<Typed<?>> typed = new ArrayList<>();
    private Consumer<Throwable> onFailure;
    private BiConsumer<Long, Long> onProgress = (done, total) -> {};
    private Runnable onCancelled = () -> {};
    private final List<Runnable> settled = new ArrayList<>();
    private final List<Runnable> always = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile Runnable canceller = () -> {};
    private boolean started;
    private boolean finished;

    /** For runners: starter runs the work and reports back through the package's methods. */
    Job(TaskRunner.Work<T> work, Consumer<Job<T>> starter) {
        this.work = work;
        this.starter = starter;
    }

    public Job<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Handles failures of this type; the first handler whose type fits is the one called. */
    public <E extends Throwable> Job<T> onError(Class<E> type, Consumer<? super E> handler) {
        typed.add(new Typed<>(type, handler));
        return this;
    }

    /** A refusal of what the user entered: nothing was saved, each problem names its field. */
    public Job<T> onValidation(Consumer<? super ValidationException> handler) {
        return onError(ValidationException.class, handler);
    }

    /** A record that should be there is not (deleted meanwhile, or moved by an import). */
    public Job<T> onMissingRecord(Consumer<? super MissingRecordException> handler) {
        return onError(MissingRecordException.class, handler);
    }

    /** Every failure no typed handler took (a store failure, a full disk, the unexpected). */
    public Job<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** How far the work has come, (done, total), as it reports it. */
    public Job<T> onProgress(BiConsumer<Long, Long> handler) {
        this.onProgress = handler;
        return this;
    }

    public Job<T> onCancelled(Runnable handler) {
        this.onCancelled = handler;
        return this;
    }

    /**
     * Runs before the outcome's handler, whatever the outcome: state the handlers should find
     * settled (a file no longer being written while a dialog says it is saved).
     */
    public Job<T> settled(Runnable completion) {
        settled.add(completion);
        return this;
    }

    /** Runs after the outcome's handler, whatever the outcome: the finally of the job. */
    public Job<T> always(Runnable completion) {
        always.add(completion);
        return this;
    }

    /** Hands the job to its runner; a job starts once. */
    public Job<T> start() {
        if (started) {
            throw new IllegalStateException("a job starts once");
        }
        started = true;
        starter.accept(this);
        return this;
    }

    /**
     * Asks the work to stop: {@link TaskRunner.Progress#isCancelled()} turns true and the FX
     * runner interrupts its thread. No result or failure is delivered after, only the cancelled
     * handler and the completions. Work that writes should stop only where it is safe to (a
     * transaction under way still commits or rolls back whole).
     */
    public void cancel() {
        cancelled = true;
        canceller.run();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    TaskRunner.Work<T> work() {
        return work;
    }

    void setCanceller(Runnable canceller) {
        this.canceller = canceller;
        if (cancelled) {
            canceller.run();
        }
    }

    void progressed(long done, long total) {
        if (!finished && !cancelled) {
            onProgress.accept(done, total);
        }
    }

    void succeeded(T result) {
        finish(() -> onSuccess.accept(result));
    }

    void failed(Throwable error) {
        finish(() -> {
            for (Typed<?> handler : typed) {
                if (handler.tryHandle(error)) {
                    return;
                }
            }
            if (onFailure != null) {
                onFailure.accept(error);
            } else {
                LOG.log(Level.SEVERE, "background work failed and nobody handled it", error);
            }
        });
    }

    void cancelledNow() {
        finish(() -> {});
    }

    private void finish(Runnable outcome) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            settled.forEach(Runnable::run);
            (cancelled ? onCancelled : outcome).run();
        } finally {
            for (Runnable completion : always) {
                completion.run();
            }
        }
    }
}
