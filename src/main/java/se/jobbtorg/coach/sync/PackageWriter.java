package se.jobbtorg.coach.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import se.jobbtorg.coach.store.Change;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncStore;

/**
 * Writes a caseload package: one JSON Lines entry per entity (parents first), then
 * manifest.json with the SHA-256 of each. Written to a temporary file beside the target,
 * flushed to disk and moved into place, so a package under its final name is always whole.
 */
public final class PackageWriter {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "signature.json";
    public static final String SUFFIX = ".caseload.zip";

    private PackageWriter() {
    }

    /** Writes an unsigned package (another system's, or a test's) and returns its manifest. */
    public static Manifest write(SyncStore.Export export, String kind, String device, String user, Instant now,
            Path target, DoubleConsumer progress) throws IOException {
        return write(export, kind, device, user, now, target, progress, null);
    }

    /**
     * Writes the package and returns its manifest. {@code progress} hears 0..1. With a signer,
     * signature.json holds the device's public key and its signature over manifest.json.
     */
    public static Manifest write(SyncStore.Export export, String kind, String device, String user, Instant now,
            Path target, DoubleConsumer progress, PackageSigner signer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".writing-", ".tmp");
        try {
            Manifest manifest;
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); ZipOutputStream zip = new ZipOutputStream(file)) {
                Map<String, List<Change>> byEntity = new LinkedHashMap<>();
                SyncEntities.all().forEach(e -> byEntity.put(e.name(), new ArrayList<>()));
                export.changes().forEach(c -> byEntity.get(c.entity()).add(c));
                Map<String, Integer> counts = new LinkedHashMap<>();
                Map<String, String> entries = new LinkedHashMap<>();
                int done = 0;
                int total = Math.max(1, export.changes().size());
                for (SyncEntities.Entity entity : SyncEntities.all()) {
                    List<Change> changes = byEntity.get(entity.name());
                    zip.putNextEntry(new ZipEntry(entity.file()));
                    MessageDigest sha = sha256();
                    DigestOutputStream out = new DigestOutputStream(new NonClosing(zip), sha);
                    for (Change c : changes) {
                        out.write(JSON.writeValueAsBytes(line(c)));
                        out.write('\n');
                        if (++done % 500 == 0) {
                            progress.accept((double) done / total);
                        }
                    }
                    out.flush();
                    zip.closeEntry();
                    counts.put(entity.name(), changes.size());
                    entries.put(entity.file(), HexFormat.of().formatHex(sha.digest()));
                }
                manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, UUID.randomUUID().toString(),
                        new Manifest.Producer(device, user), now.toString(), kind,
                        new Manifest.Sequence(export.from(), export.to()), CodeLists.versions(), counts, entries,
                        export.received());
                byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestBytes);
                zip.closeEntry();
                if (signer != null) {
                    var signature = JSON.createObjectNode();
                    signature.put("algorithm", PackageSigner.ALGORITHM);
                    signature.put("publicKey", signer.publicKey());
                    signature.put("signature", signer.sign(manifestBytes));
                    zip.putNextEntry(new ZipEntry(SIGNATURE));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(signature));
                    zip.closeEntry();
                }
                zip.finish();
                file.flush();
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            progress.accept(1);
            return manifest;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One change as one JSON object (one line of an entity's file). */
    static ObjectNode line(Change c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", c.recordId());
        node.put("stamp", c.stamp());
        node.put("base", c.base());
        node.put("device", c.device());
        node.put("deleted", c.deleted());
        ObjectNode fields = node.putObject("fields");
        c.values().forEach((k, v) -> fields.set(k, JSON.valueToTree(v)));
        ObjectNode bases = node.putObject("bases");
        c.bases().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(b -> bases.set(b.getKey(), JSON.valueToTree(b.getValue())));
        return node;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a DigestOutputStream be closed per entry without closing the zip. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
