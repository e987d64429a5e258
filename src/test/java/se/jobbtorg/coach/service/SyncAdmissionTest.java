package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.store.sync.Change;
import se.jobbtorg.coach.store.sync.DeviceRegistry;
import se.jobbtorg.coach.store.sync.OutgoingChanges;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.sync.PackageWriter;

/**
 * Only the team's devices change the team's records: a device is admitted by a person who
 * compared its fingerprint, admissions travel in packages from admitted devices, a withdrawn
 * laptop's packages are refused, and a package relays only what the team vouches for.
 */
class SyncAdmissionTest extends SyncFixture {
    static final String PASSPHRASE = "Kista-teamets lösenfras 2026";

    SyncAdmissionTest() {
        joinTeam = false; // every admission in these tests is made by hand
    }

    private Device member(String name, int secondsAhead) {
        Device d = new Device(name, secondsAhead);
        d.sync.team().setTeamPassphrase(PASSPHRASE);
        return d;
    }

    private static String fingerprintOf(Device d) {
        return PackageSigner.fingerprint(d.sync.team().ownPublicKeys()[0]);
    }

    private static TeamDevices.Device row(Device at, Device of) {
        return at.sync.team().devices().stream()
                .filter(r -> r.deviceId().equals(of.sync.deviceId()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The case from issue 10: an unsigned package of about 4 KB under a device id nobody had met
     * tombstones every participant of a laptop that had met the real producer. Refused, nothing
     * changed; a dry run still shows what it holds; the next genuine package still comes in.
     */
    @Test
    void anUnsignedPackageFromADeviceNobodyAdmittedCannotDeleteAnything() throws Exception {
        Device a = member("linnea", 0);
        Device b = member("karim", 3);
        TestTeam.admitEachOther(a.sync, b.sync);
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            people.add(a.register("Person", "Nummer" + i, number(300 + i)));
        }
        b.importFrom(a.exportSnapshot());
        assertEquals(80, b.store.liveIds("participant").size());
        String before = b.checksum();

        String stranger = UUID.randomUUID().toString();
        List<Change> deletes = new ArrayList<>();
        long t = b.clock.millis();
        for (Participant p : people) {
            deletes.add(new Change(
                    "participant",
                    p.id().toString(),
                    SyncHardeningTest.st(t, 1, stranger),
                    null,
                    stranger,
                    true,
                    Map.of(),
                    Map.of()));
        }
        Path forged = dir.resolve("forged.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 80, deletes, Map.of()),
                "snapshot",
                stranger,
                "x",
                Instant.parse("2026-11-24T09:00:00Z"),
                forged,
                p -> {});
        assertTrue(Files.size(forged) < 8 * 1024, "a small file: " + Files.size(forged));

        PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> b.importFrom(forged));
        assertEquals("unsigned_not_admitted", refused.reason());
        assertEquals(before, b.checksum(), "nothing changed");
        assertEquals(80, b.store.liveIds("participant").size());

        SyncService.Imported dry = b.sync.importPackage(forged, true, p -> {});
        assertFalse(dry.admitted(), "a dry run shows what a stranger's package holds, and that it would be refused");
        assertEquals(80, dry.updated());
        assertEquals(before, b.checksum());
        assertEquals(
                TeamDevices.Standing.NOT_ADMITTED,
                b.sync.team().devices().stream()
                        .filter(d -> d.deviceId().equals(stranger))
                        .findFirst()
                        .orElseThrow()
                        .standing(),
                "the stranger is listed, not admitted, for a person to decide");

        // The same under the real producer's id, unsigned or signed with another key: refused too.
        Path asA = dir.resolve("as-a.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 80, deletes, Map.of()),
                "snapshot",
                a.sync.deviceId(),
                "linnea",
                Instant.parse("2026-11-24T09:00:00Z"),
                asA,
                p -> {});
        assertEquals(
                "signature_key",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(asA))
                        .reason());
        String[] other = PackageSigner.newKeyPair();
        Path signedAsA = dir.resolve("signed-as-a.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 80, deletes, Map.of()),
                "snapshot",
                a.sync.deviceId(),
                "linnea",
                Instant.parse("2026-11-24T09:00:00Z"),
                signedAsA,
                p -> {},
                new PackageSigner(other[0], other[1]));
        assertEquals(
                "signature_key",
                assertThrows(PackageRefusedException.class, () -> b.importFrom(signedAsA))
                        .reason());
        assertEquals(before, b.checksum());

        a.edit(people.get(0), "070-1", null);
        b.importFrom(a.exportSnapshot());
        assertEquals(
                "070-1",
                b.caseload.participant(people.get(0).id()).orElseThrow().phone());
        assertEquals(80, b.store.liveIds("participant").size());
    }

    /**
     * A new coach's laptop meets the team lead through the team passphrase: refused until a
     * person admits it, with the fingerprint in the refusal to compare by phone; then the lead's
     * package teaches the coach's laptop the rest of the team, whose changes it relays.
     */
    @Test
    void aLaptopIsAdmittedOnceAndLearnsTheTeamFromTheLead() throws Exception {
        Device lead = member("lead", 5);
        Device linnea = member("linnea", 0);
        Device karim = member("karim", 2);
        Participant hers = linnea.register("Amina", "Exempelsson", number(1));
        Participant his = karim.register("Bo", "Exempelsson", number(2));

        Path fromLinnea = linnea.exportFor(lead); // the lead is not known yet: the passphrase wraps it
        PackageRefusedException first = assertThrows(PackageRefusedException.class, () -> lead.importFrom(fromLinnea));
        assertEquals("not_admitted", first.reason());
        assertEquals(List.of("linnea", fingerprintOf(linnea)), first.args(), "the fingerprint, to compare by phone");
        assertEquals(TeamDevices.Standing.NOT_ADMITTED, row(lead, linnea).standing());
        assertEquals(fingerprintOf(linnea), row(lead, linnea).fingerprint());
        assertEquals(0, lead.store.liveIds("participant").size());

        lead.sync.team().admit(linnea.sync.deviceId());
        lead.importFrom(fromLinnea);
        Path fromKarim = karim.exportSnapshot();
        assertEquals(
                "not_admitted",
                assertThrows(PackageRefusedException.class, () -> lead.importFrom(fromKarim))
                        .reason());
        lead.sync.team().admit(karim.sync.deviceId());
        lead.importFrom(fromKarim);
        assertEquals(2, lead.store.liveIds("participant").size());

        // Linnea's laptop admits the lead (she compares the lead's fingerprint), and from the lead's
        // package learns that Karim's laptop is admitted too: his person comes in, relayed.
        Path fromLead = lead.exportFor(linnea);
        assertEquals(
                "not_admitted",
                assertThrows(PackageRefusedException.class, () -> linnea.importFrom(fromLead))
                        .reason());
        linnea.sync.team().admit(lead.sync.deviceId());
        linnea.importFrom(fromLead);
        assertTrue(linnea.caseload.participant(his.id()).isPresent(), "Karim's change, relayed by the lead");
        assertEquals(TeamDevices.Standing.ADMITTED, row(linnea, karim).standing());
        assertEquals("lead", row(linnea, karim).admittedBy());

        // Karim's laptop learns the team the same way; his next package reaches Linnea directly.
        karim.sync
                .team()
                .admit(
                        lead.sync.deviceId(),
                        lead.sync.team().ownPublicKeys()[0],
                        lead.sync.team().ownPublicKeys()[1],
                        "lead");
        karim.importFrom(lead.exportSnapshot());
        karim.edit(his, "070-2", null);
        Path direct = karim.exportSnapshot();
        linnea.importFrom(direct);
        assertEquals(
                "070-2", linnea.caseload.participant(his.id()).orElseThrow().phone());
        assertTrue(linnea.caseload.participant(hers.id()).isPresent());
    }

    /**
     * What a relay may carry: changes made on devices the team admits (checked against the
     * statements that count here, those in the package included), never a stranger's change
     * wrapped in an admitted device's signed package.
     */
    @Test
    void aChangeFromAStrangerRelayedInsideAnAdmittedDevicesPackageIsRefused() throws Exception {
        Device lead = member("lead", 5);
        Device linnea = member("linnea", 0);
        TestTeam.admitEachOther(lead.sync, linnea.sync);
        Participant p = lead.register("Amina", "Exempelsson", number(1));
        linnea.importFrom(lead.exportSnapshot());
        String before = linnea.checksum();

        // The lead's own key signs a package whose one change was made on a device nobody admitted.
        String stranger = UUID.randomUUID().toString();
        var keys = new DeviceRegistry(lead.db).signingKeys();
        Change delete = new Change(
                "participant",
                p.id().toString(),
                SyncHardeningTest.st(lead.clock.millis() + 1000, 0, stranger),
                null,
                stranger,
                true,
                Map.of(),
                Map.of());
        Path relay = dir.resolve("relay.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 99, List.of(delete), Map.of()),
                "snapshot",
                lead.sync.deviceId(),
                "lead",
                Instant.parse("2026-11-24T09:00:00Z"),
                relay,
                x -> {},
                new PackageSigner(keys.privateKey(), keys.publicKey()));
        PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> linnea.importFrom(relay));
        assertEquals("relay_not_admitted", refused.reason());
        assertEquals(before, linnea.checksum(), "nothing of it came in");

        // Another system the lead admitted as unsigned: its changes, relayed by the lead, come in.
        lead.sync.team().admitUnsigned(OTHER_SYSTEM, "Extern");
        Change other = new Change(
                "participant",
                p.id().toString(),
                SyncHardeningTest.st(lead.clock.millis() + 2000, 0, OTHER_SYSTEM),
                null,
                OTHER_SYSTEM,
                false,
                SyncHardeningTest.m("phone", "08-123"),
                Map.of("phone", List.of()));
        Path theirs = dir.resolve("theirs.caseload.zip");
        PackageWriter.write(
                new OutgoingChanges.Slice(0, 1, List.of(other), Map.of()),
                "snapshot",
                OTHER_SYSTEM,
                "Extern",
                Instant.parse("2026-11-24T09:00:00Z"),
                theirs,
                x -> {});
        lead.importFrom(theirs);
        linnea.importFrom(lead.exportSnapshot());
        assertEquals("08-123", linnea.caseload.participant(p.id()).orElseThrow().phone());
    }

    /** A stolen laptop: withdrawn by the lead, its later packages are refused by every laptop that hears of it. */
    @Test
    void aWithdrawnLaptopsPackagesAreRefusedWhereverTheWithdrawalTravels() throws Exception {
        Device lead = member("lead", 5);
        Device linnea = member("linnea", 0);
        Device karim = member("karim", 2);
        TestTeam.admitEachOther(lead.sync, linnea.sync, karim.sync);
        Participant p = karim.register("Bo", "Exempelsson", number(2));
        Path early = karim.exportSnapshot();
        lead.importFrom(early);

        lead.clock.advance(60);
        lead.sync.team().withdraw(karim.sync.deviceId());
        assertEquals(TeamDevices.Standing.WITHDRAWN, row(lead, karim).standing());
        linnea.importFrom(lead.exportSnapshot());
        assertTrue(linnea.caseload.participant(p.id()).isPresent(), "what the laptop made before it was stolen stays");
        assertEquals(TeamDevices.Standing.WITHDRAWN, row(linnea, karim).standing());

        karim.clock.advance(120);
        karim.edit(p, "070-9", null);
        Path stolen = karim.exportSnapshot();
        String before = linnea.checksum();
        assertEquals(
                "withdrawn",
                assertThrows(PackageRefusedException.class, () -> linnea.importFrom(stolen))
                        .reason());
        assertEquals(
                "withdrawn",
                assertThrows(PackageRefusedException.class, () -> lead.importFrom(stolen))
                        .reason());
        assertEquals(before, linnea.checksum());
        assertEquals(
                "no_readers",
                assertThrows(PackageRefusedException.class, () -> linnea.exportFor(karim))
                        .reason(),
                "nothing is written for a withdrawn laptop, not even for the passphrase");
        // A later admission of the same laptop does not undo a withdrawal.
        linnea.sync
                .team()
                .admit(
                        karim.sync.deviceId(),
                        karim.sync.team().ownPublicKeys()[0],
                        karim.sync.team().ownPublicKeys()[1],
                        "karim");
        assertEquals(
                "withdrawn",
                assertThrows(PackageRefusedException.class, () -> linnea.importFrom(stolen))
                        .reason());
    }

    /** A laptop with nobody to read its package says so rather than write one only it can open. */
    @Test
    void nothingIsExportedThatNoOtherLaptopCouldRead() throws Exception {
        Device alone = new Device("alone", 0);
        alone.register("Amina", "Exempelsson", number(1));
        assertEquals(
                "no_readers",
                assertThrows(PackageRefusedException.class, alone::exportSnapshot)
                        .reason());
        alone.sync.team().setTeamPassphrase(PASSPHRASE);
        assertTrue(Files.size(alone.exportSnapshot()) > 0);
    }
}
