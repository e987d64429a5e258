package se.jobbtorg.coach.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The task runner for tests without a window: the work and then its handlers run at once, on
 * the calling thread, in the order the FX runner gives them. A view model test can then assert
 * right after the call what a person would see once the work is done.
 */
public class SameThreadTaskRunner implements TaskRunner {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;
    private int started;

    @Override
    public <T> Job<T> job(Work<T> work) {
        return new Job<>(work, this::start);
    }

    private <T> void start(Job<T> job) {
        started++;
        running++;
        busy.set(true);
        T result = null;
        Exception error = null;
        try {
            result = job.work().call(new Progress() {
                @Override
                public void report(long done, long total) {
                    job.progressed(done, total);
                }

                @Override
                public boolean isCancelled() {
                    return job.isCancelled();
                }
            });
        } catch (Exception e) {
            error = e;
        } finally {
            running--;
            busy.set(running > 0);
        }
        if (error != null) {
            job.failed(error);
        } else {
            job.succeeded(result);
        }
    }

    /** How many jobs were started: e.g. that a refused form never reached the service. */
    public int started() {
        return started;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
