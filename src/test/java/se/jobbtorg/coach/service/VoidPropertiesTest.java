package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.SyncPropertiesTest.Laptop;
import se.jobbtorg.coach.service.SyncPropertiesTest.Parcel;

/**
 * Voids merge order-free: laptops void meetings of one enrolment (the same meeting on several,
 * some twice over), packages arrive in any order, twice or never; after everybody exchanges
 * everything, every laptop holds the same rows and the same meetings void, namely every one any
 * laptop voided.
 */
class VoidPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    enum Kind {
        VOID,
        SEND,
        DELIVER
    }

    record Op(Kind kind, int device, int target) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 9))
                .as(Op::new);
        return op.list().ofMinSize(3).ofMaxSize(20);
    }

    @Property(tries = 10)
    void everyLaptopEndsWithEveryVoidAnyLaptopMade(
            @ForAll @IntRange(min = 2, max = 3) int laptops, @ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("void-property");
        List<Laptop> all = new ArrayList<>();
        try {
            for (int i = 0; i < laptops; i++) {
                all.add(new Laptop(dir, i));
            }
            TestTeam.admitEachOther(all.stream().map(l -> l.sync.service()).toList());
            Laptop first = all.get(0);
            first.register(900);
            String person = first.sync.store().liveIds("participant").iterator().next();
            Enrolment enrolment = first.caseload.enrol(new EnrolmentDraft(
                    UUID.fromString(person),
                    first.coach.id(),
                    TODAY.minusDays(10),
                    "Försörjningsstöd Spånga-Tensta",
                    null,
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    null,
                    false));
            WorkflowService there = new WorkflowService(first.db, first.clock);
            List<UUID> meetings = new ArrayList<>();
            for (int day = 1; day <= 4; day++) {
                meetings.add(there.recordMeeting(planned(enrolment, day)).id());
            }
            SyncPropertiesTest.everyoneExchanges(all, dir);

            List<Parcel> posted = new ArrayList<>();
            Set<UUID> voided = new HashSet<>();
            for (Op op : ops) {
                Laptop at = all.get(op.device() % laptops);
                switch (op.kind()) {
                    case VOID -> {
                        UUID meeting = meetings.get(op.target() % meetings.size());
                        try {
                            new WorkflowService(at.db, at.clock)
                                    .voidMeeting(meeting, "Fel av " + at.index, at.coach.id());
                            voided.add(meeting);
                        } catch (ValidationException alreadyVoidHere) {
                            // this laptop has a void of it already: a second is refused
                        }
                    }
                    case SEND -> {
                        Laptop to = all.get((op.device() + 1 + op.target()) % laptops);
                        if (to != at) {
                            posted.add(new Parcel(at.exportFor(to, dir), to));
                        }
                    }
                    case DELIVER -> {
                        if (!posted.isEmpty()) {
                            Parcel p = posted.get(op.target() % posted.size());
                            p.to().importQuietly(p.file());
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                at.clock.advance(op.target() % 2);
            }
            SyncPropertiesTest.everyoneExchanges(all, dir);

            String expected = first.sync.store().contentChecksum();
            for (Laptop l : all) {
                assertEquals(expected, l.sync.store().contentChecksum(), "laptop " + l.index + " converged");
                var work = new WorkflowService(l.db, l.clock).work(enrolment.id());
                assertEquals(
                        new TreeSet<>(voided),
                        work.meetingHistory().stream()
                                .map(Meeting::id)
                                .filter(id -> work.voidOf(id).isPresent())
                                .collect(Collectors.toCollection(TreeSet::new)),
                        "laptop " + l.index + " has every void");
                assertEquals(
                        meetings.stream().filter(id -> !voided.contains(id)).toList(),
                        work.meetings().stream().map(Meeting::id).toList(),
                        "only meetings nobody voided count");
            }
        } finally {
            all.forEach(l -> l.db.close());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static MeetingDraft planned(Enrolment enrolment, int inDays) {
        return new MeetingDraft(
                enrolment.id(),
                null,
                LocalDateTime.of(TODAY.plusDays(inDays), LocalTime.of(10, 0)),
                MeetingKind.DESK,
                null,
                MeetingOutcome.PLANNED,
                null,
                false,
                null,
                null,
                null,
                null);
    }
}
