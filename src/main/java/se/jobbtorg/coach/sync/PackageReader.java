package se.jobbtorg.coach.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.sync.Change;

/**
 * Reads and verifies a caseload package before anything of it is used: entry names, sizes
 * (against zip bombs), format and code-list versions, the manifest's checksums and counts, and
 * every line against its entity's JSON Schema. A package that fails any check is refused whole.
 */
public final class PackageReader {
    /** Limits against bombs and mistakes; generous for a city's snapshot. */
    public record Limits(long maxFileBytes, long maxEntryBytes, long maxTotalBytes, int maxLineChars) {
        public static final Limits DEFAULT = new Limits(2L << 30, 1L << 30, 4L << 30, 1 << 24);
    }

    /**
     * A package that passed every check: its manifest, its changes (parents first), the key that
     * signed it (null: unsigned), the statements about devices it carries (each one's signature
     * checked) and whether it was encrypted.
     */
    public record Verified(
            Manifest manifest,
            List<Change> changes,
            String publicKey,
            List<DeviceStatement> statements,
            boolean encrypted) {
        /** Whether the producer signed it (and the signature held). */
        public boolean signed() {
            return publicKey != null;
        }
    }

    /**
     * A package that passed every check of the first pass, its changes not held: what
     * {@link #changes} needs to read them again in a second pass, and to refuse the package if
     * it is not the one checked (its manifest's digest, its content key). Close it to wipe the key.
     */
    public static final class Checked implements AutoCloseable {
        private final Path file;
        private final Manifest manifest;
        private final byte[] manifestDigest;
        private final String publicKey;
        private final List<DeviceStatement> statements;
        private final byte[] contentKey;
        private final Map<String, Long> newestByDevice;
        private final boolean linesChecked;

        Checked(
                Path file,
                Manifest manifest,
                byte[] manifestDigest,
                String publicKey,
                List<DeviceStatement> statements,
                byte[] contentKey,
                Map<String, Long> newestByDevice,
                boolean linesChecked) {
            this.newestByDevice = Map.copyOf(newestByDevice);
            this.linesChecked = linesChecked;
            this.file = file;
            this.manifest = manifest;
            this.manifestDigest = manifestDigest;
            this.publicKey = publicKey;
            this.statements = List.copyOf(statements);
            this.contentKey = contentKey;
        }

        public Manifest manifest() {
            return manifest;
        }

        /** The key that signed it, or null. */
        public String publicKey() {
            return publicKey;
        }

        public boolean signed() {
            return publicKey != null;
        }

        public List<DeviceStatement> statements() {
            return statements;
        }

        /** Each device whose changes it carries, with the milliseconds of its newest change there. */
        public Map<String, Long> newestByDevice() {
            return newestByDevice;
        }

        public boolean encrypted() {
            return manifest.encryption() != null;
        }

        /**
         * False when the entity files' lines were not read, only their checksums held to the
         * signed manifest: a package applied whole before ({@link #verify(Path, Keyring,
         * Predicate)}). Such a package must not be applied, and {@link #newestByDevice} is empty.
         */
        public boolean linesChecked() {
            return linesChecked;
        }

        /** How many changes its entity files hold (their counts, checked). */
        public long changeCount() {
            long n = 0;
            for (SyncEntities.Entity entity : SyncEntities.all()) {
                n += manifest.counts().getOrDefault(entity.name(), 0);
            }
            return n;
        }

        /** What it is, without its changes: for what needs only the manifest and the signer. */
        public Verified withoutChanges() {
            return new Verified(manifest, List.of(), publicKey, statements, encrypted());
        }

        @Override
        public void close() {
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    /**
     * What opens a package on this device: its id and X25519 key pair (Base64), and the team
     * passphrase if one is set (asked for only when the device's own key does not open it).
     */
    public record Keyring(
            String deviceId, String agreementPrivate, String agreementPublic, Supplier<String> teamPassphrase) {
        public static final Keyring NONE = new Keyring("", null, null, () -> null);

        @Override
        public String toString() {
            return "Keyring[" + deviceId + "]";
        }
    }

    /** How deep a manifest or a line may nest: ours go four levels deep. */
    static final int MAX_DEPTH = 16;

    /**
     * A line is one JSON object a few levels deep: anything nested deeper, a second value after
     * it, or a key twice (which of them would count?) is refused, not guessed at.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final int MAX_MANIFEST = 1 << 20;

    /**
     * The schemas' validator, made when the first package is read, not when the window starts
     * (the validator's classes take a cold start about 50 ms).
     */
    private static final class Registry {
        static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }

    private static final Map<String, Schemas> LOADED = new HashMap<>();

    private final Limits limits;

    public PackageReader(Limits limits) {
        this.limits = limits;
    }

    public PackageReader() {
        this(Limits.DEFAULT);
    }

    /** Reads a plain package (an encrypted one is refused: nothing here opens it). */
    public Verified read(Path file) {
        return read(file, Keyring.NONE);
    }

    /**
     * Both passes at once, the changes in a list: for small packages and tests. An import uses
     * {@link #verify} and {@link #changes}, which never hold the package in memory.
     */
    public Verified read(Path file, Keyring keyring) {
        try (Checked checked = verify(file, keyring)) {
            List<Change> changes = new ArrayList<>();
            changes(checked, changes::add);
            return new Verified(
                    checked.manifest(), changes, checked.publicKey(), checked.statements(), checked.encrypted());
        }
    }

    /**
     * The first pass: every check, over the whole package, streamed (nothing of its changes is
     * kept). A package that fails any check is refused here, before anything is changed.
     */
    public Checked verify(Path file, Keyring keyring) {
        return verify(file, keyring, m -> false);
    }

    /**
     * The first pass, for a receiver that may have applied this package before: when the
     * package is signed and {@code appliedBefore} says its manifest was applied whole here,
     * every check is made but the reading of the entity files' lines. Their stored bytes are
     * still held to the manifest's SHA-256, and the manifest to the signature, so they are the
     * very bytes that were read, checked and applied then; nothing of them is applied again
     * (see {@link Checked#linesChecked}). The caller confirms inside its transaction that the
     * package was applied, and verifies in full if it was not.
     */
    public Checked verify(Path file, Keyring keyring, Predicate<Manifest> appliedBefore) {
        return open(file, zip -> verify(file, zip, keyring, appliedBefore));
    }

    /**
     * The second pass: the changes of a checked package, parents first, handed one by one to
     * {@code sink}. What it reads is checked again (the manifest byte for byte, each entry's
     * SHA-256, each line's schema, the counts): a file swapped or altered since the first pass
     * is refused, by then possibly after some of its changes were handed on, so the caller
     * applies them in a transaction that a refusal rolls back.
     */
    public void changes(Checked checked, Consumer<Change> sink) {
        if (!checked.linesChecked) {
            throw new IllegalStateException("the lines of " + checked.file.getFileName() + " were not checked");
        }
        open(checked.file, zip -> {
            ZipEntry manifestEntry = zip.getEntry(PackageWriter.MANIFEST);
            if (manifestEntry == null) {
                throw new PackageRefusedException(Refusal.NO_MANIFEST);
            }
            byte[] manifestBytes = readCapped(zip, manifestEntry, MAX_MANIFEST, null);
            if (!MessageDigest.isEqual(
                    checked.manifestDigest, PackageWriter.sha256().digest(manifestBytes))) {
                // Another package under the same name since the first pass: none of it is believed.
                throw new PackageRefusedException(Refusal.CHECKSUM, PackageWriter.MANIFEST);
            }
            Manifest manifest = checked.manifest;
            for (SyncEntities.Entity entity : SyncEntities.all()) {
                String expectedDigest = manifest.entries().get(entity.file());
                ZipEntry entry = zip.getEntry(entity.file());
                if (expectedDigest != null && entry == null) {
                    throw new PackageRefusedException(Refusal.MISSING_ENTRY, entity.file());
                }
                int lines = 0;
                if (expectedDigest != null) {
                    MessageDigest sha = PackageWriter.sha256();
                    lines = readLines(
                            zip,
                            entry,
                            sha,
                            entity.name(),
                            manifest.counts().getOrDefault(entity.name(), 0),
                            checked.contentKey,
                            (node, where) -> sink.accept(toChange(entity.name(), node)));
                    if (!HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(expectedDigest)) {
                        throw new PackageRefusedException(Refusal.CHECKSUM, entity.file());
                    }
                }
                int expected = manifest.counts().getOrDefault(entity.name(), 0);
                if (lines != expected) {
                    throw new PackageRefusedException(
                            Refusal.COUNT, entity.file(), String.valueOf(expected), String.valueOf(lines));
                }
            }
            return null;
        });
    }

    private interface ZipWork<T> {
        T run(ZipFile zip) throws IOException;
    }

    private <T> T open(Path file, ZipWork<T> work) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new PackageRefusedException(
                        Refusal.NOT_FOUND, file.getFileName().toString());
            }
            if (Files.size(file) > limits.maxFileBytes()) {
                throw new PackageRefusedException(
                        Refusal.TOO_LARGE, file.getFileName().toString());
            }
            try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                return work.run(zip);
            }
        } catch (ZipException e) {
            throw new PackageRefusedException(
                    Refusal.NOT_A_PACKAGE, e, file.getFileName().toString());
        } catch (IOException e) {
            throw new PackageRefusedException(
                    Refusal.UNREADABLE, e, file.getFileName().toString());
        }
    }

    private Checked verify(Path file, ZipFile zip, Keyring keyring, Predicate<Manifest> appliedBefore)
            throws IOException {
        Set<String> names = new HashSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (name.contains("..")
                    || name.startsWith("/")
                    || name.contains("\\")
                    || name.contains("/")
                    || name.contains(":")) {
                throw new PackageRefusedException(Refusal.BAD_ENTRY_NAME, name);
            }
            if (!names.add(name)) {
                throw new PackageRefusedException(Refusal.DUPLICATE_ENTRY, name);
            }
            if (!name.equals(PackageWriter.MANIFEST)
                    && !name.equals(PackageWriter.SIGNATURE)
                    && !name.equals(PackageWriter.DEVICES)
                    && SyncEntities.byFile(name).isEmpty()) {
                throw new PackageRefusedException(Refusal.UNKNOWN_ENTRY, name);
            }
        }
        ZipEntry manifestEntry = zip.getEntry(PackageWriter.MANIFEST);
        if (manifestEntry == null) {
            throw new PackageRefusedException(Refusal.NO_MANIFEST);
        }
        byte[] manifestBytes = readCapped(zip, manifestEntry, MAX_MANIFEST, null);
        String manifestText = utf8(manifestBytes, PackageWriter.MANIFEST);
        JsonNode manifestNode = parse(manifestText, PackageWriter.MANIFEST);
        // The format first: a newer format may say things the schema of ours cannot.
        if (!Manifest.FORMAT.equals(manifestNode.path("format").asText())) {
            throw new PackageRefusedException(
                    Refusal.UNKNOWN_FORMAT, manifestNode.path("format").asText());
        }
        if (!Manifest.READABLE_VERSIONS.contains(
                manifestNode.path("formatVersion").asInt())) {
            throw new PackageRefusedException(
                    Refusal.UNKNOWN_FORMAT_VERSION,
                    manifestNode.path("formatVersion").asText(),
                    String.valueOf(Manifest.FORMAT_VERSION));
        }
        validate("manifest", manifestNode, PackageWriter.MANIFEST);
        // Before anything the manifest promises is trusted: signed by whom it says, and unchanged.
        String publicKey = signer(zip, manifestBytes);
        Manifest manifest = JSON.treeToValue(manifestNode, Manifest.class);
        Map<String, Integer> ours = CodeLists.versions();
        for (var list : manifest.codeLists().entrySet()) {
            Integer known = ours.get(list.getKey());
            if (known == null || list.getValue() > known) {
                throw new PackageRefusedException(
                        Refusal.UNKNOWN_CODE_LIST, list.getKey(), String.valueOf(list.getValue()));
            }
        }
        Set<String> listed = new HashSet<>(manifest.entries().keySet());
        Set<String> present = new HashSet<>(names);
        present.remove(PackageWriter.MANIFEST);
        present.remove(PackageWriter.SIGNATURE);
        for (String name : listed) {
            if (!present.contains(name)) {
                throw new PackageRefusedException(Refusal.MISSING_ENTRY, name);
            }
        }
        for (String name : present) {
            if (!listed.contains(name)) {
                throw new PackageRefusedException(Refusal.UNLISTED_ENTRY, name);
            }
        }
        long total = 0;
        for (String name : listed) {
            MessageDigest sha = PackageWriter.sha256();
            total += drain(zip, zip.getEntry(name), sha);
            if (total > limits.maxTotalBytes()) {
                throw new PackageRefusedException(Refusal.TOO_LARGE, name);
            }
            if (!HexFormat.of()
                    .formatHex(sha.digest())
                    .equalsIgnoreCase(manifest.entries().get(name))) {
                throw new PackageRefusedException(Refusal.CHECKSUM, name);
            }
        }
        byte[] contentKey = manifest.encryption() == null ? null : contentKey(manifest, keyring);
        Map<String, Long> newestByDevice = new HashMap<>();
        // Only a signed package's id is the producer's word (an unsigned source could reuse it).
        boolean linesChecked = publicKey == null || !appliedBefore.test(manifest);
        for (SyncEntities.Entity entity : linesChecked ? SyncEntities.all() : List.<SyncEntities.Entity>of()) {
            ZipEntry entry = zip.getEntry(entity.file());
            int lines = 0;
            if (entry != null) {
                // Every line parsed and held to its schema, then let go: the second pass reads them
                // again. Only who made the changes is kept (a few devices), for the relay check.
                lines = readLines(
                        zip,
                        entry,
                        null,
                        entity.name(),
                        manifest.counts().getOrDefault(entity.name(), 0),
                        contentKey,
                        (node, where) -> newestByDevice.merge(
                                node.path("device").asText(),
                                Long.parseLong(node.path("stamp").asText().substring(0, 13)),
                                Math::max));
            }
            int expected = manifest.counts().getOrDefault(entity.name(), 0);
            if (lines != expected) {
                throw new PackageRefusedException(
                        Refusal.COUNT, entity.file(), String.valueOf(expected), String.valueOf(lines));
            }
        }
        List<DeviceStatement> statements = new ArrayList<>();
        ZipEntry devices = zip.getEntry(PackageWriter.DEVICES);
        if (devices != null || manifest.counts().containsKey(PackageWriter.DEVICES_COUNT)) {
            int lines = devices == null
                    ? 0
                    : readLines(
                            zip,
                            devices,
                            null,
                            "device_statement",
                            manifest.counts().getOrDefault(PackageWriter.DEVICES_COUNT, 0),
                            contentKey,
                            (node, where) -> {
                                DeviceStatement st = JSON.convertValue(node, DeviceStatement.class);
                                if (!st.verifies()) {
                                    // A statement whose signature does not hold was changed on the way.
                                    throw new PackageRefusedException(Refusal.STATEMENT_SIGNATURE, where);
                                }
                                statements.add(st);
                            });
            int expected = manifest.counts().getOrDefault(PackageWriter.DEVICES_COUNT, 0);
            if (lines != expected) {
                throw new PackageRefusedException(
                        Refusal.COUNT, PackageWriter.DEVICES, String.valueOf(expected), String.valueOf(lines));
            }
        }
        return new Checked(
                file,
                manifest,
                PackageWriter.sha256().digest(manifestBytes),
                publicKey,
                statements,
                contentKey,
                newestByDevice,
                linesChecked);
    }

    /**
     * The package's content key: unwrapped with this device's X25519 key if the package names it,
     * else with the team passphrase. Refused if neither opens it.
     */
    private static byte[] contentKey(Manifest m, Keyring keyring) {
        Manifest.Encryption enc = m.encryption();
        if (!PackageCrypto.AEAD.equals(enc.aead()) || enc.chunkSize() != PackageCrypto.CHUNK) {
            throw new PackageRefusedException(Refusal.UNKNOWN_ENCRYPTION, String.valueOf(enc.aead()));
        }
        boolean passphraseOffered = false;
        for (Manifest.Recipient r : enc.recipients()) {
            if (Manifest.Recipient.DEVICE.equals(r.type())
                    && keyring.deviceId().equals(r.device())
                    && keyring.agreementPrivate() != null) {
                byte[] key = PackageCrypto.unwrapX25519(
                        keyring.agreementPrivate(),
                        keyring.agreementPublic(),
                        enc.ephemeralKey(),
                        r.wrappedKey(),
                        m.packageId());
                if (key != null) {
                    return key;
                }
            }
        }
        String passphrase = null;
        for (Manifest.Recipient r : enc.recipients()) {
            if (!Manifest.Recipient.PASSPHRASE.equals(r.type())) {
                continue;
            }
            passphraseOffered = true;
            if (passphrase == null) {
                passphrase = keyring.teamPassphrase().get();
                if (passphrase == null) {
                    break;
                }
            }
            if (!PackageCrypto.KDF.equals(r.kdf())
                    || r.iterations() == null
                    || r.iterations() < PackageCrypto.PBKDF2_MIN_ITERATIONS
                    || r.iterations() > PackageCrypto.PBKDF2_MAX_ITERATIONS) {
                continue;
            }
            byte[] key = PackageCrypto.unwrapWithPassphrase(
                    passphrase, Base64.getDecoder().decode(r.salt()), r.iterations(), r.wrappedKey(), m.packageId());
            if (key != null) {
                return key;
            }
        }
        if (passphraseOffered && passphrase != null) {
            throw new PackageRefusedException(
                    Refusal.TEAM_PASSPHRASE, String.valueOf(m.producer().user()));
        }
        throw new PackageRefusedException(
                Refusal.NOT_FOR_US, String.valueOf(m.producer().user()));
    }

    /** The producer's public key if signature.json is there and holds; refused if it does not. */
    private static String signer(ZipFile zip, byte[] manifestBytes) throws IOException {
        ZipEntry entry = zip.getEntry(PackageWriter.SIGNATURE);
        if (entry == null) {
            return null;
        }
        String text;
        try (InputStream in = new CappedStream(zip.getInputStream(entry), MAX_MANIFEST, entry.getName())) {
            text = utf8(in.readAllBytes(), PackageWriter.SIGNATURE);
        }
        JsonNode node = parse(text, PackageWriter.SIGNATURE);
        validate("signature", node, PackageWriter.SIGNATURE);
        String key = node.path("publicKey").asText();
        if (!PackageSigner.verify(key, manifestBytes, node.path("signature").asText())) {
            throw new PackageRefusedException(Refusal.SIGNATURE);
        }
        return key;
    }

    /** Raw DEFLATE (RFC 1951) undone; its native memory freed on close. */
    private static InputStream inflating(InputStream in) {
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(in, inflater, 65536) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    /** What is done with each line once it parsed and met its schema. */
    private interface LineHandler {
        void accept(JsonNode node, String where);
    }

    /**
     * Reads an entry's lines, at most {@code maxLines} (the manifest's count: a line more is
     * refused before it is parsed, so a few kilobytes of one line repeated cannot keep the reader
     * busy for minutes); with {@code sha}, the digest of all its stored bytes too.
     */
    private int readLines(
            ZipFile zip,
            ZipEntry entry,
            MessageDigest sha,
            String schema,
            int maxLines,
            byte[] contentKey,
            LineHandler handler)
            throws IOException {
        int count = 0;
        InputStream stored = zip.getInputStream(entry);
        if (sha != null) {
            stored = new DigestInputStream(new CappedStream(stored, limits.maxEntryBytes(), entry.getName()), sha);
        }
        InputStream storedBytes = stored;
        InputStream plain =
                contentKey == null ? stored : inflating(PackageCrypto.decrypting(stored, contentKey, entry.getName()));
        // Text that is not UTF-8 is refused, not read as replacement characters and stored.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (LineReader reader = new LineReader(
                new InputStreamReader(new CappedStream(plain, limits.maxEntryBytes(), entry.getName()), decoder))) {
            String line;
            boolean first = true;
            while ((line = reader.line(limits.maxLineChars(), entry.getName() + ":" + (count + 1))) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    // A byte-order mark some Windows writers put first: not part of the JSON.
                    line = line.substring(1);
                }
                first = false;
                count++;
                String where = entry.getName() + ":" + count;
                if (count > maxLines) {
                    throw new PackageRefusedException(
                            Refusal.COUNT, entry.getName(), String.valueOf(maxLines), (maxLines + 1) + "+");
                }
                if (line.isBlank()) {
                    // Not a change, and the way a file of nothing but line ends would be read for minutes.
                    throw new PackageRefusedException(Refusal.NOT_JSON, where);
                }
                // Parsed once: the schema checks the same tree that is read. Text that is not JSON
                // is a refusal (not_json) like any other, not the validator's exception.
                JsonNode node = parse(line, where);
                validate(schema, node, where);
                handler.accept(node, where);
            }
            if (sha != null) {
                // The digest is of every stored byte, also any the text did not need.
                storedBytes.transferTo(OutputStream.nullOutputStream());
            }
        } catch (ZipException e) {
            // Decrypted, but not the compressed text it should be: written wrong or altered.
            throw new PackageRefusedException(Refusal.DECRYPTION, e, entry.getName());
        } catch (CharacterCodingException e) {
            throw new PackageRefusedException(
                    Refusal.INVALID_VALUE, e, entry.getName() + ":" + (count + 1), "-", "-", "utf-8");
        }
        return count;
    }

    /**
     * Lines of text, each refused as too large as soon as it passes the limit, before it is all
     * in memory (a line of a gigabyte of one letter compresses to a megabyte). Carriage returns
     * are dropped wherever they are. Unsynchronised and a buffer at a time: a reader that took
     * each character alone cost more than all the rest of reading a package.
     */
    private static final class LineReader implements AutoCloseable {
        private final Reader in;
        private final char[] buffer = new char[65536];
        private int position;
        private int end;
        private final StringBuilder line = new StringBuilder();

        LineReader(Reader in) {
            this.in = in;
        }

        /** The next line without its ending, or null at the end of the text. */
        String line(int max, String where) throws IOException {
            line.setLength(0);
            while (true) {
                if (position == end) {
                    end = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (end <= 0) {
                        end = 0;
                        return line.length() == 0 ? null : line.toString();
                    }
                }
                int start = position;
                while (position < end) {
                    char c = buffer[position];
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    position++;
                }
                if (line.length() + (position - start) > max) {
                    throw new PackageRefusedException(Refusal.TOO_LARGE, where);
                }
                line.append(buffer, start, position - start);
                if (position < end) {
                    char c = buffer[position++];
                    if (c == '\n') {
                        return line.toString();
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Change toChange(String entity, JsonNode n) {
        Map<String, Object> values = new LinkedHashMap<>();
        n.path("fields").properties().forEach(f -> values.put(f.getKey(), scalar(f.getValue())));
        Map<String, List<String>> bases = new LinkedHashMap<>();
        n.path("bases").properties().forEach(b -> {
            List<String> stamps = new ArrayList<>();
            b.getValue().forEach(s -> stamps.add(s.asText()));
            bases.put(b.getKey(), stamps);
        });
        JsonNode base = n.path("base");
        return new Change(
                entity,
                n.path("id").asText(),
                n.path("stamp").asText(),
                base.isNull() || base.isMissingNode() ? null : base.asText(),
                n.path("device").asText(),
                n.path("deleted").asBoolean(),
                values,
                bases);
    }

    private static Object scalar(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        return v.asText();
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new PackageRefusedException(
                        Refusal.INVALID_VALUE, e, where, "-", duplicate.group(1), "duplicate_key");
            }
            // The code and the place only: the parser's own words are no sentence for a person.
            throw new PackageRefusedException(Refusal.NOT_JSON, e, where);
        }
    }

    private static String utf8(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PackageRefusedException(Refusal.INVALID_VALUE, e, where, "-", "-", "utf-8");
        }
    }

    private static void validate(String schemaName, JsonNode node, String where) {
        Schemas schemas;
        synchronized (LOADED) {
            schemas = LOADED.computeIfAbsent(schemaName, PackageReader::load);
        }
        // Most lines are valid: the quick check says so at a fraction of the cost. Whatever it
        // does not vouch for goes to the full validator, which alone refuses and names the error.
        if (schemas.quick() != null && schemas.quick().accepts(node)) {
            return;
        }
        var errors = schemas.full().validate(node);
        if (!errors.isEmpty()) {
            throw new PackageRefusedException(
                    Refusal.SCHEMA, where, errors.get(0).getMessage());
        }
    }

    /** A schema for the full validator, and its quick acceptance check (null if it has none). */
    private record Schemas(Schema full, QuickSchema quick) {}

    private static Schemas load(String name) {
        String path = "/caseload-package/schema/" + name + ".schema.json";
        byte[] text;
        try (InputStream in = PackageReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            text = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            return new Schemas(
                    Registry.SCHEMAS.getSchema(new ByteArrayInputStream(text)), QuickSchema.of(JSON.readTree(text)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] readCapped(ZipFile zip, ZipEntry entry, long cap, MessageDigest sha) throws IOException {
        try (InputStream in = new CappedStream(zip.getInputStream(entry), cap, entry.getName())) {
            byte[] bytes = in.readAllBytes();
            if (sha != null) {
                sha.update(bytes);
            }
            return bytes;
        }
    }

    private long drain(ZipFile zip, ZipEntry entry, MessageDigest sha) throws IOException {
        long read = 0;
        try (InputStream in = new CappedStream(zip.getInputStream(entry), limits.maxEntryBytes(), entry.getName())) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                read += n;
            }
        }
        return read;
    }

    /** Counts what is really inflated, whatever the entry's header claims. */
    private static final class CappedStream extends FilterInputStream {
        private final long cap;
        private final String name;
        private long read;

        CappedStream(InputStream in, long cap, String name) {
            super(in);
            this.cap = cap;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > cap) {
                throw new PackageRefusedException(Refusal.TOO_LARGE, name);
            }
        }
    }
}
