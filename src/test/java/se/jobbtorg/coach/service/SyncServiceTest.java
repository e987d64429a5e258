package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.sync.PackageReader;
import se.jobbtorg.coach.sync.PackageRefusedException;

/** Two and three laptops exchanging real packages on disk, each with its own database file. */
class SyncServiceTest extends SyncFixture {

    @Test
    void aSnapshotBringsTheWholeCaseloadAndTheSameFileTwiceChangesNothing() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        Enrolment enrolment = a.enrol(amina);

        Path file = a.exportSnapshot();
        SyncService.Imported first = b.importFrom(file);
        assertEquals(3, first.created(), "the coach, the participant and the enrolment");
        assertEquals(0, first.conflicts());
        assertEquals("Yusuf", b.caseload.participant(amina.id()).orElseThrow().lastName());
        assertEquals(enrolment.id(), b.caseload.enrolments(amina.id()).get(0).id());
        assertEquals(1, b.caseload.caseload(null, "amina").size(), "the search index is rebuilt on import");

        String after = b.checksum();
        SyncService.Imported second = b.importFrom(file);
        assertEquals(0, second.created() + second.updated());
        assertEquals(first.created(), second.unchanged());
        assertEquals(after, b.checksum());
        a.importFrom(b.exportSnapshot());
        assertEquals(a.checksum(), b.checksum(), "both laptops hold the same rows");
    }

    @Test
    void editsOfDifferentFieldsMergeByThemselves() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        exchange(a, b);

        a.edit(amina, "070-111 22 33", null);
        b.edit(amina, null, "amina@example.org");
        exchange(a, b);

        for (Device d : List.of(a, b)) {
            Participant p = d.caseload.participant(amina.id()).orElseThrow();
            assertEquals("070-111 22 33", p.phone());
            assertEquals("amina@example.org", p.email());
            assertTrue(d.sync.conflicts().isEmpty());
        }
        assertEquals(a.checksum(), b.checksum());
    }

    @Test
    void theSameFieldChangedOnBothSidesShowsTheNewerAndKeepsTheOtherAsAConflictUntilAPersonDecides()
            throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        exchange(a, b);

        a.clock.advance(60);
        a.edit(amina, "070-111 22 33", null);
        b.clock.advance(120);
        b.edit(amina, "073-999 88 77", null); // a minute later than a's edit: the newer stamp
        exchange(a, b);

        for (Device d : List.of(a, b)) {
            assertEquals(
                    "073-999 88 77",
                    d.caseload.participant(amina.id()).orElseThrow().phone());
            List<SyncService.Conflict> conflicts = d.sync.conflicts();
            assertEquals(1, conflicts.size());
            assertEquals("phone", conflicts.get(0).field());
            assertEquals("070-111 22 33", conflicts.get(0).others().get(0).value(), "the other value is kept");
        }
        assertEquals(a.checksum(), b.checksum());

        a.sync.resolve(a.sync.conflicts().get(0), "070-111 22 33");
        assertEquals(
                "070-111 22 33",
                a.caseload.participant(amina.id()).orElseThrow().phone());
        exchange(a, b);
        for (Device d : List.of(a, b)) {
            assertTrue(d.sync.conflicts().isEmpty(), "the decision travels");
            assertEquals(
                    "070-111 22 33",
                    d.caseload.participant(amina.id()).orElseThrow().phone());
        }
        assertEquals(a.checksum(), b.checksum());
    }

    @Test
    void aNameDecidedInAConflictIsWhatTheCaseloadSortsAndSearchesBy() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        exchange(a, b);
        a.caseload.update(
                amina.id(), new ParticipantDraft(amina.personalNumber().display(), "Amina", "Yusef", null, null, null));
        b.caseload.update(
                amina.id(), new ParticipantDraft(amina.personalNumber().display(), "Amina", "Jusuf", null, null, null));
        exchange(a, b);

        SyncService.Conflict conflict = a.sync.conflicts().get(0);
        assertEquals("last_name", conflict.field());
        a.sync.resolve(conflict, "Östberg");
        assertEquals("Östberg", a.caseload.participant(amina.id()).orElseThrow().lastName());
        assertEquals(1, a.caseload.caseload(null, "östb").size(), "the search words follow the decision");
        assertEquals(0, a.caseload.caseload(null, "yusef").size());
        exchange(a, b);
        assertEquals(1, b.caseload.caseload(null, "östb").size());
        assertEquals(a.checksum(), b.checksum());
    }

    @Test
    void theSamePersonRegisteredOnTwoLaptopsBecomesOnePersonWithBothEnrolments() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant onA = a.register("Amina", "Yusuf", number(123));
        Participant onB = b.register("Amina", "Yusuf", number(123));
        a.enrol(onA);
        b.enrol(onB);

        Path fromA = a.exportSnapshot();
        Path fromB = b.exportSnapshot();
        SyncService.Imported merged = b.importFrom(fromA);
        a.importFrom(fromB);
        assertEquals(1, merged.merged());

        String survivor = onA.id().toString().compareTo(onB.id().toString()) < 0
                ? onA.id().toString()
                : onB.id().toString();
        for (Device d : List.of(a, b)) {
            assertEquals(List.of(survivor), List.copyOf(d.store.liveIds("participant")));
            assertEquals(2, d.caseload.enrolments(UUID.fromString(survivor)).size());
        }
        assertEquals(a.checksum(), b.checksum(), "the same rule gave the same result on both");
        exchange(a, b);
        assertEquals(a.checksum(), b.checksum());
    }

    @Test
    void threeRegistrationsOfOnePersonMergedInDifferentOrdersStillConverge() throws IOException {
        // Same clock on all three: the merge rule's computed stamps meet in the same millisecond.
        List<Device> laptops = List.of(new Device("linnea", 0), new Device("karim", 0), new Device("sofia", 0));
        List<Participant> registered = new ArrayList<>();
        for (Device d : laptops) {
            Participant p = d.register("Amina", "Yusuf", number(123));
            d.enrol(p);
            registered.add(p);
        }
        List<Integer> byId = new ArrayList<>(List.of(0, 1, 2));
        byId.sort(Comparator.comparing(i -> registered.get(i).id().toString()));
        Device smallest = laptops.get(byId.get(0));
        Device middle = laptops.get(byId.get(1));
        Device largest = laptops.get(byId.get(2));
        Path fromSmallest = smallest.exportSnapshot();
        Path fromMiddle = middle.exportSnapshot();
        Path fromLargest = largest.exportSnapshot();
        // The largest meets the middle first (merges into the middle), then the smallest;
        // the smallest meets the largest first; the middle meets the smallest only.
        largest.importFrom(fromMiddle);
        largest.importFrom(fromSmallest);
        smallest.importFrom(fromLargest);
        smallest.importFrom(fromMiddle);
        middle.importFrom(fromSmallest);
        for (int round = 0; round < 2; round++) {
            List<Path> snapshots = new ArrayList<>();
            for (Device d : laptops) {
                snapshots.add(d.exportSnapshot());
            }
            for (Device d : laptops) {
                for (Path p : snapshots) {
                    d.importFrom(p);
                }
            }
        }
        for (Device d : laptops) {
            assertEquals(
                    List.of(registered.get(byId.get(0)).id().toString()), List.copyOf(d.store.liveIds("participant")));
            assertEquals(
                    3, d.caseload.enrolments(registered.get(byId.get(0)).id()).size(), "every enrolment kept");
            assertEquals(smallest.checksum(), d.checksum(), "converged");
            assertTrue(d.sync.conflicts().isEmpty(), "nothing for a person to decide about records merged away");
        }
    }

    @Test
    void anUpdateFromALaptopThatDidNotSeeTheExitDoesNotReopenIt() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        Enrolment e = a.enrol(amina);
        exchange(a, b);

        a.workflow.exit(new ExitDraft(e.id(), TODAY, ExitReason.UNSUBSIDISED_WORK, null));
        b.edit(amina, "073-999 88 77", null);
        exchange(a, b);
        for (Device d : List.of(a, b)) {
            Enrolment after = d.caseload.enrolments(amina.id()).get(0);
            assertEquals(TODAY, after.exitedOn());
            assertEquals(ExitReason.UNSUBSIDISED_WORK, after.exitReason());
        }
        assertEquals(a.checksum(), b.checksum());
    }

    @Test
    void deltasCarryOnlyWhatThePeerHasNotAcknowledgedAndAGapIsRefused() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        Participant amina = a.register("Amina", "Yusuf", number(123));
        b.importFrom(a.exportFor(b));
        a.importFrom(b.exportFor(a)); // carries b's acknowledgement of a's log

        a.edit(amina, "070-1", null);
        Path first = dir.resolve("first.caseload.zip");
        SyncService.Exported exported = a.sync.exportFor(b.sync.deviceId(), first, p -> {});
        assertEquals("delta", exported.kind());
        assertEquals(1, exported.changes(), "only the new phone number");
        a.edit(amina, "070-2", null);
        Path second = dir.resolve("second.caseload.zip");
        a.sync.exportSince(exported.to(), second, p -> {});

        PackageRefusedException gap = assertThrows(PackageRefusedException.class, () -> b.importFrom(second));
        assertEquals("gap", gap.reason());
        assertEquals(null, b.caseload.participant(amina.id()).orElseThrow().phone());

        b.importFrom(first);
        b.importFrom(second);
        assertEquals("070-2", b.caseload.participant(amina.id()).orElseThrow().phone());
    }

    @Test
    void aDryRunReportsWhatAnImportWouldDoAndChangesNothing() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        a.enrol(a.register("Amina", "Yusuf", number(123)));
        String before = b.checksum();

        SyncService.Imported dry = b.sync.importPackage(a.exportSnapshot(), true, p -> {});
        assertTrue(dry.dryRun());
        assertEquals(3, dry.created());
        assertEquals(before, b.checksum());
        assertTrue(b.sync.peers().isEmpty(), "not even the peer is noted");
    }

    @Test
    void aDamagedOrForeignPackageIsRefusedWholeAndTheDatabaseIsUnchanged() throws IOException {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        a.enrol(a.register("Amina", "Yusuf", number(123)));
        // Altered by another system that read it and wrote it back unsigned, which b admits from a's id.
        Path good = b.plain(a.exportSnapshot());
        b.sync.team().admitUnsigned(a.sync.deviceId(), "linnea");
        String before = b.checksum();

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("checksum", "checksum");
        cases.put("traversal", "bad_entry_name");
        cases.put("format", "unknown_format_version");
        cases.put("codes", "unknown_code_list");
        cases.put("orphan", "orphan");
        cases.put("schema", "schema");
        for (var c : cases.entrySet()) {
            Path bad = tamper(good, c.getKey());
            PackageRefusedException refused =
                    assertThrows(PackageRefusedException.class, () -> b.importFrom(bad), c.getKey());
            assertEquals(c.getValue(), refused.reason(), c.getKey());
            assertEquals(before, b.checksum(), c.getKey() + " changed nothing");
        }

        SyncService tight = new SyncService(
                b.db,
                Clock.systemUTC(),
                () -> "karim",
                new PackageReader(new PackageReader.Limits(1 << 20, 4096, 8192, 4096)));
        Path bomb = dir.resolve("bomb.caseload.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("participants.jsonl"));
            zip.write(new byte[1 << 20]); // a megabyte of zeros, a few hundred bytes compressed
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("manifest.json"));
            var manifest = (ObjectNode) new ObjectMapper().readTree(manifestText(good));
            manifest.putObject("entries")
                    .put("participants.jsonl", sha256(new String(new byte[1 << 20], StandardCharsets.UTF_8)));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertEquals(
                "too_large",
                assertThrows(PackageRefusedException.class, () -> tight.importPackage(bomb, false, p -> {}))
                        .reason());
        assertEquals(before, b.checksum());
    }

    @Test
    void aTeamLeadMergesThreeCoachesAndReassignmentTravelsBack() throws IOException {
        Device lead = new Device("lead", 5);
        List<Device> coaches = List.of(new Device("linnea", 0), new Device("karim", 1), new Device("sofia", 2));
        int serial = 100;
        for (Device c : coaches) {
            c.enrol(c.register("Person", "Av " + c.coach.name(), number(serial++)));
        }
        for (Device c : coaches) {
            SyncService.Imported in = lead.importFrom(c.exportFor(lead));
            assertEquals(3, in.created());
        }
        assertEquals(3, lead.caseload.participantCount());
        assertEquals(4, lead.store.liveIds("coach").size(), "three coaches and the lead");

        Device linnea = coaches.get(0);
        Enrolment hers = linnea.caseload.caseload(linnea.coach.id(), "").get(0).latestEnrolment();
        lead.caseload.reassign(hers.id(), coaches.get(1).coach.id());
        linnea.importFrom(lead.exportFor(linnea));
        assertEquals(
                coaches.get(1).coach.id(),
                linnea.caseload.enrolments(hers.participantId()).get(0).coachId());
    }

    /** A copy of a good package with one thing wrong. */
    private Path tamper(Path good, String how) throws IOException {
        Path bad = dir.resolve(how + ".caseload.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String text = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                String name = e.getName();
                if (name.equals("signature.json")) {
                    // Unsigned, as another system may write it: each case meets the check it is about.
                    continue;
                }
                switch (how) {
                    case "checksum" -> text = name.equals("participants.jsonl") ? text.replace("Yusuf", "Yusef") : text;
                    case "traversal" -> name = name.equals("coaches.jsonl") ? "../coaches.jsonl" : name;
                    case "format" ->
                        text = name.equals("manifest.json")
                                ? text.replace("\"formatVersion\" : 4", "\"formatVersion\" : 5")
                                : text;
                    case "codes" ->
                        text = name.equals("manifest.json")
                                ? text.replace("\"exit_reason\" : 1", "\"exit_reason\" : 7")
                                : text;
                    case "orphan", "schema" -> {
                        if (name.equals("participants.jsonl")) {
                            text = how.equals("orphan") ? "" : text.replace("\"Yusuf\"", "12");
                        }
                        if (name.equals("manifest.json")) {
                            text = how.equals("orphan")
                                    ? withoutParticipants(text)
                                    : rehash(
                                            text,
                                            "participants.jsonl",
                                            rehashed(in, "participants.jsonl", "\"Yusuf\"", "12"));
                        }
                    }
                    default -> throw new IllegalArgumentException(how);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bad;
    }

    private static String withoutParticipants(String manifest) {
        return rehash(manifest.replace("\"participant\" : 1", "\"participant\" : 0"), "participants.jsonl", "");
    }

    private static String rehashed(ZipFile in, String entry, String from, String to) throws IOException {
        return new String(in.getInputStream(in.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8)
                .replace(from, to);
    }

    private static String rehash(String manifest, String entry, String content) {
        String sha = sha256(content);
        return manifest.replaceAll("(\"" + entry.replace(".", "\\.") + "\" : \")[0-9a-f]{64}", "$1" + sha);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String manifestText(Path pkg) throws IOException {
        try (ZipFile in = new ZipFile(pkg.toFile())) {
            return new String(in.getInputStream(in.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
