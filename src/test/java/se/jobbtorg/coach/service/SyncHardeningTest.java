package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.RawConnections;
import se.jobbtorg.coach.store.sync.Change;
import se.jobbtorg.coach.store.sync.OutgoingChanges;
import se.jobbtorg.coach.sync.PackageReader;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.sync.PackageWriter;

/**
 * Packages made by hand, and histories no ordinary day produces: an upgraded database, a forged
 * merge, a clock a day or centuries ahead, a number corrected after a duplicate, a decision taken
 * on a list read before the last import, a restart after an import. Found in review; each holds
 * a promise of src/docs/caseload-package.md.
 */
class SyncHardeningTest extends SyncFixture {
    static final String X = OTHER_SYSTEM;

    static String st(long ms, int c, String dev) {
        return String.format("%013d-%04d-%s", ms, c, dev);
    }

    Path craft(String name, List<Change> changes, long from, long to, String kind) throws Exception {
        Path f = dir.resolve(name + ".caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(from, to, changes, Map.of()),
                kind,
                X,
                "Extern",
                Instant.parse("2026-11-24T10:00:00Z"),
                f,
                p -> {});
        return f;
    }

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) r.put((String) kv[i], kv[i + 1]);
        return r;
    }

    @Test
    void aDatabaseFromBeforeSyncExportsWhatAPeerCanImport() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        Participant p = a.register("Amina", "Exempelsson", number(1));
        a.edit(p, "070-1", null);
        Path file = dir.resolve("a.db");
        a.db.close();
        devices.remove(a);
        try (Connection c = RawConnections.open(file)) {
            c.createStatement().executeUpdate("update change_log set field_values = null, field_bases = null");
        }
        Database reopened = Database.open(file, a.clock, TestPassphrase.get());
        try {
            Path pkg = dir.resolve("old.caseload.zip");
            new SyncService(reopened, a.clock, () -> "a").exportSnapshot(pkg, x -> {});
            b.importFrom(pkg);
            assertEquals("070-1", b.caseload.participant(p.id()).orElseThrow().phone(), "the record as it stood");
        } finally {
            reopened.close();
        }
    }

    @Test
    void aForgedMergeIsRefusedNotFollowedForever() throws Exception {
        Device a = new Device("a", 0);
        String coach = "cccccccc-0000-4000-8000-000000000001";
        String pid = "bbbbbbbb-0000-4000-8000-000000000001";
        String eid = "eeeeeeee-0000-4000-8000-000000000001";
        long t = Instant.parse("2026-11-24T08:00:00Z").toEpochMilli();
        String num =
                PersonalIdentityNumber.of(LocalDate.of(1990, 1, 1), 11, false).normalised();
        List<Change> cs = List.of(
                new Change("coach", coach, st(t, 0, X), null, X, false, m("name", "K"), Map.of()),
                new Change(
                        "participant",
                        pid,
                        st(t, 1, X),
                        null,
                        X,
                        false,
                        m("personal_number", num, "first_name", "A", "last_name", "B"),
                        Map.of()),
                new Change("participant", pid, st(t, 2, X), st(t, 1, X), X, false, m("merged_into", pid), Map.of()),
                new Change(
                        "enrolment",
                        eid,
                        st(t, 3, X),
                        null,
                        X,
                        false,
                        m(
                                "participant_id",
                                pid,
                                "coach_id",
                                coach,
                                "enrolled_on",
                                "2026-11-01",
                                "referring_unit",
                                "R",
                                "target_groups",
                                "unemployed",
                                "interpreter_needed",
                                0L),
                        Map.of()));
        Path pkg = craft("selfmerge", cs, 0, 4, "snapshot");
        String before = a.checksum();
        PackageRefusedException refused =
                assertThrows(PackageRefusedException.class, () -> a.sync.importPackage(pkg, false, x -> {}));
        assertEquals("invalid_value", refused.reason(), "only the merge rule merges, and never into oneself");
        assertEquals(before, a.checksum());
    }

    @Test
    void stampsFromFarAheadAreRefusedAndADryRunLeavesTheClockWhereItWas() throws Exception {
        Device a = new Device("a", 0);
        Path centuries = craft(
                "future",
                List.of(new Change(
                        "coach",
                        "cccccccc-0000-4000-8000-000000000002",
                        st(9_999_999_999_999L, 9999, X),
                        null,
                        X,
                        false,
                        m("name", "Framtid"),
                        Map.of())),
                0,
                1,
                "snapshot");
        assertEquals(
                "future_stamp",
                assertThrows(PackageRefusedException.class, () -> a.sync.importPackage(centuries, true, x -> {}))
                        .reason());

        long inAnHour = a.clock.millis() + 3_600_000;
        Path soon = craft(
                "soon",
                List.of(new Change(
                        "coach",
                        "cccccccc-0000-4000-8000-000000000004",
                        st(inAnHour, 0, X),
                        null,
                        X,
                        false,
                        m("name", "Snart"),
                        Map.of())),
                0,
                1,
                "snapshot");
        a.sync.importPackage(soon, true, x -> {});
        a.register("Amina", "Exempelsson", number(2));
        List<Change> log = new OutgoingChanges(a.db).changesAfter(0).changes();
        String last = log.get(log.size() - 1).stamp();
        assertTrue(last.compareTo(st(inAnHour, 0, X)) < 0, "a dry run moved the clock: " + last);

        a.importFrom(soon);
        a.register("Bo", "Exempelsson", number(6));
        log = new OutgoingChanges(a.db).changesAfter(0).changes();
        assertTrue(log.get(log.size() - 1).stamp().compareTo(st(inAnHour, 0, X)) > 0, "an import moves it");
        new Device("b", 5).importFrom(a.exportSnapshot());
    }

    @Test
    void aNumberCorrectedAfterADuplicateWasRegisteredMergesTheSameWayInAnyOrder() throws Exception {
        Device c1 = new Device("c1", 0);
        Device c2 = new Device("c2", 5);
        Device l1 = new Device("l1", 10);
        Device l2 = new Device("l2", 15);
        c2.register("Bertil", "Bo", number(1));
        Path c2p = copy(c2.exportSnapshot(), "c2p");
        Participant anna = c1.register("Anna", "Al", number(1)); // typo: Bertil's number
        Path p1 = copy(c1.exportSnapshot(), "p1");
        c1.clock.advance(60);
        c1.caseload.update(anna.id(), new ParticipantDraft(number(3), "Anna", "Al", null, null, null));
        Path p2 = copy(c1.exportSnapshot(), "p2");
        l1.importFrom(p1);
        l1.importFrom(c2p);
        l1.importFrom(p2);
        l2.importFrom(p1);
        l2.importFrom(p2);
        l2.importFrom(c2p);
        assertEquals(l1.store.liveIds("participant"), l2.store.liveIds("participant"));
        // Each lead has a coach of its own; the people must be the same, row for row.
        String people = "select * from participant order by id";
        String first = l1.db.read(dsl -> dsl.fetch(people).formatCSV());
        String second = l2.db.read(dsl -> dsl.fetch(people).formatCSV());
        assertEquals(first, second);
        assertEquals(1, l1.store.liveIds("participant").size(), "registered with one number: merged, in both orders");
    }

    @Test
    void aDecisionTakenOnAnOlderListLeavesAVersionThatCameInSinceInConflict() throws Exception {
        Device a = new Device("a", 0), b = new Device("b", 3), c = new Device("c", 6), d = new Device("d", 9);
        Participant p = a.register("Amina", "Exempelsson", number(4));
        Path s = copy(a.exportSnapshot(), "s");
        b.importFrom(s);
        c.importFrom(s);
        d.importFrom(s);
        a.edit(p, "070-111 11 11", null);
        b.edit(p, "070-222 22 22", null);
        c.edit(p, "070-333 33 33", null);
        d.importFrom(copy(a.exportSnapshot(), "a2"));
        d.importFrom(copy(b.exportSnapshot(), "b2"));
        SyncService.Conflict seen = d.sync.conflicts().get(0); // what the screen shows
        d.importFrom(copy(c.exportSnapshot(), "c2")); // the user imports once more, then decides
        d.sync.resolve(seen, seen.shown().value());
        List<SyncService.Conflict> left = d.sync.conflicts();
        assertEquals(1, left.size(), "070-333 33 33 was never shown to anyone: it stays");
        assertTrue(left.get(0).others().stream().anyMatch(o -> "070-333 33 33".equals(o.value()))
                || "070-333 33 33".equals(left.get(0).shown().value()));
    }

    @Test
    void anEditMadeAfterARestartIsNeverLost() throws Exception {
        Device c = new Device("c", 0);
        Device b = new Device("b", 86_400); // its clock a day ahead
        Device a = new Device("a", 0); // the team, met before: packages are encrypted to it
        Participant p = c.register("Amina", "Exempelsson", number(5));
        c.enrol(p);
        Path cs = copy(c.exportSnapshot(), "cs");
        b.importFrom(cs);
        b.edit(p, "070-222 22 22", null);
        Path bs = copy(b.exportSnapshot(), "bs");
        a.importFrom(bs);
        Path file = dir.resolve("a.db");
        a.db.close();
        devices.remove(a);
        Database db = Database.open(file, a.clock, TestPassphrase.get()); // the coach restarts the program
        try {
            CaseloadService caseload = new CaseloadService(db, a.clock);
            SyncService sync = new SyncService(db, a.clock, () -> "a");
            caseload.update(
                    p.id(),
                    new ParticipantDraft(
                            p.personalNumber().display(), "Amina", "Exempelsson", "070-111 11 11", null, null));
            c.edit(p, "070-333 33 33", null); // concurrent with A's edit
            sync.importPackage(copy(c.exportSnapshot(), "c2"), false, x -> {});
            var row = db.read(dsl -> dsl.fetchOne("select phone from participant where id = ?", p.id().toString()));
            boolean kept = row.get(0).equals("070-111 11 11")
                    || sync.conflicts().stream()
                            .anyMatch(k -> "070-111 11 11".equals(k.shown().value())
                                    || k.others().stream().anyMatch(o -> "070-111 11 11".equals(o.value())));
            assertTrue(kept, "A's own edit is neither shown nor in a conflict");
        } finally {
            db.close();
        }
    }

    @Test
    void aDateWithATrailingNewlineIsRefused() throws Exception {
        Device a = new Device("a", 0);
        String coach = "cccccccc-0000-4000-8000-000000000003";
        String pid = "bbbbbbbb-0000-4000-8000-000000000003";
        long t = Instant.parse("2026-11-24T08:00:00Z").toEpochMilli();
        String num =
                PersonalIdentityNumber.of(LocalDate.of(1990, 1, 1), 12, false).normalised();
        List<Change> cs = List.of(
                new Change("coach", coach, st(t, 0, X), null, X, false, m("name", "K"), Map.of()),
                new Change(
                        "participant",
                        pid,
                        st(t, 1, X),
                        null,
                        X,
                        false,
                        m("personal_number", num, "first_name", "A", "last_name", "B"),
                        Map.of()),
                new Change(
                        "enrolment",
                        "eeeeeeee-0000-4000-8000-000000000003",
                        st(t, 3, X),
                        null,
                        X,
                        false,
                        m(
                                "participant_id",
                                pid,
                                "coach_id",
                                coach,
                                "enrolled_on",
                                "2026-11-01\n",
                                "referring_unit",
                                "R",
                                "target_groups",
                                "unemployed",
                                "interpreter_needed",
                                0L),
                        Map.of()));
        Path pkg = craft("newline", cs, 0, 3, "snapshot");
        assertEquals(
                "schema",
                assertThrows(PackageRefusedException.class, () -> a.sync.importPackage(pkg, false, x -> {}))
                        .reason());
    }

    @Test
    void aPackageChangedOnTheWayOrClaimingAnotherLaptopIsRefused() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.register("Amina", "Exempelsson", number(7));
        Path signed = copy(a.exportSnapshot(), "signed");
        String before = b.checksum();

        // The manifest altered after signing: the checksums inside may all be right, the signature is not.
        Path altered =
                rewrite(signed, "altered", "manifest.json", t -> t.replace("\"user\" : \"a\"", "\"user\" : \"x\""));
        assertEquals(
                "signature",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(altered))
                        .reason());
        assertEquals(before, b.checksum());

        b.importFrom(signed); // the first meeting: b now knows a's key
        a.register("Bo", "Exempelsson", number(8));
        Path next = copy(a.exportSnapshot(), "next");
        Path unsigned = rewrite(next, "unsigned", "signature.json", null);
        assertEquals(
                "signature_key",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(unsigned))
                        .reason());
        String[] other = PackageSigner.newKeyPair();
        byte[] manifest;
        try (var zip = new ZipFile(next.toFile())) {
            manifest = zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes();
        }
        String forged = "{\"algorithm\":\"Ed25519\",\"publicKey\":\"" + other[1] + "\",\"signature\":\""
                + new PackageSigner(other[0], other[1]).sign(manifest) + "\"}";
        Path impostor = rewrite(next, "impostor", "signature.json", t -> forged);
        assertEquals(
                "signature_key",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(impostor))
                        .reason());
        assertEquals(2 - 1, b.caseload.participantCount(), "only the first, signed package came in");
        b.importFrom(next);
        assertEquals(2, b.caseload.participantCount());
    }

    @Test
    void aNumberOnceRegisteredForSomeoneElseIsNotGivenToANewPersonOnTheSameLaptop() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        Participant amina = a.register("Amina", "Exempelsson", number(1)); // Bo's number, by mistake
        a.caseload.update(amina.id(), new ParticipantDraft(number(2), "Amina", "Exempelsson", null, null, null));
        ValidationException refused =
                assertThrows(ValidationException.class, () -> a.register("Bo", "Exempelsson", number(1)));
        assertEquals(
                "participant.problem.registeredBefore",
                refused.problems().get(0).messageKey());
        assertEquals(0, a.importFrom(b.exportSnapshot()).merged(), "nobody merged");
        assertTrue(a.caseload.participant(amina.id()).isPresent());
    }

    @Test
    void aLaptopPutBackFromABackupKeepsItsKeyAndAForgedFirstPackageCanBeUndone() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.register("Amina", "Exempelsson", number(1));
        b.importFrom(a.exportSnapshot()); // b keeps a's key
        Path file = dir.resolve("a.db");
        a.db.close();
        devices.remove(a);
        Path backup = dir.resolve("a-backup.db");
        Files.copy(file, backup); // the database put back as it was; its key file stays beside it
        Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        Database restored = Database.open(file, a.clock, TestPassphrase.get());
        try {
            new CaseloadService(restored, a.clock)
                    .register(new ParticipantDraft(number(2), "Bo", "Exempelsson", null, null, null));
            Path pkg = dir.resolve("restored.caseload.zip");
            new SyncService(restored, a.clock, () -> "a").exportSnapshot(pkg, x -> {});
            b.importFrom(pkg);
            assertEquals(2, b.store.liveIds("participant").size());
        } finally {
            restored.close();
        }

        // A package in c's name, signed with a stranger's key: refused, since the team admitted c's own key;
        // the real laptop's package still comes in afterwards.
        Device c = new Device("c", 5);
        c.register("Cecilia", "Exempelsson", number(3));
        String[] strangers = PackageSigner.newKeyPair();
        Path forged = dir.resolve("forged.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 0, List.of(), Map.of()),
                "snapshot",
                c.sync.deviceId(),
                "c",
                Instant.parse("2026-11-24T09:00:00Z"),
                forged,
                p -> {},
                new PackageSigner(strangers[0], strangers[1]));
        assertEquals(
                "signature_key",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(forged))
                        .reason());
        b.importFrom(copy(c.exportSnapshot(), "real"));
        assertEquals(3, b.store.liveIds("participant").size());
    }

    @Test
    void aDecisionEndsTheConflictWhenTwoVersionsHadTheShownValue() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 10);
        Device c = new Device("c", 0);
        Participant p = a.register("Amina", "Exempelsson", number(1));
        Path snap = a.exportSnapshot();
        b.importFrom(snap);
        c.importFrom(snap);
        c.clock.advance(1);
        c.edit(p, "070-2", null);
        a.clock.advance(2);
        a.edit(p, "070-1", null);
        b.edit(p, "070-1", null);
        a.importFrom(b.exportSnapshot());
        a.importFrom(c.exportSnapshot());
        SyncService.Conflict conflict = a.sync.conflicts().get(0);
        assertEquals("070-1", conflict.shown().value());
        a.sync.resolve(conflict, "070-2");
        assertEquals(List.of(), a.sync.conflicts(), "the decision covers both versions that said 070-1");
        assertEquals("070-2", a.caseload.participant(p.id()).orElseThrow().phone());
    }

    @Test
    void anUnsignedPackageCannotMakeUsLeaveChangesOutOfTheNextDelta() throws Exception {
        Device b = new Device("b", 3);
        b.register("Bo", "Exempelsson", number(9));
        b.sync.team().setTeamPassphrase("the team's own passphrase"); // X's key is not known: the passphrase reads it
        // "X has everything of b's up to 999": said in an unsigned package.
        Path claim = dir.resolve("claim.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 0, List.of(), Map.of(b.sync.deviceId(), 999L)),
                "snapshot",
                X,
                "Extern",
                Instant.parse("2026-11-24T10:00:00Z"),
                claim,
                p -> {});
        b.importFrom(claim);
        Path forX = dir.resolve("for-x.caseload.zip");
        SyncService.Exported exported = b.sync.exportFor(X, forX, p -> {});
        assertEquals("snapshot", exported.kind(), "everything, not a delta after 999");
        assertTrue(exported.changes() > 0);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAsTooLarge() throws Exception {
        Device a = new Device("a", 0);
        Path pkg = craft(
                "long",
                List.of(new Change(
                        "coach",
                        "cccccccc-0000-4000-8000-000000000005",
                        st(a.clock.millis(), 0, X),
                        null,
                        X,
                        false,
                        m("name", "Å".repeat(5000)),
                        Map.of())),
                0,
                1,
                "snapshot");
        var reader = new PackageReader(new PackageReader.Limits(1 << 20, 1 << 20, 1 << 22, 4096));
        PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> reader.read(pkg));
        assertEquals("too_large", refused.reason());
        assertEquals(List.of("coaches.jsonl:1"), refused.args());
        assertEquals(1, new PackageReader().read(pkg).changes().size(), "within the default");
    }

    /** A copy of a package with one entry's text changed (or, with null, the entry left out). */
    Path rewrite(Path pkg, String name, String entry, UnaryOperator<String> change) throws Exception {
        Path out = dir.resolve(name + ".caseload.zip");
        try (var in = new ZipFile(pkg.toFile());
                var zip = new ZipOutputStream(Files.newOutputStream(out))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }

    Path copy(Path f, String name) throws Exception {
        Path t = dir.resolve(name + ".caseload.zip");
        Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
        return t;
    }
}
