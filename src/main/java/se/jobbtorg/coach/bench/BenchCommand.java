package se.jobbtorg.coach.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.files.AtomicFile;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.CoachRepository;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.PlainBaseline;

/**
 * {@code bench}: builds the synthetic city in a temporary folder and measures what a coach and a
 * team lead wait for, against the targets of the design (Performance) and, where one applies,
 * the raw baseline measured in the same run. Prints one table; {@code --json FILE} writes the
 * figures as a list. Timings are only comparable within one run on one machine: ratios are the
 * figures to compare across machines.
 */
public final class BenchCommand {
    // The snapshot export holds every change in memory today (3.4 GB of heap at 10,000
    // participants): at city size it would not fit, so the package figures share the limit.
    private static final double MIB = 1024.0 * 1024.0;
    /** How many starts of each kind a start figure is the median of. */
    private static final int STARTS = 3;

    /** One line of the table and one element of the JSON list. */
    record Figure(
            String name,
            String stat,
            double value,
            String unit,
            Double target,
            Double baseline,
            Double ratio,
            boolean met,
            String detail) {}

    private final List<Figure> figures = new ArrayList<>();
    private final MemoryProbe memory = new MemoryProbe();
    private PrintStream log;

    /**
     * What to measure: the city's size and seed, how many runs of each long figure, import
     * figures only up to {@code importLimit} participants (-1: none), and a folder to keep the
     * city in (null: a temporary one, deleted afterwards). With {@code reuse}, {@code keep} names
     * a folder an earlier run kept: a copy of its city is measured and nothing is built (the
     * city's size is then what was kept, whatever {@code participants} says). The command line
     * (picocli, in app) checks the values.
     */
    public record Options(int participants, Path json, long seed, int runs, int importLimit, Path keep, boolean reuse) {
        public static final long SEED = 16;
        /** Import figures only up to this size unless told otherwise: the import is slow at city size today. */
        public static final int IMPORT_LIMIT = 10_000;
    }

    public int run(Options options, PrintStream out, PrintStream err) {
        int participants = options.participants();
        Path json = options.json();
        long seed = options.seed();
        int runs = options.runs();
        int importLimit = options.importLimit();
        Path keep = options.reuse() ? null : options.keep();
        this.log = err;
        Path dir = null;
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        memory.start();
        try {
            dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("jobbtorg-bench");
            if (options.reuse()) {
                participants = copyKept(options.keep(), dir);
            }
            measure(dir, participants, seed, runs, participants <= importLimit, options.reuse());
            double total = seconds(started, System.nanoTime());
            add(
                    "the whole bench run",
                    "once",
                    total,
                    "s",
                    WHOLE_RUN_TARGET_SECONDS,
                    null,
                    null,
                    total < WHOLE_RUN_TARGET_SECONDS,
                    "wall time, build and baseline included; load average " + loadAtStart + " at the start, "
                            + loadAverage() + " at the end");
            print(out, participants);
            if (json != null) {
                writeJson(json);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("failed reason=" + e);
            return 1;
        } finally {
            memory.stop();
            if (dir != null && keep == null) {
                deleteQuietly(dir);
            }
        }
    }

    /** Issue 16: the whole bench at 100,000 participants in under 20 minutes on 2 cores. */
    private static final double WHOLE_RUN_TARGET_SECONDS = 20 * 60;

    /** The machine's load average over the last minute, as /proc/loadavg gives it ("-" where there is none). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    /** The files a kept city is reused from: the database and the passphrase it was built with. */
    private static final String CITY = "city.db";

    private static final String CITY_PASSPHRASE = "city.passphrase";

    private static final String CITY_SIZE = "city.participants";

    /** Copies a kept city into {@code dir}; returns its number of participants. */
    private int copyKept(Path kept, Path dir) throws IOException {
        for (String name : List.of(CITY_PASSPHRASE, CITY_SIZE)) {
            if (!Files.isRegularFile(kept.resolve(name))) {
                throw new IOException("no kept city in " + kept + " (" + name + " missing): run with --keep first");
            }
        }
        progress("copying the city kept in " + kept);
        for (String suffix : List.of("", "-wal")) {
            Path source = kept.resolve(CITY + suffix);
            if (Files.exists(source)) {
                Files.copy(source, dir.resolve(CITY + suffix));
            }
        }
        Files.copy(kept.resolve(CITY_PASSPHRASE), dir.resolve(CITY_PASSPHRASE));
        return Integer.parseInt(Files.readString(kept.resolve(CITY_SIZE)).strip());
    }

    private void measure(Path dir, int participants, long seed, int runs, boolean withImport, boolean reused)
            throws IOException {
        Clock clock = Clock.systemDefaultZone();
        LocalDate today = LocalDate.now(clock);
        Path cityFile = dir.resolve(CITY);
        Path passphraseFile = dir.resolve(CITY_PASSPHRASE);
        if (!reused) {
            // Kept beside the city so that a later run can reuse it: the people in it are invented.
            String text = "bänken mäter staden " + UUID.randomUUID();
            AtomicFile.writeOwnerOnly(passphraseFile, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        }
        Passphrase passphrase = Passphrase.of(Files.readString(passphraseFile, StandardCharsets.UTF_8));
        Database city;
        if (reused) {
            progress("measuring a copy of a kept city of " + participants + " participants");
            city = Database.open(cityFile, clock, passphrase);
            if (withImport) {
                baseline(dir, city);
            }
        } else {
            city = build(dir, cityFile, participants, seed, clock, today, passphrase);
        }
        measureBuilt(dir, city, cityFile, participants, seed, runs, withImport, clock, today, passphrase);
    }

    private double baselineSeconds;

    private long baselineRows;

    private Database build(
            Path dir, Path cityFile, int participants, long seed, Clock clock, LocalDate today, Passphrase passphrase)
            throws IOException {
        progress("building a city of " + participants + " participants");
        memory.phase();
        long t0 = System.nanoTime();
        Database city = Database.open(cityFile, clock, passphrase);
        long opened = System.nanoTime();
        SyntheticCity.Summary summary = new SyntheticCity(city, seed, today).build(participants);
        long built = System.nanoTime();
        MemoryProbe.Peak buildMemory = memory.phase();
        progress("built " + summary);
        double buildSeconds = seconds(opened, built);
        baseline(dir, city);
        double rowsPerSecond = baselineRows / baselineSeconds;
        double buildRate = baselineRows / buildSeconds;
        add(
                "city build (" + summary.records() + " records)",
                "once",
                buildSeconds,
                "s",
                null,
                baselineSeconds,
                buildRate / rowsPerSecond,
                true,
                String.format(
                        Locale.ROOT,
                        "%.0f rows/s, baseline %.0f rows/s; open %.1f s; rows %.1f s, search keys %.1f s,"
                                + " indexes %.1f s, commit %.1f s, checkpoint %.1f s",
                        buildRate,
                        rowsPerSecond,
                        seconds(t0, opened),
                        summary.times().rows(),
                        summary.times().searchKeys(),
                        summary.times().indexes(),
                        summary.times().commit(),
                        summary.times().checkpoint()));
        addMemory("build", buildMemory, null);
        Files.writeString(dir.resolve(CITY_SIZE), Integer.toString(participants));
        return city;
    }

    private void baseline(Path dir, Database city) throws IOException {
        progress("plain baseline: the same rows by plain JDBC batched inserts into a plain file");
        long b0 = System.nanoTime();
        baselineRows = PlainBaseline.copy(city, dir.resolve("baseline.db"));
        baselineSeconds = seconds(b0, System.nanoTime());
        Files.deleteIfExists(dir.resolve("baseline.db"));
        Files.deleteIfExists(dir.resolve("baseline.db-wal"));
        Files.deleteIfExists(dir.resolve("baseline.db-shm"));
    }

    private void measureBuilt(
            Path dir,
            Database city,
            Path cityFile,
            int participants,
            long seed,
            int runs,
            boolean withImport,
            Clock clock,
            LocalDate today,
            Passphrase passphrase)
            throws IOException {
        double rowsPerSecond = baselineRows / baselineSeconds;

        // A start on the city: the time from the passphrase to the first caseload read (what the
        // window waits for behind its spinner), best of three after the first. The window checks
        // the file's integrity after its first screen, in the background: so does this open, and
        // the check is its own figure below.
        city.close();
        double[] opens = new double[Math.max(2, runs)];
        for (int i = 0; i < opens.length; i++) {
            long o0 = System.nanoTime();
            city = Database.open(cityFile, clock, passphrase, Database.Integrity.LATER);
            Database c = city;
            new CaseloadService(c, clock)
                    .caseload(new CoachService(c).coaches().get(0).id(), "");
            opens[i] = seconds(o0, System.nanoTime());
            if (i < opens.length - 1) {
                city.close();
            }
        }
        double[] warm = Arrays.copyOfRange(opens, 1, opens.length);
        Arrays.sort(warm);
        add(
                "open the city's database to a first caseload",
                "median of " + warm.length,
                percentile(warm, 0.5),
                "s",
                3.0,
                null,
                null,
                percentile(warm, 0.5) < 3.0,
                String.format(
                        Locale.ROOT,
                        "first %.2f s (cold cache); passphrase check included, integrity check after",
                        opens[0]));
        long q0 = System.nanoTime();
        city.checkIntegrity();
        add(
                "integrity check (in the background, after the first screen)",
                "once",
                seconds(q0, System.nanoTime()),
                "s",
                null,
                null,
                null,
                true,
                "reads the whole file: never before the first screen");

        List<Coach> coaches = new CoachService(city).coaches();
        Random random = new Random(seed);
        // The program's code warmed as in a window used for a while (its first reads are in the
        // start's figures), on other services, so none of what they keep is used below; then the
        // reader's page cache is emptied, so each figure reads its pages as after a change.
        List<Double> warming = warmUp(city, clock, coaches, today, seed);
        CaseloadService caseload = new CaseloadService(city, clock);
        WorkflowService workflow = new WorkflowService(city, clock);
        TodayService todayService = new TodayService(city, clock, workflow);

        memory.phase();
        progress("caseloads");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < Math.max(200, coaches.size()); i++) {
            Coach c = coaches.get(i % coaches.size());
            times.add(time(() -> caseload.caseload(c.id(), "")));
        }
        addTimed("a coach's caseload", times, 20.0, null, "; while the code warmed up: " + summary(warming));

        progress("search as you type");
        List<String> queries = SearchQueries.of(random, today, 1_000);
        times = new ArrayList<>();
        for (String q : queries) {
            times.add(time(() -> caseload.caseload(null, q)));
        }
        addTimed("search as you type (" + queries.size() + " queries)", times, 30.0, null);
        List<Integer> slowest = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            slowest.add(i);
        }
        List<Double> searchTimes = times;
        slowest.sort(Comparator.comparing((Integer i) -> searchTimes.get(i)).reversed());
        StringBuilder slow = new StringBuilder("slowest searches:");
        for (int i : slowest.subList(0, Math.min(15, slowest.size()))) {
            slow.append(String.format(Locale.ROOT, " \"%s\" %.0f ms,", queries.get(i), searchTimes.get(i)));
        }
        progress(slow.toString());

        progress("Today");
        times = new ArrayList<>();
        for (int i = 0; i < Math.min(40, coaches.size() * 4); i++) {
            Coach c = coaches.get(i % coaches.size());
            // What the Today screen reads: the deadlines and the reminders.
            times.add(time(() -> todayService.worklist(c.id())));
        }
        addTimed("Today for a coach", times, 100.0, null);

        progress("participant's page");
        List<CaseloadEntry> people = caseload.caseload(coaches.get(0).id(), "");
        times = new ArrayList<>();
        for (int i = 0; i < 100 && !people.isEmpty(); i++) {
            CaseloadEntry entry = people.get(random.nextInt(people.size()));
            times.add(time(() -> {
                caseload.participant(entry.participant().id());
                for (Enrolment e : caseload.enrolments(entry.participant().id())) {
                    workflow.work(e.id());
                }
                return null;
            }));
        }
        addTimed("a participant's page", times, 100.0, null);

        progress("indicators");
        IndicatorReport report = new IndicatorReport(city, clock);
        LocalDate from = today.minusYears(10);
        addRuns("indicators over the city", runs, () -> report.compute(from, today, null), 0.5);
        String unit = report.units().get(0);
        addRuns("indicators over one unit", runs, () -> report.compute(from, today, unit), 0.5);
        // The bench's own JVM (its default heap, what the build left): the target is the window's figure below.
        addMemory("queries, city open", memory.phase(), null);

        progress(
                withImport
                        ? "snapshot export"
                        : "package figures (snapshot export, import) not measured at this size (--import-limit)");
        SyncService citySync = new SyncService(city, clock, () -> "Staden");
        Path laptopFile = dir.resolve("laptop.db");
        Database laptop = Database.open(laptopFile, clock, passphrase);
        SyncService laptopSync = new SyncService(laptop, clock, () -> "Coachens dator");
        admitEachOther(citySync, laptopSync);
        // A package is encrypted to the devices admitted when it is written: the empty database
        // that imports it is met first, as a new laptop would be.
        Database empty = withImport ? Database.open(dir.resolve("empty.db"), clock, passphrase) : null;
        SyncService emptySync = withImport ? new SyncService(empty, clock, () -> "Ny dator") : null;
        if (withImport) {
            admitEachOther(citySync, emptySync);
        }
        Path pkg = dir.resolve("city.caseload.zip");
        // The export is minutes long at city size: once there, three times at small sizes.
        int exportRuns = participants > 10_000 ? 1 : runs;
        SyncService.Exported[] exported = new SyncService.Exported[1];
        SyncService exporter = citySync;
        if (withImport) {
            addRuns(
                    "snapshot export",
                    exportRuns,
                    () -> {
                        exported[0] = uncheck(() -> exporter.exportSnapshot(pkg, x -> {}));
                        return null;
                    },
                    5.0);
            addMemory("export", memory.phase(), null);
            progress("exported " + exported[0].changes() + " changes, " + exported[0].bytes() + " bytes");
        }

        if (withImport) {
            progress("import into an empty database");
            long i0 = System.nanoTime();
            var imported = emptySync.importPackage(pkg, false, x -> {});
            double importSeconds = seconds(i0, System.nanoTime());
            double rate = exported[0].changes() / importSeconds;
            // The baseline copies the rows the import writes: each record, its change-log row and
            // the person's search tokens (and, by the same triggers, the keys). So the rates are
            // compared over the same rows, as changes a second: a change is one record with its
            // log row, two or more rows of the baseline's count.
            double plainRate = exported[0].changes() / baselineSeconds;
            add(
                    "import into an empty database (" + imported.created() + " new)",
                    "once",
                    importSeconds,
                    "s",
                    10.0,
                    baselineSeconds,
                    null,
                    importSeconds < 10.0,
                    "baseline: the plain copy of the same rows");
            add(
                    "import rate",
                    "once",
                    rate,
                    "changes/s",
                    plainRate / 2,
                    plainRate,
                    rate / plainRate,
                    rate >= plainRate / 2,
                    String.format(
                            Locale.ROOT,
                            "target: half the plain rate; the plain copy wrote the same rows (%d, %.1f a change) at"
                                    + " %.0f rows/s",
                            baselineRows,
                            baselineRows / (double) exported[0].changes(),
                            rowsPerSecond));
            addMemory("import", memory.phase(), null);
            // The plain baseline writes an unencrypted file; every file of the program is
            // encrypted (decision 0006). The same writing into an encrypted file says what of the
            // gap is the encryption of every page, and what is the import's own work.
            progress("baseline, encrypted: the same rows by plain JDBC batched inserts into an encrypted file");
            long e0 = System.nanoTime();
            long encryptedRows = PlainBaseline.copy(city, dir.resolve("baseline-encrypted.db"), passphrase);
            double encryptedSeconds = seconds(e0, System.nanoTime());
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve("baseline-encrypted.db" + suffix));
            }
            double encryptedRate = exported[0].changes() / encryptedSeconds;
            add(
                    "import rate against an encrypted baseline",
                    "once",
                    rate,
                    "changes/s",
                    null,
                    encryptedRate,
                    rate / encryptedRate,
                    true,
                    String.format(
                            Locale.ROOT,
                            "the same rows into a file encrypted as the program's: %.0f rows/s, %.2f of the plain rate",
                            encryptedRows / encryptedSeconds,
                            baselineSeconds / encryptedSeconds));
            long s0 = System.nanoTime();
            emptySync.importPackage(pkg, false, x -> {});
            double again = seconds(s0, System.nanoTime());
            add("second import of the same package", "once", again, "s", 3.0, null, null, again < 3.0, null);
            addMemory("second import", memory.phase(), null);
            empty.close();
        }

        progress("cold start of the window");
        Database shown = city;
        shown.write(tx -> {
            // The window starts as this coach would start it on the central copy: theirs is the caseload shown.
            new CoachRepository(shown).setCurrent(tx, coaches.get(0).id());
            return null;
        });
        city.close();
        StartProbe probe = new StartProbe(dir, passphrase, this::progress);
        try {
            StartProbe.Result demoFirst = probe.start(dir.resolve("demo.db"), true);
            addStarts(
                    "cold start to the first screen drawn, demo caseload",
                    demoFirst.measured() ? () -> probe.start(dir.resolve("demo.db"), false) : () -> demoFirst,
                    2.0,
                    demoFirst.measured()
                            ? String.format(
                                    Locale.ROOT, "first start, making the demo caseload: %.1f s", demoFirst.seconds())
                            : null);
            addStarts("cold start to the first screen drawn, the city", () -> probe.start(cityFile, false), 3.0, null);
            // As the installed program starts: with the class-data archive its package makes.
            StartProbe.Archive archive = demoFirst.measured()
                    ? probe.classArchive(dir.resolve("demo.db"))
                    : StartProbe.Archive.not("no demo caseload to train on");
            String installed = "with the class-data archive of the program's classes that the .deb makes";
            StartProbe.Start notInstalled = () -> StartProbe.Result.not(archive.why());
            addStarts(
                    "cold start, demo caseload, as installed",
                    archive.made() ? () -> probe.start(dir.resolve("demo.db"), false, archive.options()) : notInstalled,
                    2.0,
                    installed);
            addStarts(
                    "cold start, the city, as installed",
                    archive.made() ? () -> probe.start(cityFile, false, archive.options()) : notInstalled,
                    3.0,
                    installed);
            // One more, which waits for the integrity check and the day's backup after the first
            // screen, for the window's resident memory with the city open.
            StartProbe.Result settled = archive.made()
                    ? probe.start(cityFile, false, archive.options(), true)
                    : StartProbe.Result.not(archive.why());
            boolean known = settled.measured() && settled.settledMiB() >= 0;
            add(
                    "resident memory of the window, the city open",
                    "once",
                    known ? settled.settledMiB() : Double.NaN,
                    "MiB",
                    400.0,
                    null,
                    null,
                    known && settled.settledMiB() < 400,
                    known
                            ? String.format(
                                    Locale.ROOT,
                                    "as installed (%s), after the start's integrity check and the day's backup;"
                                            + " %d MiB when the caseload was drawn, peak %d MiB",
                                    String.join(" ", StartProbe.INSTALLED_OPTIONS),
                                    settled.drawnMiB(),
                                    settled.peakMiB())
                            : "not measured: " + (settled.measured() ? "the window did not say" : settled.why()));
        } finally {
            probe.close();
        }
        city = Database.open(cityFile, clock, passphrase);
        citySync = new SyncService(city, clock, () -> "Staden");

        // The window takes the day's backup in the background after its first screen; an import
        // takes it only if the day has none yet (decision 0010). Timed apart, always (the start
        // probe's window may have taken the day's already), so that the coach's day is the
        // import alone and the copy's cost at this size is seen.
        progress("the day's backup");
        long k0 = System.nanoTime();
        city.backup("daily");
        add(
                "the day's backup (in the background, after the first screen)",
                "once",
                seconds(k0, System.nanoTime()),
                "s",
                null,
                null,
                null,
                true,
                "a full copy of the file (VACUUM INTO), once a day: never before a screen, nor before each import");
        progress("a coach's day into the city");
        Coach coach = coaches.get(0);
        Path dayPkg = dir.resolve("day.caseload.zip");
        coachsDay(laptop, clock, coach);
        uncheck(() -> laptopSync.exportSnapshot(dayPkg, x -> {}));
        long d0 = System.nanoTime();
        var day = citySync.importPackage(dayPkg, false, x -> {});
        double daySeconds = seconds(d0, System.nanoTime());
        add(
                "a coach's day into the city (" + day.created() + " new)",
                "once",
                daySeconds,
                "s",
                3.0,
                null,
                null,
                daySeconds < 3.0,
                null);
        addMemory("coach's day", memory.phase(), null);
        laptop.close();
        city.close();
        long hwm = MemoryProbe.residentPeakKiB();
        add(
                "peak resident memory of the run (VmHWM)",
                "once",
                hwm / 1024.0,
                "MiB",
                null,
                null,
                null,
                true,
                "the whole run, one JVM");
    }

    /** A coach's day on their own laptop: five new people enrolled, each met once. */
    private static void coachsDay(Database laptop, Clock clock, Coach cityCoach) {
        CoachService coaches = new CoachService(laptop);
        Coach me = coaches.setCurrentCoach(cityCoach.name() + " (bärbar)", cityCoach.unit());
        CaseloadService caseload = new CaseloadService(laptop, clock);
        WorkflowService workflow = new WorkflowService(laptop, clock);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 5; i++) {
            // Born on the first of January 2007: the city's people are 18 to 65, so no number is met twice.
            String number = PersonalIdentityNumber.of(LocalDate.of(2007, 1, 1), 100 + i, false)
                    .normalised();
            var p = caseload.register(
                    new ParticipantDraft(number, "Åsa", "Dagström " + (char) ('A' + i), null, null, "Skärholmen"));
            var e = caseload.enrol(new EnrolmentDraft(
                    p.id(),
                    me.id(),
                    today,
                    "Försörjningsstöd Skärholmen",
                    null,
                    Set.of(TargetGroup.UNEMPLOYED),
                    "svenska",
                    false));
            workflow.recordMeeting(new MeetingDraft(
                    e.id(),
                    null,
                    today.atTime(9 + i, 0),
                    MeetingKind.DESK,
                    null,
                    MeetingOutcome.ATTENDED,
                    null,
                    false,
                    "Första mötet.",
                    null,
                    null,
                    null));
        }
    }

    private static void admitEachOther(SyncService a, SyncService b) {
        String[] ka = a.team().ownPublicKeys();
        String[] kb = b.team().ownPublicKeys();
        b.team().admit(a.deviceId(), ka[0], ka[1], a.peerLabel(a.deviceId()));
        a.team().admit(b.deviceId(), kb[0], kb[1], b.peerLabel(b.deviceId()));
    }

    private void addTimed(String name, List<Double> millis, double target, Double baseline) {
        addTimed(name, millis, target, baseline, "");
    }

    /** p50, p95 and max of timings in milliseconds, as a figure's detail gives them. */
    private static String summary(List<Double> millis) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, max %.1f ms, n=%d",
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                sorted[sorted.length - 1],
                sorted.length);
    }

    private void addTimed(String name, List<Double> millis, double target, Double baseline, String more) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = percentile(sorted, 0.50);
        double p95 = percentile(sorted, 0.95);
        add(
                name,
                "p95",
                p95,
                "ms",
                target,
                baseline,
                baseline == null ? null : p95 / baseline,
                p95 < target,
                String.format(
                                Locale.ROOT,
                                "p50 %.1f ms, max %.1f ms, n=%d",
                                p50,
                                sorted[sorted.length - 1],
                                sorted.length)
                        + more);
    }

    /** A long figure: min and median over the runs, in seconds; the median is the value. */
    private void addRuns(String name, int runs, Supplier<Object> work, double targetSeconds) {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            seconds[i] = seconds(t0, System.nanoTime());
        }
        Arrays.sort(seconds);
        double median = percentile(seconds, 0.5);
        add(
                name,
                "median of " + runs,
                median,
                "s",
                targetSeconds,
                null,
                null,
                median < targetSeconds,
                String.format(Locale.ROOT, "min %.2f s", seconds[0]));
    }

    /**
     * A start figure: three starts of the same kind, one after the other; the median is the
     * value and the fastest is said beside it (one start moved by 0.2 s from run to run).
     */
    private void addStarts(String name, StartProbe.Start start, double target, String detail) throws IOException {
        List<StartProbe.Result> results = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            StartProbe.Result result = start.run();
            if (!result.measured()) {
                progress(name + ": not measured: " + result.why());
                add(name, "not measured", Double.NaN, "s", target, null, null, false, "not measured: " + result.why());
                return;
            }
            results.add(result);
        }
        results.sort(Comparator.comparingDouble(StartProbe.Result::seconds));
        StartProbe.Result median = results.get(results.size() / 2);
        String fastest = String.format(Locale.ROOT, "min %.2f s", results.get(0).seconds());
        addStart(name, median, target, detail == null ? fastest : fastest + "; " + detail);
    }

    private void addStart(String name, StartProbe.Result result, double target, String detail) {
        add(
                name,
                "median of " + STARTS,
                result.seconds(),
                "s",
                target,
                null,
                null,
                result.seconds() < target,
                "a child JVM, process start to the first screen drawn (Today)"
                        + (result.caseloadAfterMs() < 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        ", the caseload's list %.2f s later",
                                        result.caseloadAfterMs() / 1000.0))
                        + (detail == null ? "" : "; " + detail));
    }

    private void addMemory(String phase, MemoryProbe.Peak peak, Double residentTarget) {
        add("peak heap, " + phase, "sampled", peak.heapBytes() / MIB, "MiB", null, null, null, true, null);
        add(
                "peak resident, " + phase,
                "sampled",
                peak.residentKiB() / 1024.0,
                "MiB",
                residentTarget,
                null,
                null,
                residentTarget == null || peak.residentKiB() / 1024.0 < residentTarget,
                null);
    }

    private void add(
            String name,
            String stat,
            double value,
            String unit,
            Double target,
            Double baseline,
            Double ratio,
            boolean met,
            String detail) {
        Figure f = new Figure(name, stat, value, unit, target, baseline, ratio, met, detail);
        figures.add(f);
        progress(format(f));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** At least how many times each timed query runs before it is measured. */
    private static final int WARM_UP = 20;

    /**
     * Each timed query's code run until it is compiled, by services of its own: once for every
     * coach (at least {@link #WARM_UP} times), each with a search, Today and one person's page;
     * then the reader connection's page cache is emptied. So the figures are those of a window in
     * use for a while, each read from the file again. With 20 runs, the caseload's figure was
     * partly that of code still being compiled, and moved by 10 ms at p95 from run to run of the
     * same city (issue 16). Returns the warm-up's caseload timings, which the figure's detail
     * gives: a window's first reads.
     */
    private List<Double> warmUp(Database city, Clock clock, List<Coach> coaches, LocalDate today, long seed) {
        progress("warming up");
        CaseloadService caseload = new CaseloadService(city, clock);
        WorkflowService workflow = new WorkflowService(city, clock);
        TodayService todayService = new TodayService(city, clock, workflow);
        int runs = Math.max(WARM_UP, coaches.size());
        List<String> queries = SearchQueries.of(new Random(seed + 1), today, runs);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Coach c = coaches.get(coaches.size() - 1 - i % coaches.size());
            List<CaseloadEntry> people = new ArrayList<>();
            times.add(time(() -> people.addAll(caseload.caseload(c.id(), ""))));
            caseload.caseload(null, queries.get(i));
            todayService.worklist(c.id());
            if (!people.isEmpty()) {
                UUID person = people.get(0).participant().id();
                caseload.participant(person);
                for (Enrolment e : caseload.enrolments(person)) {
                    workflow.work(e.id());
                }
            }
        }
        city.emptyReaderCache();
        return times;
    }

    private static double time(Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private void progress(String line) {
        log.println("bench: " + line);
    }

    private void print(PrintStream out, int participants) {
        out.printf(
                Locale.ROOT,
                "Jobbtorg Coach bench: %d participants, %d cores, %s%n",
                participants,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        out.printf(
                Locale.ROOT,
                "%-58s %-12s %12s %-8s %10s %10s %7s %-4s  %s%n",
                "figure",
                "stat",
                "value",
                "unit",
                "target",
                "baseline",
                "ratio",
                "met",
                "detail");
        for (Figure f : figures) {
            out.println(format(f));
        }
    }

    private static String format(Figure f) {
        return String.format(
                Locale.ROOT,
                "%-58s %-12s %12s %-8s %10s %10s %7s %-4s  %s",
                f.name(),
                f.stat(),
                number(f.value()),
                f.unit(),
                f.target() == null ? "-" : number(f.target()),
                f.baseline() == null ? "-" : number(f.baseline()),
                f.ratio() == null ? "-" : number(f.ratio()),
                f.met() ? "yes" : "NO",
                f.detail() == null ? "" : f.detail());
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private void writeJson(Path file) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("stat", f.stat());
            m.put("value", Double.isNaN(f.value()) ? null : f.value());
            m.put("unit", f.unit());
            m.put("target", f.target());
            m.put("baseline", f.baseline());
            m.put("ratio", f.ratio());
            m.put("met", f.met());
            m.put("detail", f.detail());
            list.add(m);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), list);
    }

    private interface IoWork<T> {
        T get() throws IOException;
    }

    private static <T> T uncheck(IoWork<T> work) {
        try {
            return work.get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is the operating system's to clear.
        }
    }
}
