package se.jobbtorg.coach.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs work off the FX thread; the callbacks run on the FX thread. Failures are never lost:
 * every one reaches onFailure (JabRef's most repeated crash is a UI update from a worker).
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** True while any work is running: the status bar shows progress. */
    ReadOnlyBooleanProperty busyProperty();
}
