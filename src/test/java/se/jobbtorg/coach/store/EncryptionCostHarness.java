package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;
import se.jobbtorg.coach.service.SyncService;

/**
 * Throwaway harness (issue 10, until the bench exists): what encryption at rest costs, with and
 * without it in one run, on the demo caseload and at city scale. Not a test: Surefire does not
 * pick it up. Run from the project folder:
 *
 * <pre>
 * mvn -q test-compile
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     se.jobbtorg.coach.store.EncryptionCostHarness [participants ...] [--import-max N] [--cache-mb N]
 * </pre>
 *
 * Each size: the demo caseload (DemoCaseload, seed 20261124) written plain, and a copy that
 * Database.open converts (timed too); then four rounds, plain, encrypted, encrypted, plain, each:
 * open three times, search as you type (about 200 prefixes, after one warm-up pass), export a
 * snapshot, and, up to --import-max participants, import it into an empty database of the same
 * kind. Open is the median, search p50 and p95 over both rounds, export and import the best of
 * two. A first pass at 80 participants warms the JIT and is not reported. "Plain" is opened
 * through {@link PlainDatabases}, a test-only seam: main code has no way to open a plain file.
 */
public final class EncryptionCostHarness {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final long SEED = 20261124L;
    /** With --cache-mb N, search is measured a second time with the reader's page cache at N MB. */
    private static int cacheMb;

    private enum Kind {
        PLAIN,
        ENCRYPTED
    }

    private EncryptionCostHarness() {}

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.WARNING);
        List<Integer> sizes = new ArrayList<>();
        int importMax = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--import-max")) {
                importMax = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--cache-mb")) {
                cacheMb = Integer.parseInt(args[++i]);
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(80, 10_000);
        }
        Path work = Files.createTempDirectory("encryption-cost");
        System.out.printf(
                Locale.ROOT,
                "%s, %d cores, java %s; work in %s%n",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                work);
        run(work.resolve("warm-up"), 80, importMax, false);
        for (int size : sizes) {
            run(work.resolve("n" + size), size, importMax, true);
        }
        System.out.println("done; the files are left in " + work);
    }

    private static void run(Path folder, int size, int importMax, boolean report) throws Exception {
        // One caseload, two files: the demo caseload written plain, as the version before
        // encryption would hold it, and a copy that Database.open converts (the first start of
        // the new version, timed).
        Map<Kind, Path> files = new EnumMap<>(Kind.class);
        files.put(Kind.ENCRYPTED, folder.resolve("encrypted/caseload.db"));
        files.put(Kind.PLAIN, folder.resolve("plain/caseload.db"));
        Files.createDirectories(files.get(Kind.PLAIN).getParent());
        Files.createDirectories(files.get(Kind.ENCRYPTED).getParent());
        long t = System.nanoTime();
        try (Database db = open(files.get(Kind.PLAIN), Kind.PLAIN)) {
            Coach me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new DemoCaseload(db, CLOCK).populate(SEED, size, me);
        }
        double populated = ms(t);
        Files.copy(files.get(Kind.PLAIN), files.get(Kind.ENCRYPTED));
        t = System.nanoTime();
        try (Database db = open(files.get(Kind.ENCRYPTED), Kind.ENCRYPTED)) {
            if (!db.convertedFromPlain()) {
                throw new IllegalStateException("the copy was not converted");
            }
        }
        double converted = ms(t);

        Map<Kind, Samples> samples = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            samples.put(kind, new Samples());
        }
        // Plain, encrypted, encrypted, plain: whatever warms up or slows down during the run
        // falls on both alike.
        List<Kind> order = List.of(Kind.PLAIN, Kind.ENCRYPTED, Kind.ENCRYPTED, Kind.PLAIN);
        for (int round = 0; round < order.size(); round++) {
            Kind kind = order.get(round);
            measure(files.get(kind), kind, samples.get(kind), size <= importMax, round);
        }
        if (!report) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%n%,d participants: populated (plain) in %.0f ms; converted to encrypted"
                        + " on first open (with its backup) in %.0f ms; %s%n",
                size,
                populated,
                converted,
                size <= importMax ? "import measured" : "import not measured at this size");
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %8s%n", "", "plain", "encrypted", "ratio");
        Map<String, Double> plain = samples.get(Kind.PLAIN).figures();
        Map<String, Double> encrypted = samples.get(Kind.ENCRYPTED).figures();
        for (String what : plain.keySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %12.1f %12.1f %8.2f%n",
                    what,
                    plain.get(what),
                    encrypted.get(what),
                    encrypted.get(what) / plain.get(what));
        }
    }

    /** The times of one kind over its rounds. */
    private static final class Samples {
        final List<Double> opens = new ArrayList<>();
        final List<Double> searches = new ArrayList<>();
        final List<Double> cachedSearches = new ArrayList<>();
        final List<Double> exports = new ArrayList<>();
        final List<Double> imports = new ArrayList<>();
        long fileBytes;
        long packageBytes;

        Map<String, Double> figures() {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("file size (kB)", fileBytes / 1024.0);
            f.put("open (ms, median of " + opens.size() + ")", percentile(opens, 50));
            f.put("search p50 (ms, " + searches.size() + " typed)", percentile(searches, 50));
            f.put("search p95 (ms)", percentile(searches, 95));
            if (!cachedSearches.isEmpty()) {
                f.put("search p50, " + cacheMb + " MB cache (ms)", percentile(cachedSearches, 50));
                f.put("search p95, " + cacheMb + " MB cache (ms)", percentile(cachedSearches, 95));
            }
            f.put("export snapshot (ms, best of " + exports.size() + ")", percentile(exports, 0));
            f.put("package size (kB)", packageBytes / 1024.0);
            if (!imports.isEmpty()) {
                f.put("import into empty (ms, best of " + imports.size() + ")", percentile(imports, 0));
            }
            return f;
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = p == 0 ? 0 : (int) Math.ceil(sorted.size() * p / 100.0) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static Database open(Path file, Kind kind) throws Exception {
        return kind == Kind.PLAIN ? PlainDatabases.open(file, CLOCK) : Database.open(file, CLOCK, TestPassphrase.get());
    }

    private static void measure(Path file, Kind kind, Samples samples, boolean withImport, int round) throws Exception {
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            open(file, kind).close();
            samples.opens.add(ms(t));
        }
        samples.fileBytes = Files.size(file);
        Path snapshot = file.resolveSibling("snapshot-" + round + ".caseload.zip");
        try (Database db = open(file, kind)) {
            CaseloadService caseload = new CaseloadService(db, CLOCK);
            List<String> queries = queries(db);
            queries.forEach(q -> caseload.caseload(null, q));
            for (String q : queries) {
                long t = System.nanoTime();
                caseload.caseload(null, q);
                samples.searches.add(ms(t));
            }
            if (cacheMb > 0) {
                // Every page read from the file is decrypted; SQLite's default cache is 2 MB.
                db.read(dsl -> dsl.execute("PRAGMA cache_size = -" + cacheMb * 1024));
                queries.forEach(q -> caseload.caseload(null, q));
                for (String q : queries) {
                    long t = System.nanoTime();
                    caseload.caseload(null, q);
                    samples.cachedSearches.add(ms(t));
                }
                db.read(dsl -> dsl.execute("PRAGMA cache_size = -2000"));
            }
            long t = System.nanoTime();
            new SyncService(db, CLOCK, () -> "harness").exportSnapshot(snapshot, p -> {});
            samples.exports.add(ms(t));
        }
        samples.packageBytes = Files.size(snapshot);
        if (withImport) {
            Path target = file.resolveSibling("imported-" + round + "/caseload.db");
            try (Database empty = open(target, kind)) {
                long t = System.nanoTime();
                var imported = new SyncService(empty, CLOCK, () -> "harness-b").importPackage(snapshot, false, p -> {});
                samples.imports.add(ms(t));
                if (imported.created() == 0) {
                    throw new IllegalStateException("nothing imported: " + imported);
                }
            }
        }
    }

    /**
     * What a coach types: each letter of a few dozen names and numbers in turn ("ö", "öb", "öbe"),
     * a first name and the start of a last name, and the forms of a number.
     */
    private static List<String> queries(Database db) {
        // By number, evenly spread: the numbers come from the seed, so both kinds type the same.
        var all = db.read(dsl -> dsl.select(PARTICIPANT.FIRST_NAME, PARTICIPANT.LAST_NAME, PARTICIPANT.PERSONAL_NUMBER)
                .from(PARTICIPANT)
                .orderBy(PARTICIPANT.PERSONAL_NUMBER)
                .fetch());
        Set<String> queries = new LinkedHashSet<>();
        for (int n = 0; n < 40; n++) {
            var r = all.get(n * all.size() / 40);
            String last = SwedishText.fold(r.value2());
            for (int i = 1; i <= last.length(); i++) {
                queries.add(last.substring(0, i));
            }
            queries.add(r.value1() + " " + last.substring(0, Math.min(3, last.length())));
            String number = r.value3();
            queries.add(number.substring(0, 4));
            queries.add(number.substring(2, 8) + "-" + number.substring(8));
            queries.add(number.substring(8));
            if (queries.size() >= 200) {
                break;
            }
        }
        return List.copyOf(queries);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
