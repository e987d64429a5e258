package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.store.generated.Tables;

/** Copies of the one migrated template are empty databases of the latest version, each a device of its own. */
class EmptyDatabasesTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @Test
    void twoCopiesAreTwoDevicesWithKeysOfTheirOwn() throws Exception {
        try (Database a = EmptyDatabases.open(dir.resolve("a.db"), clock);
                Database b = EmptyDatabases.open(dir.resolve("b.db"), clock);
                Database fresh = Database.open(dir.resolve("fresh.db"), clock, TestPassphrase.get())) {
            assertNotEquals(a.deviceId(), b.deviceId(), "a device id of its own");
            for (String purpose : new String[] {DeviceKeys.SIGNING, DeviceKeys.AGREEMENT}) {
                assertNotEquals(
                        DeviceKeys.read(a, purpose).publicKey(),
                        DeviceKeys.read(b, purpose).publicKey(),
                        purpose + " keys of its own");
            }
            // The same schema and the same (empty) content as a database made by a first open.
            assertEquals(schema(fresh), schema(a));
            int version = a.read(dsl -> dsl.fetchSingle("PRAGMA user_version").get(0, Integer.class));
            assertEquals(Migrations.latestVersion(), version);
            int changes = a.read(dsl -> dsl.fetchCount(Tables.CHANGE_LOG));
            assertEquals(0, changes, "empty");
        }
    }

    private static String schema(Database db) {
        String sql = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name";
        return db.read(dsl -> String.join(
                "\n", dsl.fetchValues(sql).stream().map(String::valueOf).toList()));
    }
}
