package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * A package that leaves the laptop is encrypted: a stick found on the bus shows no name and no
 * number; only the laptops it was made for, or the team passphrase, open it; a changed byte is
 * refused; a package of format version 1 (before encryption) still comes in.
 */
class SyncEncryptionTest extends SyncFixture {

    @Test
    void theRawBytesOfAnExportedPackageHoldNoNameAndNoNumber() throws Exception {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        a.sync.team().setTeamPassphrase("Kista-teamets lösenfras 2026");
        List<String> secrets = new ArrayList<>();
        String[][] people = {{"Zlatana", "Qvistberg"}, {"Ödmjuk", "Åkerlund"}, {"Yusra", "Haddadinejad"}};
        for (int i = 0; i < people.length; i++) {
            PersonalIdentityNumber pin = PersonalIdentityNumber.of(LocalDate.of(1981 + i, 4, 17), 400 + i, false);
            Participant p = a.register(people[i][0], people[i][1], pin.display());
            a.enrol(p);
            a.edit(p, "070-555 12 3" + i, "person" + i + "@example.org");
            secrets.add(people[i][0]);
            secrets.add(people[i][1]);
            String twelve = pin.normalised();
            secrets.add(twelve); // 12 digits
            secrets.add(twelve.substring(2, 8) + "-" + twelve.substring(8)); // 10 digits with '-'
            secrets.add(twelve.substring(2)); // 10 digits
            secrets.add("070-555 12 3" + i);
            secrets.add("person" + i + "@example.org");
        }
        for (Path pkg : List.of(a.exportSnapshot(), a.exportFor(b))) {
            byte[] raw = Files.readAllBytes(pkg);
            for (String secret : secrets) {
                assertFalse(contains(raw, secret.getBytes(StandardCharsets.UTF_8)), "found in the package: a secret");
                assertFalse(contains(raw, secret.getBytes(StandardCharsets.ISO_8859_1)), "found (Latin-1): a secret");
            }
            // Nor inside any entry, as unzip would show it.
            try (ZipFile zip = new ZipFile(pkg.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    byte[] bytes = zip.getInputStream(e).readAllBytes();
                    for (String secret : secrets) {
                        assertFalse(contains(bytes, secret.getBytes(StandardCharsets.UTF_8)), e.getName());
                    }
                }
            }
            b.importFrom(pkg);
        }
        assertEquals(3, b.store.liveIds("participant").size(), "and yet the reader gets everyone");
    }

    @Test
    void onlyItsReadersOrTheTeamPassphraseOpenAPackage() throws Exception {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        a.register("Amina", "Exempelsson", number(1));
        Path forB = a.exportFor(b);

        // A new laptop nobody has met, admitted by hand but without a key anyone encrypted for.
        joinTeam = false;
        Device c = new Device("new", 4);
        String[] keys = a.sync.team().ownPublicKeys();
        c.sync.team().admit(a.sync.deviceId(), keys[0], keys[1], "linnea");
        assertEquals(
                "not_for_us",
                assertThrows(PackageRefusedException.class, () -> c.importFrom(forB))
                        .reason());

        a.sync.team().setTeamPassphrase("Kista-teamets lösenfras 2026");
        Path everyone = a.exportSnapshot(); // c's key is not known to a: only the passphrase opens it for c
        assertEquals(
                "not_for_us",
                assertThrows(PackageRefusedException.class, () -> c.importFrom(everyone))
                        .reason());
        c.sync.team().setTeamPassphrase("Kista-teamets lösenfras 2025");
        assertEquals(
                "team_passphrase",
                assertThrows(PackageRefusedException.class, () -> c.importFrom(everyone))
                        .reason());
        c.sync.team().setTeamPassphrase("Kista-teamets lösenfras 2026");
        c.importFrom(everyone);
        assertEquals(1, c.store.liveIds("participant").size());
        b.importFrom(everyone); // b opens it with its own key
        assertEquals(1, b.store.liveIds("participant").size());
    }

    @Test
    void aChangedByteOfAnEncryptedEntryIsRefused() throws Exception {
        Device a = new Device("linnea", 0);
        Device b = new Device("karim", 3);
        a.register("Amina", "Exempelsson", number(1));
        Path good = a.exportFor(b);
        b.sync.team().admitUnsigned(a.sync.deviceId(), "linnea"); // so the unsigned copy meets the decryption
        String before = b.checksum();
        for (boolean cut : new boolean[] {false, true}) {
            Path bad = dir.resolve("bad-" + cut + ".caseload.zip");
            try (ZipFile in = new ZipFile(good.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
                byte[] people =
                        in.getInputStream(in.getEntry("participants.jsonl")).readAllBytes();
                byte[] changed = cut ? Arrays.copyOf(people, people.length - 1) : people.clone();
                if (!cut) {
                    changed[changed.length / 2] ^= 1;
                }
                String sha = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(changed));
                for (ZipEntry e : Collections.list(in.entries())) {
                    byte[] bytes = in.getInputStream(e).readAllBytes();
                    if (e.getName().equals("signature.json")) {
                        continue; // the checksum put right means the signature cannot be
                    }
                    if (e.getName().equals("participants.jsonl")) {
                        bytes = changed;
                    }
                    if (e.getName().equals("manifest.json")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8)
                                .replaceAll("(\"participants\\.jsonl\" : \")[0-9a-f]{64}", "$1" + sha)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> b.importFrom(bad));
            assertEquals("decryption", refused.reason(), "cut=" + cut);
            assertEquals(List.of("participants.jsonl"), refused.args());
            assertEquals(before, b.checksum());
        }
    }

    /** A package of format version 1 (plain, signed, from before encryption) is still imported once its laptop is admitted. */
    @Test
    void aPackageOfFormatVersionOneStillComesIn() throws Exception {
        joinTeam = false;
        Device b = new Device("karim", 3);
        Path v1 = dir.resolve("v1.caseload.zip");
        Files.copy(Path.of("src/test/resources/caseload-package/v1-example.caseload.zip"), v1);
        PackageRefusedException refused = assertThrows(PackageRefusedException.class, () -> b.importFrom(v1));
        assertEquals("not_admitted", refused.reason());
        String producer = b.sync.team().devices().stream()
                .filter(d -> d.standing() == TeamDevices.Standing.NOT_ADMITTED)
                .findFirst()
                .orElseThrow()
                .deviceId();
        b.sync.team().admit(producer);
        SyncService.Imported in = b.importFrom(v1);
        assertTrue(in.created() > 5);
        assertEquals(2, b.store.liveIds("participant").size());
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
