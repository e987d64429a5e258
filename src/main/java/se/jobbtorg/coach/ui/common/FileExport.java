package se.jobbtorg.coach.ui.common;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A file written in the background, one at a time per screen, with how far it has come and a
 * cancel: what a view model gives its view so the coach sees an export move and can stop it.
 * The writers write whole files or none, so a cancelled export leaves the old file, or none.
 */
public final class FileExport {
    /** Shown while nothing has said how far it has come (a progress bar's "indeterminate"). */
    public static final double UNKNOWN = -1;

    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final BooleanBinding running = file.isNotNull();
    private Job<Path> job;

    public FileExport(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** The file being written now; null while none is. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** From 0 to 1 as the work reports it; {@link #UNKNOWN} before its first report. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public boolean isRunning() {
        return running.get();
    }

    /**
     * The job that writes this file, not started: the caller adds its success and failure
     * handlers, then starts it. Its progress and its end are already tied to this export.
     */
    public Job<Path> job(Path target, TaskRunner.Work<?> write) {
        if (isRunning()) {
            throw new IllegalStateException("one export at a time");
        }
        file.set(target);
        progress.set(UNKNOWN);
        Job<Path> started = tasks.job(p -> {
            write.call(p);
            return target;
        });
        job = started;
        return started.onProgress(
                        (done, total) -> progress.set(total <= 0 ? UNKNOWN : Math.min(1, done / (double) total)))
                // Done before the outcome is told: no progress bar under the "saved" dialog.
                .settled(() -> {
                    if (job == started) {
                        job = null;
                        file.set(null);
                    }
                });
    }

    /** Stops the export under way, if any: the file is left as it was. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }
}
