package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.store.sync.Peers;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.Refusal;

/**
 * The import reads a package twice: once to verify it whole, once to apply it. What it applies
 * must be what it verified: a file replaced between the two readings is refused, and whatever of
 * it was applied before that was found is rolled back.
 */
class StreamingImportTest extends SyncFixture {

    @Test
    void aPackageReplacedByAnotherBetweenTheTwoReadingsIsRefusedWhole() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.enrol(a.register("Amina", "Exempelsson", number(1)));
        // Copied aside: the fixture's clock stands still, so both exports take one name.
        Path first = copy(a.exportSnapshot(), "first");
        a.enrol(a.register("Örjan", "Åkesson", number(2)));
        Path second = copy(a.exportSnapshot(), "second");
        String before = b.checksum();

        PackageRefusedException refused = assertThrows(
                PackageRefusedException.class,
                () -> b.sync.importPackage(first, false, onceVerified(() -> replace(first, second))));

        assertEquals(Refusal.CHECKSUM, refused.refusal(), "another manifest than the one verified");
        assertEquals(before, b.checksum(), "nothing of either package");
        assertTrue(
                new Peers(b.db).all().stream().noneMatch(p -> p.deviceId().equals(a.sync.deviceId())),
                "the producer is not noted as met");
    }

    @Test
    void anEntryAlteredBetweenTheTwoReadingsRollsBackWhatCameBeforeIt() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.enrol(a.register("Amina", "Exempelsson", number(1)));
        Path pkg = a.exportSnapshot();
        // The same manifest and signature; the enrolments (applied after the coaches and the
        // people) one byte different.
        Path altered = withOneByteFlipped(pkg, "enrolments.jsonl");
        String before = b.checksum();

        PackageRefusedException refused = assertThrows(
                PackageRefusedException.class,
                () -> b.sync.importPackage(pkg, false, onceVerified(() -> replace(pkg, altered))));

        assertTrue(
                Set.of(Refusal.CHECKSUM, Refusal.DECRYPTION).contains(refused.refusal()),
                refused.refusal().code());
        assertEquals(before, b.checksum(), "the coaches and people read before the enrolments are rolled back");
    }

    @Test
    void aPackageImportedBeforeIsRecognisedAndChangesNothing() throws Exception {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        a.enrol(a.register("Amina", "Exempelsson", number(1)));
        a.enrol(a.register("Örjan", "Åkesson", number(2)));
        Path pkg = a.exportSnapshot();
        SyncService.Imported once = b.importFrom(pkg);
        String after = b.checksum();
        int changes = once.created() + once.updated() + once.unchanged();

        SyncService.Imported again = b.importFrom(pkg);

        assertEquals(0, again.created() + again.updated() + again.conflicts() + again.merged());
        assertEquals(changes, again.unchanged(), "every change reported as one it has");
        assertEquals(after, b.checksum());
        // And what came after it still comes: the exchange bookkeeping moved on as it should.
        a.enrol(a.register("Zeynep", "Öberg", number(3)));
        SyncService.Imported later = b.importFrom(a.exportFor(b));
        assertTrue(later.created() >= 2, "at least the person and the enrolment");
    }

    /** A progress listener that runs {@code action} once, at the first report after verification. */
    private static DoubleConsumer onceVerified(Runnable action) {
        boolean[] done = {false};
        return p -> {
            if (!done[0] && p > 0.05 && p < 1) {
                done[0] = true;
                action.run();
            }
        };
    }

    private static void replace(Path target, Path with) {
        try {
            Files.copy(with, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path withOneByteFlipped(Path pkg, String entry) throws IOException {
        Path out = dir.resolve("flipped.caseload.zip");
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

    private Path copy(Path f, String name) throws IOException {
        Path t = dir.resolve(name + ".caseload.zip");
        Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
        return t;
    }
}
