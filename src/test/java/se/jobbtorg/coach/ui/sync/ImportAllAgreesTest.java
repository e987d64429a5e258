package se.jobbtorg.coach.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.cli.SyncCommands;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/**
 * A central server's script and a coach's window import the same folder the same way: packages
 * in a bad order (newest delta first) and one damaged give the same database and the same
 * result for each package, through the command line and through the sync screen's model. And
 * the import stops between packages when asked.
 */
class ImportAllAgreesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        // The models' properties are JavaFX's; no window is shown. Started the way TestFX starts it, so the window
        // tests that run after this one in the same JVM find it as they expect.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theCommandLineAndTheWindowImportAFolderAlike() throws Exception {
        TestClock clock = new TestClock(NOW);
        Path folder = Files.createDirectories(dir.resolve("stick"));
        Path receiver = dir.resolve("karim.db");
        List<Path> files = new ArrayList<>();
        try (Database linnea = TestTeam.open(dir.resolve("linnea.db"), clock);
                Database karim = TestTeam.open(receiver, clock)) {
            new CoachService(linnea).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new CoachService(karim).setCurrentCoach("Karim Haddad", "Jobbtorg Kista");
            SyncService from = new SyncService(linnea, clock, () -> "Linnea Ek");
            TestTeam.admitEachOther(from, new SyncService(karim, clock, () -> "Karim Haddad"));
            CaseloadService caseload = new CaseloadService(linnea, clock);
            register(caseload, 101);
            Path snapshot = folder.resolve("1-snapshot.caseload.zip");
            long to = from.exportSnapshot(snapshot, p -> {}).to();
            register(caseload, 102);
            Path second = folder.resolve("2-delta.caseload.zip");
            to = from.exportSince(to, second, p -> {}).to();
            register(caseload, 103);
            Path third = folder.resolve("3-delta.caseload.zip");
            from.exportSince(to, third, p -> {});
            Path damaged = folder.resolve("0-damaged.caseload.zip");
            damage(snapshot, damaged);
            // The order a stick may give them: the newest delta first, the snapshot last.
            files.addAll(List.of(third, second, damaged, snapshot));
        }
        for (int i = 0; i < files.size(); i++) {
            Files.setLastModifiedTime(files.get(i), FileTime.from(NOW.plusSeconds(i)));
        }
        Path byScript = dir.resolve("by-script.db");
        Path byWindow = dir.resolve("by-window.db");
        Files.copy(receiver, byScript);
        Files.copy(receiver, byWindow);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int code = new SyncCommands(byScript, clock, TestPassphrase.get()).importPackages(files, false, both, both);
            assertEquals(SyncCommands.FAILED, code, "one package is damaged");
        }
        List<String> script = out.toString(StandardCharsets.UTF_8).lines().toList();

        I18n en = new I18n(Locale.ENGLISH);
        List<SyncViewModel.Outcome> window;
        try (Database db = TestTeam.open(byWindow, clock)) {
            SyncViewModelTest.SameThread tasks = new SyncViewModelTest.SameThread();
            SyncViewModel model = new SyncViewModel(
                    new SyncService(db, clock, () -> "Karim Haddad"), tasks, en, tasks.failures::add, () -> {});
            model.folder.set(folder.toString());
            model.importFolder();
            assertEquals(List.of(), tasks.failures);
            window = List.copyOf(model.outcomes);
        }

        // Each package once, in the order they settled: the damaged one, then the three in turn.
        assertEquals(
                List.of(damaged(files), "1-snapshot.caseload.zip", "2-delta.caseload.zip", "3-delta.caseload.zip"),
                window.stream().map(SyncViewModel.Outcome::file).toList());
        assertEquals(window.size(), script.size(), String.join("\n", script));
        for (int i = 0; i < script.size(); i++) {
            Map<String, String> line = words(script.get(i));
            SyncViewModel.Outcome shown = window.get(i);
            assertEquals(Path.of(line.get("file")).getFileName().toString(), shown.file());
            if (line.get("").equals("imported")) {
                assertEquals(
                        en.get(
                                "sync.result",
                                Integer.valueOf(line.get("new")),
                                Integer.valueOf(line.get("updated")),
                                Integer.valueOf(line.get("unchanged")),
                                Integer.valueOf(line.get("conflicts")),
                                Integer.valueOf(line.get("merged"))),
                        shown.result(),
                        script.get(i));
            } else {
                assertEquals("refused", line.get(""), script.get(i));
                assertEquals(
                        en.get("sync.refused", en.get("sync.refused." + line.get("reason"), (Object[])
                                line.get("detail").split(","))),
                        shown.result(),
                        script.get(i));
            }
        }
        assertEquals(checksum(byScript, clock), checksum(byWindow, clock), "the same database either way");
    }

    @Test
    void aStopBetweenPackagesKeepsWhatCameInAndTriesNoMore() throws Exception {
        TestClock clock = new TestClock(NOW);
        Path folder = Files.createDirectories(dir.resolve("stick"));
        try (Database linnea = TestTeam.open(dir.resolve("linnea.db"), clock);
                Database karim = TestTeam.open(dir.resolve("karim.db"), clock)) {
            new CoachService(linnea).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            SyncService from = new SyncService(linnea, clock, () -> "Linnea Ek");
            SyncService to = new SyncService(karim, clock, () -> "Karim Haddad");
            TestTeam.admitEachOther(from, to);
            CaseloadService caseload = new CaseloadService(linnea, clock);
            register(caseload, 101);
            Path snapshot = folder.resolve("1-snapshot.caseload.zip");
            long seq = from.exportSnapshot(snapshot, p -> {}).to();
            register(caseload, 102);
            Path delta = folder.resolve("2-delta.caseload.zip");
            from.exportSince(seq, delta, p -> {});

            List<SyncService.PackageOutcome> settled = new ArrayList<>();
            List<SyncService.PackageOutcome> result =
                    to.importAll(List.of(snapshot, delta), false, new SyncService.ImportListener() {
                        @Override
                        public void settled(SyncService.PackageOutcome outcome) {
                            settled.add(outcome);
                        }

                        @Override
                        public boolean stopRequested() {
                            // The person pressed stop while the first package came in.
                            return !settled.isEmpty();
                        }
                    });

            assertEquals(
                    List.of(snapshot),
                    result.stream().map(SyncService.PackageOutcome::file).toList());
            assertEquals(settled, result);
            assertEquals(1, new SyncedRecords(karim).liveIds("participant").size(), "the first package is in");
            assertEquals(
                    1,
                    to.importAll(List.of(delta), false, new SyncService.ImportListener() {})
                            .get(0)
                            .imported()
                            .created(),
                    "the second was never tried: it still brings its new person");
        }
    }

    @Test
    void theSyncScreensStopEndsTheImportAfterThePackageUnderWay() throws Exception {
        TestClock clock = new TestClock(NOW);
        Path folder = Files.createDirectories(dir.resolve("stick"));
        try (Database linnea = TestTeam.open(dir.resolve("linnea.db"), clock);
                Database karim = TestTeam.open(dir.resolve("karim.db"), clock)) {
            new CoachService(linnea).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new CoachService(karim).setCurrentCoach("Karim Haddad", "Jobbtorg Kista");
            SyncService from = new SyncService(linnea, clock, () -> "Linnea Ek");
            SyncService to = new SyncService(karim, clock, () -> "Karim Haddad");
            TestTeam.admitEachOther(from, to);
            CaseloadService caseload = new CaseloadService(linnea, clock);
            register(caseload, 101);
            long seq = from.exportSnapshot(folder.resolve("1-snapshot.caseload.zip"), p -> {})
                    .to();
            register(caseload, 102);
            from.exportSince(seq, folder.resolve("2-delta.caseload.zip"), p -> {});

            I18n en = new I18n(Locale.ENGLISH);
            SyncViewModelTest.SameThread tasks = new SyncViewModelTest.SameThread();
            SyncViewModel model = new SyncViewModel(to, tasks, en, tasks.failures::add, () -> {});
            model.folder.set(folder.toString());
            // The person presses Stop as soon as the bar moves, while the first package comes in.
            model.progress.addListener((o, was, now) -> {
                if (now.doubleValue() > 0) {
                    model.cancel();
                }
            });
            model.importFolder();

            assertEquals(List.of(), tasks.failures);
            assertEquals(en.get("sync.cancelled"), model.status.get());
            assertFalse(model.working.get(), "the buttons are back");
            assertEquals(
                    1,
                    new SyncedRecords(karim).liveIds("participant").size(),
                    "the package under way came in whole; the next was not tried");
        }
    }

    private static String damaged(List<Path> files) {
        return files.get(2).getFileName().toString();
    }

    private static void register(CaseloadService caseload, int serial) {
        caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), serial, false)
                        .display(),
                "Test",
                "Person" + serial,
                null,
                null,
                null));
    }

    /** One bit of the (encrypted) people changed on the way. */
    private static void damage(Path good, Path bad) throws IOException {
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("participants.jsonl")) {
                    bytes[bytes.length - 1] ^= 1;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** A line of the command's output: the verb under "", then key=value words. */
    private static Map<String, String> words(String line) {
        Map<String, String> map = new LinkedHashMap<>();
        String[] words = line.split(" ");
        map.put("", words[0]);
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            map.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return map;
    }

    private static String checksum(Path db, TestClock clock) {
        try (Database d = TestTeam.open(db, clock)) {
            return new SyncedRecords(d).contentChecksum();
        }
    }
}
