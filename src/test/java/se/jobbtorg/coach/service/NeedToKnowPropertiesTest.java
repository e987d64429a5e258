package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.MEETING;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.service.TeamLaptops.Laptop;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * Need to know under any order: a team lead and 1 to 3 coaches (2 to 4 laptops) register, enrol,
 * reassign, record meetings and correct phone numbers offline, and send each other packages made
 * for one reader that arrive late, twice or never. Then each coach exchanges with the lead a few
 * times. Every laptop must hold exactly what its user may see (a coach: the enrolments assigned
 * to them and their people; the lead: everything), agree with the lead on every record it
 * holds, and no meeting recorded anywhere may be lost.
 */
class NeedToKnowPropertiesTest {
    enum Kind {
        REGISTER,
        MEETING,
        PHONE,
        REASSIGN,
        SEND,
        DELIVER
    }

    record Op(Kind kind, int laptop, int target, int value) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        // Sending and delivering often: the interesting cases are packages crossing edits.
                        Arbitraries.frequency(
                                Tuple.of(2, Kind.REGISTER),
                                Tuple.of(3, Kind.MEETING),
                                Tuple.of(1, Kind.PHONE),
                                Tuple.of(2, Kind.REASSIGN),
                                Tuple.of(4, Kind.SEND),
                                Tuple.of(4, Kind.DELIVER)),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 3))
                .as(Op::new);
        return op.list().ofMinSize(10).ofMaxSize(40);
    }

    /** A package on its way: made for one laptop, imported when (and if) it is delivered. */
    record Parcel(Laptop to, Path file) {}

    /* 25 tries: each opens 2 to 4 databases and exchanges a few dozen real packages. jqwik draws a new seed every run. */
    @Property(tries = 25)
    void everyLaptopHoldsWhatItsUserMaySeeAndNoMeetingIsLost(
            @ForAll @IntRange(min = 2, max = 4) int laptops, @ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("need-to-know");
        try (TeamLaptops team = new TeamLaptops(dir)) {
            Instant start = Instant.parse("2026-11-24T08:00:00Z");
            Laptop lead = team.add("Teamledare", Role.TEAM_LEAD, start);
            for (int i = 1; i < laptops; i++) {
                team.add("Coach " + i, Role.COACH, start.plusSeconds(i));
            }
            List<Laptop> coaches = team.all.subList(1, laptops);
            // The coaches' records, so the lead can assign to them.
            for (Laptop c : coaches) {
                lead.importFrom(c.packageFor(lead));
            }
            List<Enrolment> enrolments = new ArrayList<>();
            Set<String> meetings = new HashSet<>();
            List<Parcel> posted = new ArrayList<>();
            int serial = 100;
            for (Op op : ops) {
                Laptop at = team.all.get(op.laptop() % laptops);
                team.advanceAll(Duration.ofMinutes(7));
                switch (op.kind()) {
                    case REGISTER -> {
                        // A coach registers and enrols with themself; the lead, with any coach.
                        Participant p = at.register("Aspirant", "Nummer " + serial, serial++);
                        Laptop coach = at == lead ? coaches.get(op.value() % coaches.size()) : at;
                        enrolments.add(at.enrol(p, coach.me));
                    }
                    case MEETING ->
                        held(at, enrolments, op.target()).ifPresent(e -> {
                            // A coach's meeting on an enrolment the lead has given to another coach
                            // meanwhile: the case where letting go too early would lose an edit.
                            Statistics.label("meeting")
                                    .collect(
                                            at != lead && !assignedTo(lead, e, at)
                                                    ? "offline, reassigned"
                                                    : "ordinary");
                            meetings.add(at.workflow
                                    .recordMeeting(new MeetingDraft(
                                            e.id(),
                                            null,
                                            at.workflow.today().atTime(9, 0),
                                            MeetingKind.PHONE,
                                            null,
                                            MeetingOutcome.ATTENDED,
                                            null,
                                            false,
                                            "Samtal " + op.value(),
                                            null,
                                            null,
                                            null))
                                    .id()
                                    .toString());
                        });
                    case PHONE ->
                        held(at, enrolments, op.target()).ifPresent(e -> {
                            Participant p =
                                    at.caseload.participant(e.participantId()).orElseThrow();
                            at.caseload.update(
                                    p.id(),
                                    new ParticipantDraft(
                                            p.personalNumber().display(),
                                            p.firstName(),
                                            p.lastName(),
                                            "070-" + op.value() + at.me.name().length(),
                                            p.email(),
                                            p.homeDistrict()));
                        });
                    case REASSIGN ->
                        held(lead, enrolments, op.target())
                                .ifPresent(e -> lead.caseload.reassign(
                                        e.id(),
                                        coaches.get(op.value() % coaches.size())
                                                .me
                                                .id()));
                    case SEND -> {
                        // Between a coach and the lead, either way; most arrive at once, the
                        // rest wait in the mail for a DELIVER (late, twice, or never).
                        Laptop coach = coaches.get(op.value() % coaches.size());
                        Parcel parcel = at == lead || op.target() % 2 == 0
                                ? new Parcel(coach, lead.packageFor(coach))
                                : new Parcel(lead, at.packageFor(lead));
                        posted.add(parcel);
                        if (op.target() < 7) {
                            importQuietly(parcel);
                        }
                    }
                    case DELIVER -> {
                        if (!posted.isEmpty()) {
                            Parcel p = posted.get(op.target() % posted.size());
                            importQuietly(p); // perhaps again, perhaps out of order
                        }
                    }
                }
            }
            // Then each coach exchanges with the lead a few times; what was posted and not
            // delivered is lost in the mail.
            for (int round = 0; round < 3; round++) {
                for (Laptop c : coaches) {
                    lead.importFrom(c.packageFor(lead));
                    c.importFrom(lead.packageFor(c));
                }
            }

            assertTrue(lead.ids("meeting").containsAll(meetings), "no meeting is lost");
            Map<String, String> assigned = lead.db.read(dsl -> dsl.select(ENROLMENT.ID, ENROLMENT.COACH_ID)
                    .from(ENROLMENT)
                    .fetchMap(ENROLMENT.ID, ENROLMENT.COACH_ID));
            for (Laptop c : coaches) {
                Set<String> his = assigned.entrySet().stream()
                        .filter(a -> a.getValue().equals(c.me.id().toString()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                assertEquals(his, c.ids("enrolment"), c.me.name() + " holds his enrolments and no others");
                assertEquals(rows(lead, his), rows(c, his), c.me.name() + " agrees with the lead on all he holds");
            }
        }
    }

    /** Whether the lead has the enrolment assigned to the laptop's user. */
    private static boolean assignedTo(Laptop lead, Enrolment e, Laptop coach) {
        return coach.me
                .id()
                .toString()
                .equals(lead.db.read(dsl -> dsl.select(ENROLMENT.COACH_ID)
                        .from(ENROLMENT)
                        .where(ENROLMENT.ID.eq(e.id().toString()))
                        .fetchOne(ENROLMENT.COACH_ID)));
    }

    /** An enrolment of the list that the laptop holds, if any. */
    private static Optional<Enrolment> held(Laptop at, List<Enrolment> enrolments, int target) {
        if (enrolments.isEmpty()) {
            return Optional.empty();
        }
        Enrolment e = enrolments.get(target % enrolments.size());
        return at.ids("enrolment").contains(e.id().toString()) ? Optional.of(e) : Optional.empty();
    }

    private static void importQuietly(Parcel p) {
        try {
            p.to().importFrom(p.file());
        } catch (PackageRefusedException refused) {
            assertEquals("gap", refused.reason(), "the only refusal a good package may get");
        }
    }

    /** The people, enrolments and meetings under these enrolments, as rows: what two laptops must agree on. */
    private static Map<String, String> rows(Laptop at, Set<String> enrolments) {
        return at.db.read(dsl -> {
            Map<String, String> rows = new TreeMap<>();
            dsl.selectFrom(ENROLMENT)
                    .where(ENROLMENT.ID.in(enrolments))
                    .forEach(r -> rows.put(r.getId(), r.formatCSV(false)));
            dsl.selectFrom(PARTICIPANT)
                    .where(PARTICIPANT.ID.in(
                            dsl.select(ENROLMENT.PARTICIPANT_ID).from(ENROLMENT).where(ENROLMENT.ID.in(enrolments))))
                    .forEach(r -> rows.put(r.getId(), r.formatCSV(false)));
            dsl.selectFrom(MEETING)
                    .where(MEETING.ENROLMENT_ID.in(enrolments))
                    .forEach(r -> rows.put(r.getId(), r.formatCSV(false)));
            return rows;
        });
    }
}
