package se.jobbtorg.coach.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/** Laptops for sync tests: each with its own database file and clock, exchanging real packages on disk. */
abstract class SyncFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Another system's unsigned exports come under this device id; team laptops admit it as unsigned. */
    static final String OTHER_SYSTEM = "aaaaaaaa-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    final List<Device> devices = new ArrayList<>();
    /**
     * Whether a new laptop joins the team: it and every laptop made before admit each other (as
     * their people would after comparing fingerprints), and it admits OTHER_SYSTEM as unsigned.
     * The admission tests set it false and admit by hand.
     */
    boolean joinTeam = true;

    /** One laptop: its database and the services on it. Each has its own clock, a little apart. */
    final class Device {
        final Database db;
        final CaseloadService caseload;
        final WorkflowService workflow;
        final SyncService sync;
        final SyncedRecords store;
        final Coach coach;
        final TestClock clock;

        Device(String name, int secondsAhead) {
            clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z").plusSeconds(secondsAhead));
            db = Database.open(dir.resolve(name + ".db"), clock, TestPassphrase.get());
            caseload = new CaseloadService(db, clock);
            workflow = new WorkflowService(db, clock);
            sync = new SyncService(db, clock, () -> name);
            store = new SyncedRecords(db);
            coach = new CoachService(db).setCurrentCoach(name, "Jobbtorg Kista");
            if (joinTeam) {
                for (Device other : devices) {
                    TestTeam.admitEachOther(other.sync, sync);
                }
                sync.team().admitUnsigned(OTHER_SYSTEM, "Extern");
            }
            devices.add(this);
        }

        /** A plain, unsigned copy of a package this laptop can open (see TestTeam.plainCopy). */
        Path plain(Path pkg) throws IOException {
            return TestTeam.plainCopy(pkg, db, dir.resolve("plain-" + pkg.getFileName()));
        }

        Path exportSnapshot() throws IOException {
            Path file = dir.resolve(sync.packageName("snap"));
            Files.deleteIfExists(file);
            sync.exportSnapshot(file, p -> {});
            return file;
        }

        Path exportFor(Device peer) throws IOException {
            Path file = dir.resolve("for-" + peer.sync.deviceId() + "-" + System.nanoTime() + ".caseload.zip");
            sync.exportFor(peer.sync.deviceId(), file, p -> {});
            return file;
        }

        SyncService.Imported importFrom(Path file) {
            return sync.importPackage(file, false, p -> {});
        }

        Participant register(String first, String last, String number) {
            return caseload.register(new ParticipantDraft(number, first, last, null, null, null));
        }

        Enrolment enrol(Participant p) {
            return enrol(p.id(), TODAY.minusDays(10));
        }

        Enrolment enrol(UUID participantId, LocalDate on) {
            return caseload.enrol(new EnrolmentDraft(
                    participantId,
                    coach.id(),
                    on,
                    "Försörjningsstöd Rinkeby-Kista",
                    "Omar Farah",
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    "somaliska",
                    false));
        }

        Participant edit(Participant p, String phone, String email) {
            return caseload.update(
                    p.id(),
                    new ParticipantDraft(
                            p.personalNumber().display(), p.firstName(), p.lastName(), phone, email, p.homeDistrict()));
        }

        String checksum() {
            return store.contentChecksum();
        }
    }

    @AfterEach
    void close() {
        devices.forEach(d -> d.db.close());
    }

    static String number(int serial) {
        return PersonalIdentityNumber.of(LocalDate.of(1985, 3, 12), serial, false)
                .display();
    }

    /** Both ways, with snapshots: afterwards both have seen everything. */
    static void exchange(Device a, Device b) throws IOException {
        b.importFrom(a.exportSnapshot());
        a.importFrom(b.exportSnapshot());
    }
}
