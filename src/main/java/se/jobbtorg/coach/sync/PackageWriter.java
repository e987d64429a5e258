package se.jobbtorg.coach.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import se.jobbtorg.coach.files.AtomicFile;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.sync.Change;
import se.jobbtorg.coach.store.sync.OutgoingChanges;

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
    /** The team's statements about devices (format version 2), one JSON object a line. */
    public static final String DEVICES = "devices.jsonl";
    /** Its line count's name in the manifest's counts. */
    public static final String DEVICES_COUNT = "devices";

    private PackageWriter() {}

    /**
     * For whom a package is encrypted: devices (id to X25519 public key, Base64 X.509) and the team
     * passphrase (null: none); {@code producerAgreementKey} is the writer's own X25519 key, named in
     * the manifest so a reader can answer it. With no device and no passphrase nobody could read it.
     */
    public record Readers(Map<String, String> devices, String passphrase, String producerAgreementKey) {
        public boolean anyone() {
            return !devices.isEmpty() || passphrase != null;
        }

        @Override
        public String toString() {
            // Never the passphrase, whoever prints this.
            return "Readers[devices=" + devices.keySet() + ", passphrase=" + (passphrase != null) + "]";
        }
    }

    /** Writes a plain, unsigned package (another system's, or a test's) and returns its manifest. */
    public static Manifest write(
            OutgoingChanges.Slice export,
            String kind,
            String device,
            String user,
            Instant now,
            Path target,
            DoubleConsumer progress)
            throws IOException {
        return write(export, kind, device, user, now, target, progress, null, null, List.of());
    }

    /** Writes a plain package, signed if a signer is given. */
    public static Manifest write(
            OutgoingChanges.Slice export,
            String kind,
            String device,
            String user,
            Instant now,
            Path target,
            DoubleConsumer progress,
            PackageSigner signer)
            throws IOException {
        return write(export, kind, device, user, now, target, progress, signer, null, List.of());
    }

    /** Writes a package of changes held in memory (a test's, or another system's); see the next. */
    public static Manifest write(
            OutgoingChanges.Slice export,
            String kind,
            String device,
            String user,
            Instant now,
            Path target,
            DoubleConsumer progress,
            PackageSigner signer,
            Readers readers,
            List<DeviceStatement> statements)
            throws IOException {
        return write(export.source(), kind, device, user, now, target, progress, signer, readers, statements);
    }

    /**
     * Who a package is from and for (format version 3): the producer's user's coach id and role
     * (null where not set) and the reader it was made for (null: no one in particular).
     */
    public record Addressing(String coach, String role, Manifest.Reader reader) {
        public static final Addressing NONE = new Addressing(null, null, null);
    }

    /** Writes the package without saying who its user is or whom it is for; see the next. */
    public static Manifest write(
            OutgoingChanges.Source source,
            String kind,
            String device,
            String user,
            Instant now,
            Path target,
            DoubleConsumer progress,
            PackageSigner signer,
            Readers readers,
            List<DeviceStatement> statements)
            throws IOException {
        return write(source, kind, device, user, now, target, progress, signer, readers, statements, Addressing.NONE);
    }

    /**
     * Writes the package and returns its manifest. {@code progress} hears 0..1. With a signer,
     * signature.json holds the device's public key and its signature over manifest.json. With
     * readers, every entry but the manifest and the signature is encrypted for them. The team's
     * statements about devices go in devices.jsonl. The changes are read while they are written,
     * one line at a time: the manifest, with each entry's checksum and line count, comes last.
     */
    public static Manifest write(
            OutgoingChanges.Source source,
            String kind,
            String device,
            String user,
            Instant now,
            Path target,
            DoubleConsumer progress,
            PackageSigner signer,
            Readers readers,
            List<DeviceStatement> statements,
            Addressing addressing)
            throws IOException {
        byte[] contentKey = readers == null ? null : PackageCrypto.random(PackageCrypto.KEY_BYTES);
        String packageId = UUID.randomUUID().toString();
        AtomicReference<Manifest> written = new AtomicReference<>();
        try {
            // Wrapped before the changes are read: a team passphrase's PBKDF2 takes half a
            // second, which the store's reading need not wait for.
            Manifest.Encryption encryption = readers == null ? null : encryption(readers, contentKey, packageId);
            Manifest.Producer producer = new Manifest.Producer(
                    device,
                    user,
                    readers == null ? null : readers.producerAgreementKey(),
                    addressing.coach(),
                    addressing.role());
            AtomicFile.write(
                    target,
                    temp -> source.read(changes -> {
                        try (OutputStream file = Files.newOutputStream(
                                        temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, BUFFER))) {
                            Map<String, Integer> counts = new LinkedHashMap<>();
                            Map<String, String> entries = new LinkedHashMap<>();
                            long total = Math.max(1, changes.size());
                            long[] done = {0};
                            for (SyncEntities.Entity entity : SyncEntities.all()) {
                                MessageDigest sha = sha256();
                                int[] lines = {0};
                                try (OutputStream out = entry(zip, entity.file(), sha, contentKey);
                                        JsonGenerator json = lines(out)) {
                                    changes.forEach(entity, c -> {
                                        line(json, c);
                                        lines[0]++;
                                        if (++done[0] % 500 == 0) {
                                            progress.accept(Math.min(1, (double) done[0] / total));
                                        }
                                    });
                                }
                                zip.closeEntry();
                                counts.put(entity.name(), lines[0]);
                                entries.put(entity.file(), HexFormat.of().formatHex(sha.digest()));
                            }
                            if (!statements.isEmpty()) {
                                MessageDigest sha = sha256();
                                try (OutputStream out = entry(zip, DEVICES, sha, contentKey)) {
                                    for (DeviceStatement st : statements) {
                                        out.write(JSON.writeValueAsBytes(st));
                                        out.write('\n');
                                    }
                                }
                                zip.closeEntry();
                                counts.put(DEVICES_COUNT, statements.size());
                                entries.put(DEVICES, HexFormat.of().formatHex(sha.digest()));
                            }
                            Manifest manifest = new Manifest(
                                    Manifest.FORMAT,
                                    Manifest.FORMAT_VERSION,
                                    packageId,
                                    producer,
                                    now.toString(),
                                    kind,
                                    new Manifest.Sequence(changes.from(), changes.to()),
                                    CodeLists.versions(),
                                    counts,
                                    entries,
                                    changes.received(),
                                    encryption,
                                    addressing.reader());
                            byte[] manifestBytes =
                                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
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
                            written.set(manifest);
                        }
                    }));
            progress.accept(1);
            return written.get();
        } finally {
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    /** Bytes gathered before they go to the file: the zip writes in pieces of 512. */
    private static final int BUFFER = 1 << 16;

    /**
     * Opens an entry for writing: the SHA-256 is over the bytes as stored. Encrypted, the plain
     * text is compressed (raw DEFLATE) and then encrypted, and the zip stores it without
     * compressing again (ciphertext does not compress).
     */
    private static OutputStream entry(ZipOutputStream zip, String name, MessageDigest sha, byte[] contentKey)
            throws IOException {
        zip.setLevel(contentKey == null ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(name));
        OutputStream stored = new DigestOutputStream(new NonClosing(zip), sha);
        if (contentKey == null) {
            return new BufferedOutputStream(stored, 65536);
        }
        OutputStream sealed = PackageCrypto.encrypting(stored, contentKey, name);
        return new DeflaterOutputStream(sealed, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 65536) {
            @Override
            public void close() throws IOException {
                super.close();
                def.end();
            }
        };
    }

    private static Manifest.Encryption encryption(Readers readers, byte[] contentKey, String packageId) {
        PackageCrypto.Sealer sealer = new PackageCrypto.Sealer(contentKey, packageId);
        List<Manifest.Recipient> recipients = new ArrayList<>();
        readers.devices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            String wrapped = sealer.wrapFor(d.getValue());
            if (wrapped != null) {
                recipients.add(new Manifest.Recipient(
                        Manifest.Recipient.DEVICE, d.getKey(), d.getValue(), null, null, null, wrapped));
            }
        });
        if (readers.passphrase() != null) {
            byte[] salt = PackageCrypto.random(PackageCrypto.SALT_BYTES);
            recipients.add(new Manifest.Recipient(
                    Manifest.Recipient.PASSPHRASE,
                    null,
                    null,
                    PackageCrypto.KDF,
                    PackageCrypto.PBKDF2_ITERATIONS,
                    Base64.getEncoder().encodeToString(salt),
                    PackageCrypto.wrapWithPassphrase(
                            contentKey, packageId, readers.passphrase(), salt, PackageCrypto.PBKDF2_ITERATIONS)));
        }
        return new Manifest.Encryption(PackageCrypto.AEAD, PackageCrypto.CHUNK, sealer.ephemeralPublic(), recipients);
    }

    /** Writes JSON Lines into an entry, leaving it open when closed (the entry closes it). */
    private static JsonGenerator lines(OutputStream out) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }

    /**
     * One change as one JSON object and a line feed (one line of an entity's file), written as
     * it goes: no tree is built for a line, at a city's millions of lines.
     */
    static void line(JsonGenerator json, Change c) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", c.recordId());
        json.writeStringField("stamp", c.stamp());
        json.writeStringField("base", c.base());
        json.writeStringField("device", c.device());
        json.writeBooleanField("deleted", c.deleted());
        json.writeObjectFieldStart("fields");
        for (var field : c.values().entrySet()) {
            json.writeFieldName(field.getKey());
            value(json, field.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("bases");
        for (var b : new TreeMap<>(c.bases()).entrySet()) {
            json.writeArrayFieldStart(b.getKey());
            for (String stamp : b.getValue()) {
                json.writeString(stamp);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** A field's value: text, a whole number or null; anything else as the mapper writes it. */
    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeObject(value);
        }
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
        public void close() {}
    }
}
