package se.jobbtorg.coach.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/** The team's computers as the sync screen's model gives them, without a window. */
class SyncViewModelTest {
    @TempDir
    Path dir;

    /** Runs work and callbacks at once, on the calling thread. */
    static final class SameThread extends SameThreadTaskRunner {
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                failures.add(e);
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }

    @Test
    void theTeamPassphraseIsTypedTwiceAndLongEnoughAndAStrangerCanBeAdmittedAndWithdrawn() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
        I18n en = new I18n(Locale.ENGLISH);
        try (Database mine = TestTeam.open(dir.resolve("mine.db"), clock);
                Database theirs = TestTeam.open(dir.resolve("theirs.db"), clock)) {
            new CoachService(mine).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            new CoachService(theirs).setCurrentCoach("Sofia Lind", "Jobbtorg Kista");
            SyncService sync = new SyncService(mine, clock, () -> "Linnea Ek");
            SyncService other = new SyncService(theirs, clock, () -> "Sofia Lind");
            SameThread tasks = new SameThread();
            SyncViewModel model = new SyncViewModel(sync, tasks, en, tasks.failures::add, () -> {});

            assertEquals(
                    "sync.passphrase.problem.differ",
                    model.setTeamPassphrase("one long passphrase", "one long passfrase"));
            assertEquals("sync.passphrase.problem.short", model.setTeamPassphrase("short", "short"));
            assertFalse(sync.team().hasTeamPassphrase());
            assertNull(model.setTeamPassphrase("Kista-teamets lösenfras", "Kista-teamets lösenfras"));
            assertTrue(sync.team().hasTeamPassphrase());

            // A package from a laptop nobody admitted: refused, and then listed with its fingerprint.
            other.team().setTeamPassphrase("Kista-teamets lösenfras");
            Path pkg = dir.resolve("sofia.caseload.zip");
            other.exportSnapshot(pkg, p -> {});
            assertEquals(
                    "not_admitted",
                    Assertions.assertThrows(
                                    PackageRefusedException.class, () -> sync.importPackage(pkg, false, p -> {}))
                            .reason());
            model.refresh();
            String fingerprint = PackageSigner.fingerprint(other.team().ownPublicKeys()[0]);
            SyncViewModel.DeviceRow stranger = model.devices.stream()
                    .filter(r -> r.label().equals("Sofia Lind"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(fingerprint, stranger.fingerprint());
            assertEquals(en.get("sync.device.standing.not_admitted"), stranger.standing());
            assertTrue(stranger.canAdmit());
            assertFalse(stranger.canWithdraw());
            assertEquals(
                    en.get("sync.device.standing.this_device"),
                    model.devices.get(0).standing());

            model.admit(stranger);
            SyncViewModel.DeviceRow admitted = model.devices.stream()
                    .filter(r -> r.label().equals("Sofia Lind"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(en.get("sync.device.standing.admitted"), admitted.standing());
            assertEquals("Linnea Ek", admitted.admittedBy());
            model.withdraw(admitted);
            assertEquals(
                    en.get("sync.device.standing.withdrawn"),
                    model.devices.stream()
                            .filter(r -> r.label().equals("Sofia Lind"))
                            .findFirst()
                            .orElseThrow()
                            .standing());
            assertEquals(List.of(), tasks.failures);
        }
    }
}
