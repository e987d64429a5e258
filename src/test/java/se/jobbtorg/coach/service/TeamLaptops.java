package se.jobbtorg.coach.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EmptyDatabases;
import se.jobbtorg.coach.store.sync.SyncedRecords;
import se.jobbtorg.coach.sync.PackageReader;

/**
 * A team's laptops for sync tests, each with its user's role set as at a first start: a team
 * lead's and coaches', admitted to each other, exchanging real packages in a folder.
 */
final class TeamLaptops implements AutoCloseable {
    private final Path dir;
    final List<Laptop> all = new ArrayList<>();

    TeamLaptops(Path dir) {
        this.dir = dir;
    }

    Laptop add(String name, Role role, Instant start) {
        Laptop l = new Laptop(name, role, start);
        for (Laptop other : all) {
            TestTeam.admitEachOther(other.sync, l.sync);
        }
        all.add(l);
        return l;
    }

    void advanceAll(Duration by) {
        all.forEach(l -> l.clock.advance(by));
    }

    @Override
    public void close() {
        all.forEach(l -> l.db.close());
    }

    /** Both ways: a package from a to b, then one from b to a. */
    static void exchange(Laptop a, Laptop b) throws IOException {
        b.importFrom(a.packageFor(b));
        a.importFrom(b.packageFor(a));
    }

    final class Laptop {
        final TestClock clock;
        final Database db;
        final Coach me;
        final Role role;
        final CaseloadService caseload;
        final WorkflowService workflow;
        final SyncService sync;

        private Laptop(String name, Role role, Instant start) {
            this.role = role;
            clock = new TestClock(start);
            // A copy of one migrated empty database: each still gets its own device id and keys.
            db = EmptyDatabases.open(dir.resolve(name + ".db"), clock);
            me = new CoachService(db).begin(name, "Jobbtorg Kista", role);
            caseload = new CaseloadService(db, clock);
            workflow = new WorkflowService(db, clock);
            sync = new SyncService(db, clock, () -> name);
        }

        /** A package made for the peer (what it may see, after what it has acknowledged). */
        Path packageFor(Laptop peer) throws IOException {
            Path file = dir.resolve(sync.packageName(peer.me.name() + "-" + System.nanoTime()));
            Files.deleteIfExists(file);
            sync.exportFor(peer.sync.deviceId(), file, p -> {});
            return file;
        }

        /** A package for the team leads: a full copy from a lead, or a coach's to the lead. */
        Path packageForLeads() throws IOException {
            Path file = dir.resolve(sync.packageName("leads-" + System.nanoTime()));
            Files.deleteIfExists(file);
            sync.exportFor(null, file, p -> {});
            return file;
        }

        SyncService.Imported importFrom(Path pkg) {
            return sync.importPackage(pkg, false, p -> {});
        }

        /** The package's changes as this laptop reads them (it must be one of its readers). */
        PackageReader.Verified open(Path pkg) {
            return new PackageReader().read(pkg, sync.team().keyring());
        }

        Participant register(String first, String last, int serial) {
            return caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1984, 5, 17), serial, false)
                            .display(),
                    first,
                    last,
                    null,
                    null,
                    null));
        }

        Enrolment enrol(Participant p, Coach coach) {
            return caseload.enrol(new EnrolmentDraft(
                    p.id(),
                    coach.id(),
                    caseload.today().minusDays(3),
                    "Försörjningsstöd Rinkeby-Kista",
                    "Omar Farah",
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false));
        }

        /** The ids of the live records of an entity held here. */
        Set<String> ids(String entity) {
            return Set.copyOf(new SyncedRecords(db).liveIds(entity));
        }
    }
}
