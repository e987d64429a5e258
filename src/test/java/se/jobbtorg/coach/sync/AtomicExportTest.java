package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.store.sync.Change;
import se.jobbtorg.coach.store.sync.OutgoingChanges;

/**
 * The export promise of design.md: a package is written to a temp file beside the target and
 * moved into place, so an export that fails half-way leaves nothing under the final name (and
 * no temp file), and never damages a package already there.
 */
class AtomicExportTest {
    static final String DEVICE = "0f0e0d0c-0b0a-4908-8706-050403020100";
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    /** Enough changes that the writer reports progress while it is still writing entries. */
    static OutgoingChanges.Slice export(int size) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            changes.add(new Change(
                    "coach",
                    UUID.randomUUID().toString(),
                    String.format("%013d-%04d-%s", 1795510680000L + i, 0, DEVICE),
                    null,
                    DEVICE,
                    false,
                    Map.of("name", "Coach " + i, "unit", "Jobbtorg Kista"),
                    Map.of()));
        }
        return new OutgoingChanges.Slice(0, size, changes, Map.of());
    }

    /** Fails at the first progress report: after 500 lines, before the manifest is written. */
    static DoubleConsumer failingAfter(AtomicInteger calls) {
        return p -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the disk is full (simulated)");
        };
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".writing-"))
                    .toList();
        }
    }

    @Test
    void aFailedExportLeavesNoFileUnderTheFinalNameAndNoTempFile() throws IOException {
        Path target = dir.resolve("linnea.caseload.zip");
        AtomicInteger calls = new AtomicInteger();

        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> PackageWriter.write(
                        export(1200), Manifest.SNAPSHOT, DEVICE, "Linnea", NOW, target, failingAfter(calls)));

        assertEquals("the disk is full (simulated)", failure.getMessage(), "the cause reaches the caller");
        assertEquals(1, calls.get(), "it failed mid-write, at the first progress report");
        assertFalse(Files.exists(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedExportLeavesAnEarlierPackageUnderThatNameAsItWas() throws IOException {
        Path target = dir.resolve("linnea.caseload.zip");
        PackageWriter.write(export(3), Manifest.SNAPSHOT, DEVICE, "Linnea", NOW, target, p -> {});
        byte[] before = Files.readAllBytes(target);

        assertThrows(
                IllegalStateException.class,
                () -> PackageWriter.write(
                        export(1200),
                        Manifest.SNAPSHOT,
                        DEVICE,
                        "Linnea",
                        NOW,
                        target,
                        failingAfter(new AtomicInteger())));

        assertArrayEquals(before, Files.readAllBytes(target), "the earlier package is untouched");
        assertEquals(3, new PackageReader().read(target).changes().size(), "and still verifies");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aSuccessfulExportLeavesOnlyThePackage() throws IOException {
        Path target = dir.resolve("sub").resolve("linnea.caseload.zip");
        List<Double> heard = new ArrayList<>();
        Manifest m = PackageWriter.write(export(1200), Manifest.SNAPSHOT, DEVICE, "Linnea", NOW, target, heard::add);

        assertTrue(Files.isRegularFile(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temp file beside it");
        }
        assertEquals(List.of(500.0 / 1200, 1000.0 / 1200, 1.0), heard);
        assertEquals(1200, m.counts().get("coach"));
        assertEquals(1200, new PackageReader().read(target).changes().size());
        assertTrue(
                Files.readString(dir.resolve("sub").resolve("linnea.caseload.zip"), StandardCharsets.ISO_8859_1)
                        .startsWith("PK"),
                "a zip file");
    }
}
