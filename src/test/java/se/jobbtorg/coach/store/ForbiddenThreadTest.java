package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;

/** The guard the program puts on its FX thread: no query there, every other thread as before. */
class ForbiddenThreadTest {
    @TempDir
    Path dir;

    @Test
    void theForbiddenThreadCanNeitherReadNorWriteAndOthersCan() throws Exception {
        try (Database db = Database.open(dir.resolve("guarded.db"), DatabaseTest.CLOCK, TestPassphrase.get())) {
            db.forbidThread(Thread.currentThread());
            assertThrows(IllegalStateException.class, () -> db.read(q -> q.fetchCount(PARTICIPANT)));
            assertThrows(IllegalStateException.class, () -> db.write(tx -> 1));
            assertEquals(
                    0,
                    CompletableFuture.supplyAsync(() -> db.read(q -> q.fetchCount(PARTICIPANT)))
                            .get());
        }
    }
}
