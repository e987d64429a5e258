package se.jobbtorg.coach.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * Times a cold start of the window from outside: a child JVM started from the program's jar
 * with the start probe (the window opens the database with the passphrase from a file instead of
 * asking, logs its first screen drawn and exits once the caseload is drawn too), on the display
 * there is, or on a virtual one (Xvfb) started here when DISPLAY is unset. The time is from the
 * process start to the window's log saying the first screen (Today) is drawn with its rows: JVM
 * and JavaFX start, key derivation, the open, the first screen's query, the first drawing (read
 * from the log every 50 ms; decision 0016 says why this screen). How much later the caseload's
 * list was drawn is read from the log. The time a person takes to type the passphrase is not in
 * it.
 */
final class StartProbe implements AutoCloseable {
    /** CoachApplication.START_PROBE: named here, as bench sits below the app that starts it. */
    private static final String PROPERTY = "jobbtorg.startProbe";

    private static final long TIMEOUT_SECONDS = 300;

    /** A step's time since the process start in the window's log: "+2575 ms". */
    private static final Pattern MILLIS = Pattern.compile("\\+(\\d+) ms");

    /** CoachApplication.START_PROBE_SETTLE. */
    private static final String SETTLE = "jobbtorg.startProbe.settle";

    /**
     * The options the installed program's launcher gives the JVM (installer/build.sh, beside the
     * class-data archive): a heap that starts small and gives back what it does not use. The
     * default starts at 1/64 of the machine's memory and grows the resident set to it at once.
     */
    static final List<String> INSTALLED_OPTIONS =
            List.of("-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

    /**
     * A start timed to the first screen drawn, or why not; with how much later the caseload was
     * drawn (ms, from the window's log; -1: not known), the window's resident memory (MiB) then
     * and, for a start that waited for the work after the first screen, then (-1: not known).
     */
    record Result(
            boolean measured,
            double seconds,
            String why,
            long caseloadAfterMs,
            long drawnMiB,
            long settledMiB,
            long peakMiB) {
        static Result not(String why) {
            return new Result(false, Double.NaN, why, -1, -1, -1, -1);
        }
    }

    private final Path dir;
    private final Consumer<String> log;
    private final String problem;
    private final Path jar;
    private final Path passphraseFile;
    private String display;
    private Process xvfb;
    private int starts;

    StartProbe(Path dir, Passphrase passphrase, Consumer<String> log) throws IOException {
        this.dir = dir;
        this.log = log;
        this.jar = jar();
        this.passphraseFile = dir.resolve("passphrase.txt");
        Files.deleteIfExists(passphraseFile);
        Files.createFile(
                passphraseFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passphraseFile, passphrase.reveal() + "\n", StandardCharsets.UTF_8);
        this.problem = jar == null ? "not run from the program's jar" : display();
    }

    /** One start of the window, timed. */
    interface Start {
        Result run() throws IOException;
    }

    /** Starts the window on the database (with --demo: a new one filled with the demo caseload) and times it. */
    Result start(Path db, boolean demo) throws IOException {
        return start(db, demo, List.of());
    }

    /** As {@link #start(Path, boolean)}, the child JVM started with these options too. */
    Result start(Path db, boolean demo, List<String> jvmOptions) throws IOException {
        return start(db, demo, jvmOptions, false);
    }

    /**
     * As {@link #start(Path, boolean, List)}; settle: the window exits only once its integrity
     * check and the day's backup are done too, and says its resident memory then (the start is
     * still timed to the first screen drawn).
     */
    Result start(Path db, boolean demo, List<String> jvmOptions, boolean settle) throws IOException {
        if (problem != null) {
            return Result.not(problem);
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        if (settle) {
            command.add("-D" + SETTLE + "=true");
        }
        command.addAll(List.of(
                "-Duser.home=" + Files.createDirectories(dir.resolve("home")),
                "-D" + PROPERTY + "=" + passphraseFile,
                "-jar",
                jar.toString(),
                "--db",
                db.toString()));
        if (demo) {
            command.add("--demo");
        }
        Path output = dir.resolve("start-" + (++starts) + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DISPLAY", display);
        long drawnBefore = drawn();
        long t0 = System.nanoTime();
        Process child = builder.start();
        // Timed to the line that says the first screen is drawn, not to the exit: closing a city
        // database (PRAGMA optimize, the checkpoint) took two minutes of its own.
        double seconds = Double.NaN;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                if (drawn() > drawnBefore) {
                    seconds = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                if (!child.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                return Result.not("the window did not end within " + TIMEOUT_SECONDS + " s (" + output + ")");
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            return Result.not("interrupted");
        }
        List<String> steps = steps();
        log.accept("start steps: " + String.join("; ", steps));
        if (child.exitValue() != 0 || Double.isNaN(seconds)) {
            return Result.not("the window ended without drawing its first screen, exit " + child.exitValue() + " ("
                    + output + ")");
        }
        long first = millis(steps, "first screen drawn");
        long caseload = millis(steps, "caseload drawn");
        return new Result(
                true,
                seconds,
                null,
                first >= 0 && caseload >= 0 ? caseload - first : -1,
                mib(steps, "caseload drawn", "resident"),
                mib(steps, "start probe: settled", "resident"),
                mib(steps, "start probe: settled", "peak"));
    }

    /** The time since the process start ("+2575 ms") in the last step that contains what, or -1. */
    static long millis(List<String> steps, String what) {
        return lastNumber(steps, what, MILLIS);
    }

    /** The MiB after a word ("resident 346 MiB") in the last step that contains what, or -1. */
    static long mib(List<String> steps, String what, String word) {
        return lastNumber(steps, what, Pattern.compile(Pattern.quote(word) + " (\\d+) MiB"));
    }

    /** The number the pattern's first group finds in the last step that contains what, or -1. */
    private static long lastNumber(List<String> steps, String what, Pattern number) {
        long found = -1;
        for (String step : steps) {
            var m = number.matcher(step);
            if (step.contains(what) && m.find()) {
                found = Long.parseLong(m.group(1));
            }
        }
        return found;
    }

    /**
     * Where the last start spent its time, from the window's log: each step with its time since
     * the process began, the open's key derivation and the close.
     */
    private List<String> steps() throws IOException {
        List<String> lines = new ArrayList<>();
        Path home = dir.resolve("home");
        if (Files.isDirectory(home)) {
            try (var files = Files.walk(home)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log"))
                        .sorted()
                        .toList()) {
                    lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
        }
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("start: settings and texts read")) {
                from = i;
            }
        }
        List<String> steps = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            if (line.matches(
                    ".*(start: |first screen shown|first screen drawn|caseload drawn|start probe: settled|opened database|closing the database).*")) {
                // The log's format: date, time, level, source, then ": " and the message.
                int colon = line.indexOf(": ");
                steps.add(colon < 0 ? line : line.substring(colon + 2));
            }
        }
        return steps;
    }

    /**
     * A class-data archive of the classes a start on this database loads, as the installer makes
     * one (installer/README.md): a training start records them, then {@code -Xshare:dump} writes
     * the archive for the jar's class path.
     */
    Archive classArchive(Path db) throws IOException {
        Path list = dir.resolve("classes.lst");
        Path archive = dir.resolve("jobbtorg-coach.jsa");
        Result training = start(db, false, List.of("-XX:DumpLoadedClassList=" + list));
        if (!training.measured()) {
            return Archive.not("the training start: " + training.why());
        }
        Process dump = new ProcessBuilder(
                        java(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + list,
                        "-XX:SharedArchiveFile=" + archive,
                        "-cp",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("cds-dump.log").toFile())
                .start();
        try {
            if (!dump.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                dump.destroyForcibly();
                return Archive.not("the dump failed (" + dir.resolve("cds-dump.log") + ")");
            }
        } catch (InterruptedException e) {
            dump.destroyForcibly();
            Thread.currentThread().interrupt();
            return Archive.not("interrupted");
        }
        // -Xshare:on: a start that cannot map it fails, instead of quietly timing one without it.
        List<String> options = new ArrayList<>(INSTALLED_OPTIONS);
        options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
        return new Archive(List.copyOf(options), null);
    }

    /** The JVM options that start with a class-data archive, or why there is none. */
    record Archive(List<String> options, String why) {
        static Archive not(String why) {
            return new Archive(List.of(), why);
        }

        boolean made() {
            return why == null;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** How many times the window's log (under the child's home) says the first screen was drawn. */
    private long drawn() throws IOException {
        Path home = dir.resolve("home");
        if (!Files.isDirectory(home)) {
            return 0;
        }
        long count = 0;
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .toList()) {
                count += Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("start probe: first screen drawn"))
                        .count();
            }
        }
        return count;
    }

    private static Path jar() {
        try {
            Path location = Path.of(StartProbe.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The display to start on, or why there is none. */
    private String display() throws IOException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            display = existing;
            return null;
        }
        Path xvfbBinary = null;
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, "Xvfb"))) {
                xvfbBinary = Path.of(folder, "Xvfb");
                break;
            }
        }
        if (xvfbBinary == null) {
            return "no display (DISPLAY unset, no Xvfb)";
        }
        for (int n = 91; n < 99; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            xvfb = new ProcessBuilder(
                            xvfbBinary.toString(), ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("xvfb.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && xvfb.isAlive()) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    display = ":" + n;
                    log.accept("started Xvfb on " + display);
                    return null;
                }
                try {
                    // The bench waits for a server of its own to come up; no test waits like this.
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            xvfb.destroy();
            xvfb = null;
        }
        return "no display (Xvfb did not start)";
    }

    @Override
    public void close() throws IOException {
        if (xvfb != null) {
            xvfb.destroy();
        }
        Files.deleteIfExists(passphraseFile);
    }
}
