package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EmptyDatabases;
import se.jobbtorg.coach.store.generated.Tables;
import se.jobbtorg.coach.store.sync.SyncedRecords;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * Order-free merge: 2 to 4 laptops edit offline (the same field, different fields, delete
 * against edit, the same person registered on several), send packages that arrive in any order,
 * twice or never; then everybody exchanges everything. All databases must hold the same rows
 * and the same open conflicts, and no version may be lost unseen.
 */
class SyncPropertiesTest {

    enum Kind {
        PHONE,
        EMAIL,
        REGISTER,
        ENROL,
        DELETE,
        SEND,
        DELIVER
    }

    record Op(Kind kind, int device, int target, int value) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 4))
                .as(Op::new);
        return op.list().ofMinSize(5).ofMaxSize(40);
    }

    /*
     * 50 tries, not 100: each try opens 2 to 4 encrypted databases, and half of a try's time is
     * their key derivation (PBKDF2, 256,000 rounds, twice per open), which the product rightly
     * offers no way to lower. At 100 tries this one property was a quarter of the suite's test
     * time. jqwik draws a new seed every run, so the builds together still try far more cases,
     * and a failing sample is kept (target/jqwik-database) and tried first by the next run. The
     * laptops (2 to 4) and the operation lists are as they were.
     */
    @Property(tries = 50)
    void everyDatabaseConvergesAndNoEditIsLostUnseen(
            @ForAll @IntRange(min = 2, max = 4) int laptops, @ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("sync-property");
        List<Laptop> all = new ArrayList<>();
        try {
            for (int i = 0; i < laptops; i++) {
                all.add(new Laptop(dir, i));
            }
            // One team: every laptop admitted on every other, as their people would after comparing fingerprints.
            TestTeam.admitEachOther(all.stream().map(l -> l.sync.service()).toList());
            // A shared start: two people known everywhere.
            Laptop first = all.get(0);
            first.register(900);
            first.register(901);
            everyoneExchanges(all, dir);

            List<Parcel> posted = new ArrayList<>();
            Set<String> deleted = new HashSet<>();
            for (Op op : ops) {
                Laptop at = all.get(op.device() % laptops);
                switch (op.kind()) {
                    case PHONE -> at.edit(op.target(), "070-" + op.value() + at.index, null);
                    case EMAIL -> at.edit(op.target(), null, "p" + op.value() + "@" + at.index + ".example.org");
                    case REGISTER -> at.register(910 + op.value()); // a few numbers, so laptops share them
                    case ENROL -> at.enrol(op.target());
                    case DELETE -> at.delete(op.target()).ifPresent(deleted::add);
                    case SEND -> {
                        Laptop to = all.get((op.device() + 1 + op.target()) % laptops);
                        if (to != at) {
                            posted.add(new Parcel(at.exportFor(to, dir), to));
                        }
                    }
                    case DELIVER -> {
                        if (!posted.isEmpty()) {
                            Parcel p = posted.get((op.target() * 7 + op.value()) % posted.size());
                            p.to().importQuietly(p.file()); // may be a gap: refused, changes nothing
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                at.clock.advance(op.value() % 2);
            }
            everyoneExchanges(all, dir);

            String expected = first.sync.store().contentChecksum();
            List<String> conflicts = conflicts(first);
            for (Laptop l : all) {
                assertEquals(expected, l.sync.store().contentChecksum(), "laptop " + l.index + " converged");
                assertEquals(conflicts, conflicts(l), "laptop " + l.index + " shows the same conflicts");
                assertTrue(l.unseenVersions().isEmpty(), "versions lost unseen: " + l.unseenVersions());
                for (String id : deleted) {
                    assertFalse(l.sync.store().liveIds("participant").contains(id), "a delete stays a delete");
                }
                Set<String> numbers = new HashSet<>();
                for (String id : l.sync.store().liveIds("participant")) {
                    assertTrue(
                            numbers.add(l.caseload
                                    .participant(UUID.fromString(id))
                                    .orElseThrow()
                                    .personalNumber()
                                    .normalised()),
                            "one person, one record");
                }
            }
        } finally {
            all.forEach(l -> l.db.close());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> conflicts(Laptop l) {
        return l.sync.conflicts().stream()
                .map(c -> c.entity() + "/" + c.recordId() + "/" + c.field() + "="
                        + c.shown().value() + " vs "
                        + c.others().stream()
                                .map(v -> String.valueOf(v.value()))
                                .toList())
                .toList();
    }

    /** Snapshots, all to all, twice: afterwards each has what any had. */
    static void everyoneExchanges(List<Laptop> all, Path dir) throws IOException {
        for (int round = 0; round < 2; round++) {
            List<Parcel> snapshots = new ArrayList<>();
            for (Laptop from : all) {
                Path file = dir.resolve("snapshot-" + from.index + "-" + UUID.randomUUID() + ".caseload.zip");
                from.sync.exportSnapshot(file, p -> {});
                for (Laptop to : all) {
                    if (to != from) {
                        snapshots.add(new Parcel(file, to));
                    }
                }
            }
            for (Parcel p : snapshots) {
                p.to().sync.importPackage(p.file(), false, x -> {});
            }
        }
    }

    record Parcel(Path file, Laptop to) {}

    static final class Laptop {
        final int index;
        final Database db;
        final TestClock clock;
        final CaseloadService caseload;
        final SyncFacade sync;
        final Coach coach;

        Laptop(Path dir, int index) {
            this.index = index;
            // All laptops start in the same second and often stand still: stamps meet in one millisecond.
            this.clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
            // A copy of one migrated empty database: each still gets its own device id and keys at this open.
            this.db = EmptyDatabases.open(dir.resolve("laptop" + index + ".db"), clock);
            this.caseload = new CaseloadService(db, clock);
            this.sync = new SyncFacade(new SyncService(db, clock, () -> "coach " + index), new SyncedRecords(db));
            this.coach = new CoachService(db).setCurrentCoach("Coach " + index, "Jobbtorg Kista");
        }

        /** The live people, in id order: the same index means the same person on every laptop that has them. */
        private List<String> people() {
            return new ArrayList<>(new TreeSet<>(sync.store().liveIds("participant")));
        }

        void register(int serial) {
            String number = PersonalIdentityNumber.of(LocalDate.of(1990, 1, 1 + serial % 28), serial, false)
                    .display();
            try {
                caseload.register(new ParticipantDraft(number, "Person", "Nummer " + serial, null, null, null));
            } catch (ValidationException alreadyHere) {
                // this laptop has the number already: registration refuses, as it should
            }
        }

        void edit(int target, String phone, String email) {
            List<String> people = people();
            if (people.isEmpty()) {
                return;
            }
            Participant p = caseload.participant(UUID.fromString(people.get(target % people.size())))
                    .orElseThrow();
            caseload.update(
                    p.id(),
                    new ParticipantDraft(
                            p.personalNumber().display(),
                            p.firstName(),
                            p.lastName(),
                            phone != null ? phone : p.phone(),
                            email != null ? email : p.email(),
                            p.homeDistrict()));
        }

        void enrol(int target) {
            List<String> people = people();
            if (people.isEmpty()) {
                return;
            }
            try {
                caseload.enrol(new EnrolmentDraft(
                        UUID.fromString(people.get(target % people.size())),
                        coach.id(),
                        LocalDate.of(2026, 11, 20),
                        "Försörjningsstöd Spånga-Tensta",
                        null,
                        EnumSet.of(TargetGroup.UNEMPLOYED),
                        null,
                        false));
            } catch (ValidationException enrolledAlready) {
                // an open enrolment exists: refused
            }
        }

        Optional<String> delete(int target) {
            List<String> people = people();
            if (people.isEmpty()) {
                return Optional.empty();
            }
            String id = people.get(target % people.size());
            db.write(tx -> tx.tombstone(Tables.PARTICIPANT, id));
            return Optional.of(id);
        }

        Path exportFor(Laptop to, Path dir) throws IOException {
            Path file = dir.resolve("delta-" + index + "-" + to.index + "-" + UUID.randomUUID() + ".caseload.zip");
            sync.service().exportFor(to.sync.service().deviceId(), file, p -> {});
            return file;
        }

        void importQuietly(Path file) {
            try {
                sync.service().importPackage(file, false, p -> {});
            } catch (PackageRefusedException refused) {
                assertEquals("gap", refused.reason(), "the only refusal a good package may get");
            }
        }

        /** Versions of a field that are neither shown, nor in conflict, nor seen by a later change. */
        List<String> unseenVersions() {
            return db.read(dsl -> {
                var log = Tables.CHANGE_LOG;
                Map<String, Set<String>> touched = new HashMap<>();
                Map<String, Set<String>> seen = new HashMap<>();
                var mapper = new ObjectMapper();
                for (var r : dsl.selectFrom(log).fetch()) {
                    try {
                        for (var f : mapper.readTree(r.getFields())) {
                            if (!f.asText().equals("deleted")) {
                                touched.computeIfAbsent(
                                                r.getEntity() + "/" + r.getRecordId() + "/" + f.asText(),
                                                k -> new HashSet<>())
                                        .add(r.getNewStamp());
                            }
                        }
                        mapper.readTree(r.getFieldBases())
                                .properties()
                                .forEach(b -> b.getValue()
                                        .forEach(s -> seen.computeIfAbsent(
                                                        r.getEntity() + "/" + r.getRecordId() + "/" + b.getKey(),
                                                        k -> new HashSet<>())
                                                .add(s.asText())));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                List<String> lost = new ArrayList<>();
                for (var e : touched.entrySet()) {
                    String[] key = e.getKey().split("/");
                    Set<String> heads = new HashSet<>(dsl.select(Tables.FIELD_HEAD.STAMP)
                            .from(Tables.FIELD_HEAD)
                            .where(
                                    Tables.FIELD_HEAD.ENTITY.eq(key[0]),
                                    Tables.FIELD_HEAD.RECORD_ID.eq(key[1]),
                                    Tables.FIELD_HEAD.FIELD.eq(key[2]))
                            .fetch(Tables.FIELD_HEAD.STAMP));
                    if (heads.isEmpty()) {
                        heads.add(e.getValue().stream()
                                .max(Comparator.naturalOrder())
                                .orElseThrow());
                    }
                    for (String stamp : e.getValue()) {
                        if (!heads.contains(stamp)
                                && !seen.getOrDefault(e.getKey(), Set.of()).contains(stamp)) {
                            lost.add(e.getKey() + "@" + stamp);
                        }
                    }
                }
                return lost;
            });
        }
    }

    /** The service and the store of one laptop. */
    record SyncFacade(SyncService service, SyncedRecords store) {
        List<SyncService.Conflict> conflicts() {
            return service.conflicts();
        }

        void exportSnapshot(Path file, DoubleConsumer progress) throws IOException {
            service.exportSnapshot(file, progress);
        }

        SyncService.Imported importPackage(Path file, boolean dryRun, DoubleConsumer progress) {
            return service.importPackage(file, dryRun, progress);
        }
    }
}
