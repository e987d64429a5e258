package se.jobbtorg.coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.MEETING;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.SyncEntities;

/** The bench's synthetic city, small: the same seed gives the same city, and it is a city the program accepts. */
class SyntheticCityTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final int PEOPLE = 400;

    @TempDir
    Path dir;

    private Database city(String name, long seed) {
        Database db = Database.open(dir.resolve(name + ".db"), clock(0), TestPassphrase.get());
        new SyntheticCity(db, seed, TODAY).build(PEOPLE);
        return db;
    }

    private static TestClock clock(int secondsAhead) {
        return new TestClock(Instant.parse("2026-11-24T09:00:00Z").plusSeconds(secondsAhead));
    }

    @Test
    void theSameSeedGivesTheSameCityAndAnotherSeedAnother() throws Exception {
        try (Database a = city("a", 16);
                Database b = city("b", 16);
                Database c = city("c", 17)) {
            assertEquals(checksum(a), checksum(b));
            assertNotEquals(checksum(a), checksum(c));
            assertNotEquals(a.deviceId(), b.deviceId(), "two files, two devices: only the content repeats");
        }
    }

    @Test
    void itsPeopleHaveValidDistinctNumbersAndSwedishNames() {
        try (Database db = city("city", 1)) {
            List<Record> people = db.read(dsl -> dsl.selectFrom(PARTICIPANT).fetch().stream()
                    .map(r -> (Record) r)
                    .toList());
            assertEquals(PEOPLE, people.size());
            Set<String> numbers =
                    people.stream().map(r -> r.get(PARTICIPANT.PERSONAL_NUMBER)).collect(Collectors.toSet());
            assertEquals(PEOPLE, numbers.size(), "no number twice");
            int coordination = 0;
            for (String n : numbers) {
                var parsed = PersonalIdentityNumber.parse(n, TODAY);
                assertTrue(parsed.isValid(), n + ": " + parsed.defect());
                coordination += parsed.value().isCoordinationNumber() ? 1 : 0;
            }
            assertTrue(coordination > 0 && coordination < PEOPLE / 4, "some co-ordination numbers: " + coordination);
            String names = people.stream()
                    .map(r -> r.get(PARTICIPANT.FIRST_NAME) + " " + r.get(PARTICIPANT.LAST_NAME))
                    .collect(Collectors.joining(" "));
            for (String letter : List.of("å", "ä", "ö", "Å", "Ä", "Ö")) {
                assertTrue(names.contains(letter), "a name with " + letter);
            }
            // Found as a coach finds them: by a name beginning with Ö, by the last four digits.
            CaseloadService caseload = new CaseloadService(db, clock(0));
            assertFalse(caseload.caseload(null, "Ö").isEmpty());
            String number = numbers.iterator().next();
            assertTrue(caseload.caseload(null, number.substring(8)).stream()
                    .anyMatch(e -> e.participant().personalNumber().normalised().equals(number)));
        }
    }

    @Test
    void itsEnrolmentsPlansActivitiesAndMeetingsKeepTheDomainsRules() {
        try (Database db = city("city", 2)) {
            var enrolments = db.read(dsl -> dsl.selectFrom(ENROLMENT)
                    .orderBy(ENROLMENT.PARTICIPANT_ID, ENROLMENT.ENROLLED_ON)
                    .fetch());
            assertTrue(enrolments.size() > PEOPLE * 13 / 10, "people come back: " + enrolments.size());
            Map<String, List<Record>> byPerson = new HashMap<>();
            enrolments.forEach(e -> byPerson.computeIfAbsent(e.getParticipantId(), k -> new ArrayList<>())
                    .add(e));
            EnumSet<ExitReason> reasons = EnumSet.noneOf(ExitReason.class);
            for (var e : enrolments) {
                LocalDate on = LocalDate.parse(e.getEnrolledOn());
                assertFalse(on.isAfter(TODAY));
                if (e.getExitedOn() != null) {
                    LocalDate exit = LocalDate.parse(e.getExitedOn());
                    assertFalse(exit.isBefore(on) || exit.isAfter(TODAY), "exit within the enrolment and not ahead");
                    ExitReason reason = ExitReason.ofCode(e.getExitReason());
                    reasons.add(reason);
                    assertEquals(reason == ExitReason.UNKNOWN, e.getExitNote() != null, "an unknown exit has its note");
                } else {
                    assertTrue(e.getExitReason() == null && e.getExitCheck() == null);
                }
                if (e.getExitCheck() != null) {
                    LocalDate checked = LocalDate.parse(e.getExitCheckedOn());
                    assertFalse(
                            checked.isBefore(LocalDate.parse(e.getExitedOn()).plusMonths(1)) || checked.isAfter(TODAY));
                }
            }
            assertEquals(EnumSet.allOf(ExitReason.class), reasons, "every exit reason occurs");
            for (List<Record> own : byPerson.values()) {
                for (int i = 0; i < own.size() - 1; i++) {
                    String exit = own.get(i).get(ENROLMENT.EXITED_ON);
                    assertTrue(
                            exit != null && exit.compareTo(own.get(i + 1).get(ENROLMENT.ENROLLED_ON)) < 0,
                            "only the latest enrolment may be open, and a return begins after the exit");
                }
            }
            var plans = db.read(dsl -> dsl.selectFrom(ACTIVITY_PLAN)
                    .orderBy(ACTIVITY_PLAN.ENROLMENT_ID, ACTIVITY_PLAN.VERSION)
                    .fetch());
            Map<String, Integer> lastVersion = new HashMap<>();
            for (var p : plans) {
                assertEquals(
                        lastVersion.getOrDefault(p.getEnrolmentId(), 0) + 1,
                        p.getVersion(),
                        "versions count on from 1");
                lastVersion.put(p.getEnrolmentId(), p.getVersion());
                if (p.getApprovedOn() != null) {
                    assertTrue(p.getApprovedOn().compareTo(p.getDrawnUpOn()) >= 0, "approved after it was drawn up");
                }
            }
            assertTrue(lastVersion.values().stream().anyMatch(v -> v > 1), "some plans were reviewed");
            var exits = enrolments.stream()
                    .filter(e -> e.getExitedOn() != null)
                    .collect(Collectors.toMap(e -> e.getId(), e -> e.getExitedOn()));
            for (var a : db.read(dsl -> dsl.select(ACTIVITY.fields())
                    .select(ACTIVITY_PLAN.ENROLMENT_ID)
                    .from(ACTIVITY)
                    .join(ACTIVITY_PLAN)
                    .on(ACTIVITY_PLAN.ID.eq(ACTIVITY.PLAN_ID))
                    .fetch())) {
                assertTrue(a.get(ACTIVITY.END_ON).compareTo(a.get(ACTIVITY.START_ON)) >= 0, "bounded in time");
                String exit = exits.get(a.get(ACTIVITY_PLAN.ENROLMENT_ID));
                if (exit != null) {
                    String last = a.get(ACTIVITY.ENDED_ON) != null ? a.get(ACTIVITY.ENDED_ON) : a.get(ACTIVITY.END_ON);
                    assertTrue(last.compareTo(exit) <= 0, "nothing runs past the exit");
                }
            }
            for (var m : db.read(dsl -> dsl.selectFrom(MEETING).fetch())) {
                LocalDate day = LocalDateTime.parse(m.getMeetingAt()).toLocalDate();
                if ("planned".equals(m.getOutcome())) {
                    assertFalse(day.isBefore(TODAY), "planned meetings lie ahead");
                } else {
                    assertFalse(day.isAfter(TODAY), "what happened is not in the future");
                }
            }
            long activities = db.read(dsl -> dsl.fetchCount(ACTIVITY));
            long meetings = db.read(dsl -> dsl.fetchCount(MEETING));
            // The proportions: 1.5 enrolments, 6 activities and 9 meetings a person.
            assertTrue(activities > PEOPLE * 4 && activities < PEOPLE * 9, "activities " + activities);
            assertTrue(meetings > PEOPLE * 6 && meetings < PEOPLE * 13, "meetings " + meetings);
            // Every record has its change-log row, as a save writes it.
            long records = SyncEntities.all().stream()
                    .mapToLong(e -> db.read(dsl -> dsl.fetchCount(e.table())))
                    .sum();
            assertEquals(records, (long) db.read(dsl -> dsl.fetchCount(CHANGE_LOG)));
        }
    }

    @Test
    void itExportsAsASnapshotAndAnEmptyDatabaseImportsTheSameCity() throws Exception {
        try (Database source = city("city", 3);
                Database target = Database.open(dir.resolve("new.db"), clock(5), TestPassphrase.get())) {
            SyncService from = new SyncService(source, clock(0), () -> "Stadens kopia");
            SyncService to = new SyncService(target, clock(5), () -> "Ny dator");
            TestTeam.admitEachOther(from, to);
            Path pkg = dir.resolve("city.caseload.zip");
            var exported = from.exportSnapshot(pkg, x -> {});
            long records = SyntheticCityTest.count(source);
            assertEquals(records, exported.changes());
            var imported = to.importPackage(pkg, false, x -> {});
            assertEquals(records, imported.created());
            assertEquals(0, imported.conflicts());
            assertEquals(checksum(source), checksum(target));
            var again = to.importPackage(pkg, false, x -> {});
            assertEquals(0, again.created() + again.updated(), "a second import changes nothing");
        }
    }

    /** The case records: each database also has its own audit entries (admissions, the export, the import). */
    private static long count(Database db) {
        return SyncEntities.records().stream()
                .mapToLong(e -> db.read(dsl -> dsl.fetchCount(e.table())))
                .sum();
    }

    /**
     * SHA-256 over every case record by id (not the audit trail: each side has its own entries),
     * every column but the stamp and device of its last change (those come from the clock and the
     * file, not from the seed).
     */
    static String checksum(Database db) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (SyncEntities.Entity entity : SyncEntities.records()) {
            List<Field<?>> fields = Arrays.stream(entity.table().fields())
                    .filter(f -> !Set.of("version_stamp", "changed_by").contains(f.getName()))
                    .toList();
            for (Record r : db.read(dsl -> dsl.select(fields)
                    .from(entity.table())
                    .orderBy(DSL.field(DSL.name("id")))
                    .fetch())) {
                digest.update((entity.name() + r.intoList()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
