package se.jobbtorg.coach.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs work off the FX thread; every handler runs on the FX thread. Failures are never lost:
 * each one reaches a handler, or the log (JabRef's most repeated crash is a UI update from a
 * worker). {@link #job} gives the whole set: typed error handlers, a completion that always
 * runs, progress and a cancel; {@link #run} is the short form most screens need.
 */
public interface TaskRunner {

    /** Work that may say how far it has come and may stop early when cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What running work sees of its job. Callable from the worker thread. */
    interface Progress {
        /** How far the work has come; the job's progress handler sees the latest on the FX thread. */
        void report(long done, long total);

        /** True once the job was cancelled: long work stops at the next convenient point. */
        boolean isCancelled();
    }

    /** A job for this work, to be given its handlers and then {@link Job#start() started}. */
    <T> Job<T> job(Work<T> work);

    /** Runs work with a success and a failure handler; the job can still be cancelled. */
    default <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        job(progress -> work.call()).onSuccess(onSuccess).onFailure(onFailure).start();
    }

    /** True while any work is running: the status bar shows progress. */
    ReadOnlyBooleanProperty busyProperty();
}
