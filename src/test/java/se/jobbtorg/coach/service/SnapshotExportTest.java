package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.COACH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * A snapshot carries what a new laptop needs: each record's current values and the versions
 * still in conflict, not the old values of corrected personal data; yet a laptop that starts from
 * it merges every later package exactly as one that had the whole history would.
 */
class SnapshotExportTest extends SyncFixture {

    @Test
    void aSnapshotOfACorrectedNameDoesNotCarryTheOldNameAndADeltaStillDoes() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant p = a.register("Amina", "Exempelsson", number(123));
        a.clock.advance(60);
        a.caseload.update(
                p.id(), new ParticipantDraft(number(123), "Emina", "Exempelsdotter", "070-111 22 33", null, null));
        a.clock.advance(60);
        a.caseload.update(
                p.id(), new ParticipantDraft(number(123), "Emina", "Exempelsdotter", "070-444 55 66", null, null));

        String snapshot = text(b.plain(a.exportSnapshot()));
        for (String old : List.of("Amina", "Exempelsson", "070-111 22 33")) {
            assertFalse(snapshot.contains(old), "an old value travels in the snapshot: " + old);
        }
        for (String now : List.of("Emina", "Exempelsdotter", "070-444 55 66")) {
            assertTrue(snapshot.contains(now), "the current value travels: " + now);
        }
        Path delta = dir.resolve("delta.caseload.zip");
        SyncService.Exported everything = a.sync.exportSince(0, delta, x -> {});
        assertTrue(text(b.plain(delta)).contains("\"Amina\""), "a delta carries each change of its range whole");

        SyncService.Imported in = b.importFrom(a.exportSnapshot());
        assertEquals(everything.changes(), in.created() + in.updated(), "every change still travels, as a version");
        a.importFrom(b.exportFor(a)); // b's own coach: then both should hold the same
        assertEquals(a.checksum(), b.checksum());
        Participant there = b.caseload.participant(p.id()).orElseThrow();
        assertEquals("Emina", there.firstName());
        assertEquals("070-444 55 66", there.phone());
        String log = b.db.read(dsl -> String.join(
                "\n", dsl.select(CHANGE_LOG.FIELD_VALUES).from(CHANGE_LOG).fetch(CHANGE_LOG.FIELD_VALUES)));
        assertFalse(log.contains("Amina"), "nor does the new laptop's history hold it");
    }

    @Test
    void aNewLaptopStartingFromASnapshotHoldsWhatTheProducerHoldsAndLaterDeltasApply() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(1));
        Participant bo = a.register("Bo", "Ek", number(2));
        Enrolment enrolment = a.enrol(amina);
        exchange(a, b);

        // One field changed on both laptops (a conflict stays open), other fields on one,
        // a number corrected, a person registered on both (merged), an exit, a delete.
        a.clock.advance(60);
        a.edit(amina, "070-111 22 33", null);
        b.clock.advance(120);
        b.edit(amina, "073-999 88 77", null);
        a.caseload.update(bo.id(), new ParticipantDraft(number(3), "Bo", "Eklund", null, null, "Spånga-Tensta"));
        b.edit(bo, null, "bo@example.org");
        a.register("Cecilia", "Berg", number(4));
        b.register("Cecilia", "Berg", number(4));
        a.workflow.exit(
                new ExitDraft(enrolment.id(), LocalDate.of(2026, 11, 20), ExitReason.UNSUBSIDISED_WORK, "Heltid"));
        Participant dan = b.register("Dan", "Ström", number(5));
        exchange(a, b);
        b.db.write(tx -> tx.tombstone(Tables.PARTICIPANT, dan.id().toString()));
        exchange(a, b);
        assertEquals(a.checksum(), b.checksum());
        assertEquals(1, a.sync.conflicts().size(), "the phone number is in conflict");

        Device c = new Device("ny", 7);
        c.importFrom(a.exportSnapshot());
        a.importFrom(c.exportFor(a)); // c's own coach, and what c has of a's log
        b.importFrom(c.exportFor(b));
        assertEquals(a.checksum(), c.checksum(), "the same records, versions and heads");
        assertEquals(conflicts(a), conflicts(c), "the same open conflict");
        assertEquals("Eklund", c.caseload.participant(bo.id()).orElseThrow().lastName());
        assertEquals(
                1,
                c.store.liveIds("participant").stream()
                        .filter(id -> c.caseload
                                .participant(UUID.fromString(id))
                                .orElseThrow()
                                .lastName()
                                .equals("Berg"))
                        .count(),
                "one person, one record");

        // b's whole history comes too (a snapshot carries every change, so c knows each): nothing moves.
        Path all = dir.resolve("all-of-b.caseload.zip");
        b.sync.exportSince(0, all, x -> {});
        c.importFrom(all);
        assertEquals(a.checksum(), c.checksum());

        // Later work: a decision on the new laptop, edits on the others; deltas both ways.
        c.sync.resolve(c.sync.conflicts().get(0), "070-111 22 33");
        a.importFrom(c.exportFor(a));
        a.clock.advance(60);
        a.edit(a.caseload.participant(bo.id()).orElseThrow(), "08-123 45", null);
        Path delta = dir.resolve("later.caseload.zip");
        assertEquals(
                "delta", a.sync.exportFor(c.sync.deviceId(), delta, x -> {}).kind());
        c.importFrom(delta);
        b.importFrom(a.exportFor(b));
        assertEquals(a.checksum(), c.checksum());
        assertEquals(a.checksum(), b.checksum());
        assertTrue(c.sync.conflicts().isEmpty(), "the decision made from the snapshot travelled");
        assertEquals(
                "070-111 22 33",
                b.caseload.participant(amina.id()).orElseThrow().phone());

        // And a laptop that starts from the new laptop's snapshot (a slim history) is the same again.
        Device d = new Device("nästa", 9);
        d.importFrom(c.exportSnapshot());
        a.importFrom(d.exportFor(a));
        c.importFrom(d.exportFor(c));
        assertEquals(a.checksum(), d.checksum());
        assertEquals(a.checksum(), c.checksum());
    }

    @Test
    void aVersionHeldBeforeTheSnapshotStaysSupersededByTheVersionsThatFollowedIt() throws IOException {
        Device a = new Device("linnea", 0);
        Device c = new Device("ny", 5);
        Participant p = a.register("Amina", "Yusuf", number(123));
        a.clock.advance(60);
        a.caseload.update(p.id(), new ParticipantDraft(number(123), "Amira", "Yusuf", null, null, null));
        Path early = dir.resolve("early.caseload.zip");
        a.sync.exportSince(0, early, x -> {});
        a.clock.advance(60);
        a.caseload.update(p.id(), new ParticipantDraft(number(123), "Emina", "Yusuf", null, null, null));
        a.clock.advance(60);
        a.caseload.update(p.id(), new ParticipantDraft(number(123), "Elina", "Yusuf", null, null, null));

        // c has "Amira" from the earlier package; the snapshot carries "Emina" without its
        // value, so the newest version names every version it descends from as seen.
        c.importFrom(early);
        SyncService.Imported in = c.importFrom(a.exportSnapshot());
        assertEquals(0, in.conflicts());
        assertTrue(c.sync.conflicts().isEmpty());
        assertEquals("Elina", c.caseload.participant(p.id()).orElseThrow().firstName());
        a.importFrom(c.exportFor(a));
        assertEquals(a.checksum(), c.checksum());

        // An edit made there from what it shows is an ordinary edit everywhere.
        c.clock.advance(300);
        c.caseload.update(p.id(), new ParticipantDraft(number(123), "Elina", "Yusuf", "070-1", null, null));
        a.importFrom(c.exportSnapshot());
        assertTrue(a.sync.conflicts().isEmpty());
        assertEquals(a.checksum(), c.checksum());
    }

    @Test
    void aStoppedExportOfTheStoreLeavesNoFile() throws IOException {
        Device a = new Device("linnea", 0);
        new Device("karim", 3);
        a.db.write(tx -> {
            // More lines than the writer writes between two progress reports.
            for (int i = 0; i < 600; i++) {
                var coach = tx.dsl().newRecord(COACH);
                coach.setId(UUID.randomUUID().toString());
                coach.setName("Coach " + i);
                tx.save(coach);
            }
            return null;
        });
        Path target = dir.resolve("stopped.caseload.zip");

        assertThrows(
                CancellationException.class,
                () -> a.sync.exportSnapshot(target, done -> {
                    if (done < 1) {
                        throw new CancellationException();
                    }
                }));

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertFalse(names.contains("stopped.caseload.zip"), "no package");
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".writing-")), "no temporary file: " + names);
        }
        assertEquals(601, a.sync.exportSnapshot(target, x -> {}).changes(), "and the store is still readable");
    }

    /** Every entry of a plain package, as text. */
    private static String text(Path plain) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static List<String> conflicts(Device d) {
        List<String> shown = new ArrayList<>();
        for (SyncService.Conflict c : d.sync.conflicts()) {
            shown.add(c.entity() + "/" + c.recordId() + "/" + c.field() + " " + c.shown() + " " + c.others() + " "
                    + c.versions());
        }
        return shown;
    }
}
