package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.Refusal;

/**
 * A signed package applied here before is not read line by line again; what is still checked is
 * what makes it the very package applied then: its entries against the signed manifest.
 */
class ImportAgainTest extends SyncFixture {

    @Test
    void aPackageAppliedBeforeButAlteredSinceIsStillRefused() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.enrol(a.register("Amina", "Exempelsson", number(1)));
        Path pkg = a.exportSnapshot();
        b.importFrom(pkg);
        String after = b.checksum();

        Path altered = withOneByteFlipped(pkg, "participants.jsonl");
        PackageRefusedException refused =
                assertThrows(PackageRefusedException.class, () -> b.sync.importPackage(altered, false, p -> {}));

        assertEquals(Refusal.CHECKSUM, refused.refusal(), "its bytes are not those the manifest signed");
        assertEquals(after, b.checksum());
    }

    @Test
    void aPackageTriedInADryRunIsStillReadWholeWhenImported() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.enrol(a.register("Amina", "Exempelsson", number(1)));
        Path pkg = a.exportSnapshot();

        SyncService.Imported tried = b.sync.importPackage(pkg, true, p -> {});
        SyncService.Imported imported = b.sync.importPackage(pkg, false, p -> {});
        SyncService.Imported again = b.sync.importPackage(pkg, false, p -> {});

        assertTrue(tried.created() >= 3, "coach, person and enrolment, rolled back");
        assertEquals(tried.created(), imported.created(), "a dry run does not count as applied");
        assertEquals(0, again.created() + again.updated());
        assertEquals(imported.created() + imported.updated() + imported.unchanged(), again.unchanged());
    }

    private Path withOneByteFlipped(Path pkg, String entry) throws IOException {
        Path out = dir.resolve("altered.caseload.zip");
        try (ZipFile in = new ZipFile(pkg.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes[bytes.length - 1] ^= 1;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
