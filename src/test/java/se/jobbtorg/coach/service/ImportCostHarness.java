package se.jobbtorg.coach.service;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.jooq.Record;
import org.jooq.Result;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.store.Database;

/**
 * Throwaway harness (issue 16, until the bench exists): what importing a snapshot costs, in time
 * and peak resident memory, against a plain batched JDBC insert of the same rows. Not a test:
 * Surefire does not pick it up. Each step runs in its own JVM, so that its VmHWM is its own:
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * CP=target/classes:target/test-classes:$(cat target/cp.txt)
 * java -cp $CP se.jobbtorg.coach.service.ImportCostHarness prepare DIR PARTICIPANTS
 * java -cp $CP se.jobbtorg.coach.service.ImportCostHarness import DIR      # and a second import
 * java -cp $CP se.jobbtorg.coach.service.ImportCostHarness baseline DIR
 * </pre>
 *
 * prepare: the demo caseload (DemoCaseload, seed 20261124) on laptop A, exported as a snapshot
 * for laptop B (empty, admitting A). import: B's empty database copied, the snapshot imported
 * into it, then imported again. baseline: the rows the import left in every table, written with
 * plain JDBC batches of 1,000 into a plain SQLite file made with the same tables and indexes.
 */
public final class ImportCostHarness {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final long SEED = 20261124L;

    private ImportCostHarness() {}

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "prepare" -> prepare(dir, Integer.parseInt(args[2]));
            case "import" -> importTwice(dir);
            case "baseline" -> baseline(dir);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("vmhwm_kb=" + hwm());
    }

    private static void prepare(Path dir, int participants) throws Exception {
        Files.createDirectories(dir);
        try (Database a = TestTeam.open(dir.resolve("a.db"), CLOCK);
                Database b = TestTeam.open(dir.resolve("b.db"), CLOCK)) {
            SyncService sa = new SyncService(a, CLOCK, () -> "harness-a");
            SyncService sb = new SyncService(b, CLOCK, () -> "harness-b");
            TestTeam.admitEachOther(sa, sb);
            Coach me = new CoachService(a).setCurrentCoach("Harness", "Jobbtorg Kista");
            long t = System.nanoTime();
            var summary = new DemoCaseload(a, CLOCK).populate(SEED, participants, me);
            System.out.println("populated " + summary + " ms=" + ms(t));
            t = System.nanoTime();
            var exported = sa.exportFor(sb.deviceId(), dir.resolve("snapshot.caseload.zip"), p -> {});
            System.out.println(
                    "exported changes=" + exported.changes() + " bytes=" + exported.bytes() + " ms=" + ms(t));
        }
    }

    private static void importTwice(Path dir) throws Exception {
        Path target = dir.resolve("b-run.db");
        Files.copy(dir.resolve("b.db"), target, StandardCopyOption.REPLACE_EXISTING);
        Path pkg = dir.resolve("snapshot.caseload.zip");
        try (Database b = TestTeam.open(target, CLOCK)) {
            SyncService sb = new SyncService(b, CLOCK, () -> "harness-b");
            long t = System.nanoTime();
            long cpu = cpuMs();
            var first = sb.importPackage(pkg, false, p -> {});
            System.out.println("import ms=" + ms(t) + " cpu_ms=" + (cpuMs() - cpu) + " " + first);
            System.out.println("vmhwm_after_first_kb=" + hwm());
            t = System.nanoTime();
            cpu = cpuMs();
            var second = sb.importPackage(pkg, false, p -> {});
            System.out.println(
                    "second import ms=" + ms(t) + " cpu_ms=" + (cpuMs() - cpu) + " unchanged=" + second.unchanged());
        }
    }

    private static void baseline(Path dir) throws Exception {
        Path plain = dir.resolve("baseline.db");
        Files.deleteIfExists(plain);
        try (Database b = TestTeam.open(dir.resolve("b-run.db"), CLOCK);
                Connection out = DriverManager.getConnection("jdbc:sqlite:" + plain)) {
            List<String[]> tables = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            b.read(dsl -> {
                for (Record r : dsl.fetch("select type, name, sql from sqlite_master where sql is not null"
                        + " and name not like 'sqlite_%' and type in ('table', 'index') order by type desc")) {
                    String sql = r.get(2, String.class);
                    if (sql.toLowerCase().contains("virtual")
                            || r.get(1, String.class).contains("_fts")) {
                        continue;
                    }
                    if (r.get(0, String.class).equals("table")) {
                        tables.add(new String[] {r.get(1, String.class), sql});
                    } else {
                        indexes.add(sql);
                    }
                }
                return null;
            });
            try (Statement s = out.createStatement()) {
                for (String[] table : tables) {
                    s.execute(table[1]);
                }
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            // The rows read first (not timed), so that only the writing is measured.
            List<Result<Record>> rows = new ArrayList<>();
            for (String[] table : tables) {
                rows.add(b.read(dsl -> dsl.fetch("select * from \"" + table[0] + "\"")));
            }
            long t = System.nanoTime();
            out.setAutoCommit(false);
            long written = 0;
            for (int i = 0; i < tables.size(); i++) {
                written += insert(out, tables.get(i)[0], rows.get(i));
            }
            out.commit();
            System.out.println("baseline rows=" + written + " ms=" + ms(t));
        }
    }

    private static long insert(Connection out, String table, Result<Record> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.fields().length;
        String sql = "insert into \"" + table + "\" values (" + "?,".repeat(n - 1) + "?)";
        try (PreparedStatement ps = out.prepareStatement(sql)) {
            int batch = 0;
            for (Record r : rows) {
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, r.get(i));
                }
                ps.addBatch();
                if (++batch % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static long hwm() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * The importing thread's own CPU time: on a machine shared with other work, wall time says
     * more about the neighbours than about the import (SQLite runs on this thread too).
     */
    private static long cpuMs() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
