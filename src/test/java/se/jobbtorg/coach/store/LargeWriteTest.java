package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;

/** A large write has the large page cache for itself alone: the next write, after a commit or a rollback, has the usual one. */
class LargeWriteTest {
    @TempDir
    Path dir;

    private static long cacheSize(Transaction tx) {
        return ((Number) tx.dsl().fetchValue("PRAGMA cache_size")).longValue();
    }

    @Test
    void theLargeCacheLastsOneTransaction() {
        try (Database db = Database.open(dir.resolve("large.db"), new TestClock(Instant.now()), TestPassphrase.get())) {
            assertEquals(-Database.CACHE_KIB, (long) db.write(LargeWriteTest::cacheSize));
            long during = db.write(tx -> {
                tx.largeWrite();
                return cacheSize(tx);
            });
            assertEquals(-Database.LARGE_WRITE_CACHE_KIB, during);
            assertEquals(-Database.CACHE_KIB, (long) db.write(LargeWriteTest::cacheSize), "after a commit");

            assertThrows(
                    IllegalStateException.class,
                    () -> db.write(tx -> {
                        tx.largeWrite();
                        throw new IllegalStateException("refused");
                    }));
            assertEquals(-Database.CACHE_KIB, (long) db.write(LargeWriteTest::cacheSize), "after a rollback");
        }
    }
}
