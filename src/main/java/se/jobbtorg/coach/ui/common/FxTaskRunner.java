package se.jobbtorg.coach.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/** The application's {@link TaskRunner}: a small pool of daemon threads and javafx Tasks. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Job<T> job(Work<T> work) {
        return new Job<>(work, this::start);
    }

    private <T> void start(Job<T> job) {
        // Only the latest report waits for the FX thread: a fast loop must not flood its queue.
        AtomicReference<long[]> latest = new AtomicReference<>();
        Progress progress = new Progress() {
            @Override
            public void report(long done, long total) {
                if (latest.getAndSet(new long[] {done, total}) == null) {
                    Platform.runLater(() -> {
                        long[] now = latest.getAndSet(null);
                        if (now != null) {
                            job.progressed(now[0], now[1]);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        };
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.work().call(progress);
            }
        };
        // The Task's handlers run on the FX thread, after any progress posted before them.
        task.setOnSucceeded(e -> {
            changeRunning(-1);
            job.succeeded(task.getValue());
        });
        task.setOnFailed(e -> {
            changeRunning(-1);
            job.failed(task.getException());
        });
        task.setOnCancelled(e -> {
            changeRunning(-1);
            job.cancelledNow();
        });
        job.setCanceller(() -> task.cancel(true));
        if (Platform.isFxApplicationThread()) {
            changeRunning(1);
        } else {
            Platform.runLater(() -> changeRunning(1));
        }
        try {
            executor.execute(task);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "background work could not start", e);
            Platform.runLater(() -> {
                changeRunning(-1);
                job.failed(e);
            });
        }
    }

    private void changeRunning(int delta) {
        running += delta;
        busy.set(running > 0);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
