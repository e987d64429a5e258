package se.jobbtorg.coach.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            changeRunning(-1);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            changeRunning(-1);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> changeRunning(-1));
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
                onFailure.accept(e);
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
