package se.jobbtorg.coach.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.service.MissingRecordException;

/** The program's runner: work off the FX thread, every handler on it, progress and cancel. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerUiTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("runner")));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, condition);
    }

    private void note(String what) {
        seen.add(what + (Platform.isFxApplicationThread() ? "@fx" : "@worker"));
    }

    @Test
    void workRunsOffTheFxThreadAndEveryHandlerOnIt() throws Exception {
        tasks.job(p -> {
                    note("work");
                    p.report(1, 2);
                    p.report(2, 2);
                    return "ok";
                })
                .onProgress((done, total) -> {
                    if (done == 2) {
                        note("progress");
                    }
                })
                .onSuccess(r -> note("success"))
                .always(() -> note("always"))
                .start();
        waitFor(() -> seen.size() == 4);
        assertEquals(List.of("work@worker", "progress@fx", "success@fx", "always@fx"), seen);
        waitFor(() -> !tasks.busyProperty().get());
    }

    @Test
    void aTypedFailureReachesItsHandlerOnTheFxThread() throws Exception {
        tasks.job(p -> {
                    throw new MissingRecordException("no enrolment");
                })
                .onMissingRecord(e -> note("missing"))
                .onFailure(e -> note("failure"))
                .always(() -> note("always"))
                .start();
        waitFor(() -> seen.size() == 2);
        assertEquals(List.of("missing@fx", "always@fx"), seen);
    }

    @Test
    void cancelInterruptsTheWorkAndOnlyTheCancelledHandlersRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Job<String> job = tasks.job(p -> {
                    started.countDown();
                    never.await();
                    return "finished";
                })
                .onSuccess(r -> note("success"))
                .onFailure(e -> note("failure"))
                .onCancelled(() -> note("cancelled"))
                .always(() -> note("always"))
                .start();
        assertTrue(started.await(1, TimeUnit.MINUTES));
        waitFor(() -> tasks.busyProperty().get());
        job.cancel();
        waitFor(() -> seen.size() == 2);
        assertEquals(List.of("cancelled@fx", "always@fx"), seen);
        waitFor(() -> !tasks.busyProperty().get());
    }
}
