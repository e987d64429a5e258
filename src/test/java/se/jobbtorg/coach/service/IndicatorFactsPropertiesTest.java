package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EmptyDatabases;
import se.jobbtorg.coach.store.IndicatorFactsTest;
import se.jobbtorg.coach.store.sync.SyncedRecords;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * Whatever the coaches of two laptops do to enrolments and plans, and in whatever order their
 * packages arrive, the facts the indicators count from are on every laptop what its records say,
 * after every import: the merge writes enrolments and plans as it likes, the triggers follow.
 */
class IndicatorFactsPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final List<String> UNITS = List.of("Försörjningsstöd Rinkeby-Kista", "Försörjningsstöd Skärholmen");

    enum Kind {
        ENROL,
        EXIT,
        PLAN,
        SEND
    }

    record Op(Kind kind, int device, int person, int value) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 6))
                .as(Op::new)
                .list()
                .ofMinSize(4)
                .ofMaxSize(24);
    }

    @Property(tries = 15)
    void theFactsFollowEveryImport(@ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("indicator-facts");
        List<Laptop> all = new ArrayList<>();
        try {
            all.add(new Laptop(dir, 0));
            all.add(new Laptop(dir, 1));
            TestTeam.admitEachOther(all.get(0).sync, all.get(1).sync);
            for (int serial = 0; serial < 3; serial++) {
                all.get(0).register(serial);
            }
            exchange(all, dir);
            for (Op op : ops) {
                Laptop at = all.get(op.device());
                switch (op.kind()) {
                    case ENROL -> at.enrol(op.person(), op.value());
                    case EXIT -> at.exit(op.person(), op.value());
                    case PLAN -> at.plan(op.person(), op.value());
                    case SEND -> {
                        Laptop to = all.get(1 - op.device());
                        to.importQuietly(at.exportFor(to, dir));
                        assertEquals(List.of(), IndicatorFactsTest.factsAmiss(to.db), "after a delta");
                    }
                    default -> throw new IllegalStateException();
                }
                at.clock.advance(1);
            }
            exchange(all, dir);
            for (Laptop l : all) {
                assertEquals(List.of(), IndicatorFactsTest.factsAmiss(l.db), "laptop " + l.index);
            }
        } finally {
            all.forEach(l -> l.db.close());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void exchange(List<Laptop> all, Path dir) throws IOException {
        for (Laptop from : all) {
            Path file = dir.resolve("snapshot-" + from.index + "-" + UUID.randomUUID() + ".caseload.zip");
            from.sync.exportSnapshot(file, p -> {});
            for (Laptop to : all) {
                if (to != from) {
                    to.sync.importPackage(file, false, p -> {});
                }
            }
        }
    }

    static final class Laptop {
        final int index;
        final Database db;
        final TestClock clock;
        final CaseloadService caseload;
        final WorkflowService workflow;
        final SyncService sync;
        final SyncedRecords store;
        final Coach coach;

        Laptop(Path dir, int index) {
            this.index = index;
            this.clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z").plusSeconds(index));
            // A copy of one migrated empty database: each still gets its own device id and keys at this open.
            this.db = EmptyDatabases.open(dir.resolve("laptop" + index + ".db"), clock);
            this.caseload = new CaseloadService(db, clock);
            this.workflow = new WorkflowService(db, clock);
            this.sync = new SyncService(db, clock, () -> "coach " + index);
            this.store = new SyncedRecords(db);
            this.coach = new CoachService(db).setCurrentCoach("Coach " + index, "Jobbtorg Kista");
        }

        void register(int serial) {
            caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1990, 1, 1 + serial), serial, false)
                            .display(),
                    "Person",
                    "Nummer " + serial,
                    null,
                    null,
                    null));
        }

        private Optional<UUID> person(int person) {
            List<String> ids = store.liveIds("participant").stream().sorted().toList();
            return ids.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(ids.get(person % ids.size())));
        }

        private Optional<Enrolment> open(int person) {
            return person(person)
                    .flatMap(id -> caseload.enrolments(id).stream()
                            .filter(e -> e.exitedOn() == null)
                            .findFirst());
        }

        /** An enrolment some weeks back, in one of two units; refused while one is open. */
        void enrol(int person, int value) {
            person(person).ifPresent(id -> {
                try {
                    caseload.enrol(new EnrolmentDraft(
                            id,
                            coach.id(),
                            TODAY.minusWeeks(10 - value),
                            UNITS.get(value % 2),
                            null,
                            EnumSet.of(TargetGroup.UNEMPLOYED),
                            null,
                            false));
                } catch (ValidationException refused) {
                    // an open enrolment, or one later than this date: as a coach would be told
                }
            });
        }

        void exit(int person, int value) {
            open(person).ifPresent(e -> {
                try {
                    workflow.exit(new ExitDraft(
                            e.id(),
                            min(e.enrolledOn().plusDays(value * 3L)),
                            ExitReason.values()[value % ExitReason.values().length],
                            "Försökt nå personen"));
                } catch (ValidationException refused) {
                    // e.g. an exit date before an approval: refused
                }
            });
        }

        void plan(int person, int value) {
            open(person).ifPresent(e -> {
                try {
                    ActivityPlan draft = workflow.draft(e.id(), value % 2 == 1);
                    workflow.describe(draft.id(), PlanGoal.WORK, null);
                    LocalDate on = min(e.enrolledOn().plusDays(value));
                    workflow.addActivity(
                            draft.id(),
                            new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg", null, on, on.plusMonths(2)));
                    workflow.approve(draft.id(), "Omar Farah", on);
                } catch (ValidationException refused) {
                    // a draft already open on another laptop's version, a date refused: as a coach would be told
                }
            });
        }

        private static LocalDate min(LocalDate d) {
            return d.isAfter(TODAY) ? TODAY : d;
        }

        Path exportFor(Laptop to, Path dir) throws IOException {
            Path file = dir.resolve("delta-" + index + "-" + UUID.randomUUID() + ".caseload.zip");
            sync.exportFor(to.sync.deviceId(), file, p -> {});
            return file;
        }

        void importQuietly(Path file) {
            try {
                sync.importPackage(file, false, p -> {});
            } catch (PackageRefusedException refused) {
                assertEquals("gap", refused.reason(), "the only refusal a good package may get");
            }
        }
    }
}
