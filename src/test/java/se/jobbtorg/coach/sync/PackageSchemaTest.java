package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.store.SyncEntities;

/**
 * The JSON Schemas of the caseload package are documentation another system builds on, so they
 * are committed files; this test holds them to the tables and code lists they describe. After a
 * schema change, regenerate with {@code mvn test -Dtest=PackageSchemaTest -Dschemas.write=true}
 * and raise the format version if a reader of the old files could misread the new ones.
 */
class PackageSchemaTest {
    static final Path DIR = Path.of("src/main/resources/caseload-package/schema");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String STAMP = "^[0-9]{13}-[0-9]{4}-[A-Za-z0-9-]{1,64}$";
    private static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final String BASE64 = "^[A-Za-z0-9+/]+={0,2}$";
    private static final Set<String> FLAGS = Set.of("interpreter_needed", "review", "social_secretary_joined");

    @Test
    void committedSchemasDescribeTheTablesAndCodeLists() throws IOException {
        boolean write = Boolean.getBoolean("schemas.write");
        check("manifest", manifestSchema(), write);
        check("signature", signatureSchema(), write);
        check("device_statement", statementSchema(), write);
        for (SyncEntities.Entity entity : SyncEntities.all()) {
            check(entity.name(), entitySchema(entity), write);
        }
    }

    private static void check(String name, ObjectNode schema, boolean write) throws IOException {
        Path file = DIR.resolve(name + ".schema.json");
        String expected = JSON.writeValueAsString(schema) + "\n";
        if (write) {
            Files.createDirectories(DIR);
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertEquals(
                expected,
                Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                file + " is out of date; see this test's comment");
    }

    static ObjectNode entitySchema(SyncEntities.Entity entity) {
        ObjectNode s = header(
                entity.name(),
                "One change of one record of the entity '" + entity.name() + "': one line of " + entity.file());
        s.put("type", "object");
        s.set("required", strings("id", "stamp", "base", "device", "deleted", "fields", "bases"));
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        p.putObject("id")
                .put("type", "string")
                .put("pattern", ID)
                .put("description", "The record's id (a UUID), the same on every device.");
        p.putObject("stamp")
                .put("$ref", "#/$defs/stamp")
                .put("description", "The version this change made: unique, and later than every version it saw.");
        ObjectNode base = p.putObject("base");
        base.set("type", strings("string", "null"));
        base.put("pattern", STAMP)
                .put(
                        "description",
                        "The record's version the change was made from; null when the change created the record.");
        p.putObject("device")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 64)
                .put(
                        "description",
                        "The device the change was made on ('merge-' and the target id for changes the merge rule makes).");
        p.putObject("deleted")
                .put("type", "boolean")
                .put("description", "True when the change deleted the record. Deletes are final.");
        ObjectNode fields = p.putObject("fields");
        fields.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "The fields the change set, with their new values. A creation carries every field that has a value.");
        ObjectNode fieldProps = fields.putObject("properties");
        ObjectNode bases = p.putObject("bases");
        bases.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "Per field, the versions of that field the editor had seen (empty or absent for a new record).");
        ObjectNode baseProps = bases.putObject("properties");
        for (String column : entity.dataColumns()) {
            fieldProps.set(column, column(entity, entity.field(column)));
            baseProps.putObject(column).put("type", "array").putObject("items").put("$ref", "#/$defs/stamp");
        }
        s.putObject("$defs").putObject("stamp").put("type", "string").put("pattern", STAMP);
        return s;
    }

    private static ObjectNode column(SyncEntities.Entity entity, Field<?> field) {
        ObjectNode c = JSON.createObjectNode();
        boolean nullable = field.getDataType().nullable();
        boolean integer = Number.class.isAssignableFrom(field.getType());
        String name = field.getName();
        c.set(
                "type",
                nullable ? strings(integer ? "integer" : "string", "null") : strings(integer ? "integer" : "string"));
        for (CodeLists.CodeList list : CodeLists.ALL.values()) {
            if (list.entity().equals(entity.name()) && list.column().equals(name)) {
                String alternatives = String.join("|", CodeLists.codes(list));
                if (list.commaSeparated()) {
                    c.put("pattern", "^((" + alternatives + ")(,(" + alternatives + "))*)?$");
                } else {
                    c.put("pattern", "^(" + alternatives + ")$");
                }
                c.put(
                        "description",
                        "A code of the code list '" + list.name() + "'"
                                + (list.commaSeparated() ? ", several separated by commas." : "."));
            }
        }
        if (entity.name().equals("participant") && name.equals("personal_number")) {
            c.put("pattern", "^[0-9]{12}$")
                    .put("description", "The personal identity number, 12 digits (yyyymmddnnnn).");
        }
        if (FLAGS.contains(name)) {
            c.put("minimum", 0).put("maximum", 1);
        }
        if (name.endsWith("_on")) {
            c.put("pattern", DATE).put("description", "A date, yyyy-mm-dd.");
        }
        if (entity.references().containsKey(name)) {
            c.put("pattern", ID)
                    .put(
                            "description",
                            "The id of a " + entity.references().get(name).replace('_', ' ') + ".");
        }
        return c;
    }

    static ObjectNode manifestSchema() {
        ObjectNode s = header("manifest", "manifest.json of a caseload package");
        s.put("type", "object");
        s.set(
                "required",
                strings(
                        "format",
                        "formatVersion",
                        "packageId",
                        "producer",
                        "createdAt",
                        "kind",
                        "sequence",
                        "codeLists",
                        "counts",
                        "entries",
                        "received"));
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        p.putObject("format").put("const", Manifest.FORMAT);
        p.putObject("formatVersion").set("enum", JSON.valueToTree(Manifest.READABLE_VERSIONS));
        p.putObject("packageId").put("type", "string").put("pattern", ID);
        ObjectNode producer = p.putObject("producer");
        producer.put("type", "object").put("additionalProperties", false);
        producer.set("required", strings("device", "user"));
        ObjectNode producerProps = producer.putObject("properties");
        producerProps
                .<ObjectNode>set(
                        "device", JSON.createObjectNode().put("type", "string").put("minLength", 1))
                .putObject("user")
                .set("type", strings("string", "null"));
        producerProps
                .putObject("agreementKey")
                .put("type", "string")
                .put("pattern", BASE64)
                .put("maxLength", 200)
                .put("description", "Version 2: the producer's X25519 public key, Base64 of its X.509 encoding.");
        producerProps
                .putObject("coach")
                .put("type", "string")
                .put("pattern", ID)
                .put("description", "Version 3: the id of the producer's user's coach record, where the role is set.");
        producerProps
                .putObject("role")
                .put("description", "Version 3: the producer's user's role, where it is set.")
                .set("enum", strings(Manifest.Reader.COACH, Manifest.Reader.TEAM_LEAD));
        ObjectNode reader = p.putObject("reader");
        reader.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "Version 3: whom the package was made for: one device (role coach: it holds only what that"
                                + " coach may see, and no other device imports it), or any team lead (device absent).");
        ObjectNode readerProps = reader.putObject("properties");
        readerProps
                .putObject("device")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 64);
        readerProps.putObject("coach").put("type", "string").put("pattern", ID);
        readerProps.putObject("role").set("enum", strings(Manifest.Reader.COACH, Manifest.Reader.TEAM_LEAD));
        p.putObject("createdAt").put("type", "string").put("description", "An instant, ISO-8601 in UTC.");
        p.putObject("kind").set("enum", strings(Manifest.DELTA, Manifest.SNAPSHOT));
        ObjectNode seq = p.putObject("sequence");
        seq.put("type", "object").put("additionalProperties", false);
        seq.set("required", strings("from", "to"));
        seq.putObject("properties")
                .<ObjectNode>set(
                        "from",
                        JSON.createObjectNode()
                                .put("type", "integer")
                                .put("minimum", 0)
                                .put("maximum", Integer.MAX_VALUE))
                .putObject("to")
                .put("type", "integer")
                .put("minimum", 0)
                .put("maximum", Integer.MAX_VALUE);
        p.putObject("codeLists")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "integer")
                .put("minimum", 1)
                .put("maximum", Integer.MAX_VALUE);
        p.putObject("counts")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "integer")
                .put("minimum", 0)
                .put("maximum", Integer.MAX_VALUE);
        p.putObject("entries")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "string")
                .put("pattern", "^[0-9a-f]{64}$");
        p.putObject("received")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "integer")
                .put("minimum", 0)
                .put("maximum", Integer.MAX_VALUE);
        ObjectNode enc = p.putObject("encryption");
        enc.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "Version 2: present when every entry but manifest.json and signature.json is encrypted.");
        enc.set("required", strings("aead", "chunkSize", "ephemeralKey", "recipients"));
        ObjectNode encProps = enc.putObject("properties");
        encProps.putObject("aead").put("const", PackageCrypto.AEAD);
        encProps.putObject("chunkSize").put("const", PackageCrypto.CHUNK);
        encProps.putObject("ephemeralKey")
                .put("type", "string")
                .put("pattern", BASE64)
                .put("maxLength", 200)
                .put("description", "The package's ephemeral X25519 public key, Base64 of its X.509 encoding.");
        ObjectNode recipients = encProps.putObject("recipients");
        recipients.put("type", "array").put("minItems", 1).put("maxItems", 1000);
        ObjectNode r = recipients.putObject("items");
        r.put("type", "object").put("additionalProperties", false);
        r.set("required", strings("type", "wrappedKey"));
        ObjectNode rp = r.putObject("properties");
        rp.putObject("type").set("enum", strings(Manifest.Recipient.DEVICE, Manifest.Recipient.PASSPHRASE));
        rp.putObject("device").put("type", "string").put("minLength", 1).put("maxLength", 64);
        rp.putObject("agreementKey")
                .put("type", "string")
                .put("pattern", BASE64)
                .put("maxLength", 200);
        rp.putObject("kdf").put("const", PackageCrypto.KDF);
        rp.putObject("iterations")
                .put("type", "integer")
                .put("minimum", PackageCrypto.PBKDF2_MIN_ITERATIONS)
                .put("maximum", PackageCrypto.PBKDF2_MAX_ITERATIONS);
        rp.putObject("salt").put("type", "string").put("pattern", BASE64).put("maxLength", 200);
        rp.putObject("wrappedKey")
                .put("type", "string")
                .put("pattern", BASE64)
                .put("maxLength", 200)
                .put("description", "Base64 of the 48 bytes ChaCha20-Poly1305 makes of the 32-byte content key.");
        return s;
    }

    static ObjectNode statementSchema() {
        ObjectNode s = header(
                "device_statement",
                "One line of devices.jsonl: a decision about one of the team's"
                        + " devices, signed by the device it was made on");
        s.put("type", "object");
        s.set(
                "required",
                strings(
                        "subject",
                        "status",
                        "signingKey",
                        "agreementKey",
                        "label",
                        "decidedBy",
                        "deciderKey",
                        "stamp",
                        "signature"));
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        String text = "^[^\\u0000-\\u001f\\u007f]*$";
        p.putObject("subject")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 64)
                .put("pattern", text)
                .put("description", "The device the decision is about.");
        p.putObject("status").set("enum", strings("admitted", "unsigned", "withdrawn"));
        for (String key : new String[] {"signingKey", "agreementKey"}) {
            ObjectNode k = p.putObject(key);
            k.set("type", strings("string", "null"));
            k.put("pattern", BASE64).put("maxLength", 200);
        }
        ObjectNode label = p.putObject("label");
        label.set("type", strings("string", "null"));
        label.put("maxLength", 200).put("pattern", text);
        p.putObject("decidedBy")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 64)
                .put("pattern", text);
        p.putObject("deciderKey").put("type", "string").put("pattern", BASE64).put("maxLength", 200);
        p.putObject("stamp")
                .put("type", "string")
                .put("maxLength", 40)
                .put("pattern", text)
                .put("description", "When it was decided: an instant, ISO-8601 in UTC.");
        p.putObject("signature")
                .put("type", "string")
                .put("pattern", BASE64)
                .put("maxLength", 200)
                .put(
                        "description",
                        "Base64 of the Ed25519 signature by deciderKey over the statement's canonical text.");
        return s;
    }

    static ObjectNode signatureSchema() {
        ObjectNode s = header(
                "signature",
                "signature.json of a caseload package: the producer's Ed25519 signature over"
                        + " the exact bytes of manifest.json");
        s.put("type", "object");
        s.set("required", strings("algorithm", "publicKey", "signature"));
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        p.putObject("algorithm").put("const", "Ed25519");
        p.putObject("publicKey")
                .put("type", "string")
                .put("pattern", "^[A-Za-z0-9+/]+={0,2}$")
                .put("maxLength", 200)
                .put("description", "The producer's public key: Base64 of its X.509 (SubjectPublicKeyInfo) encoding.");
        p.putObject("signature")
                .put("type", "string")
                .put("pattern", "^[A-Za-z0-9+/]+={0,2}$")
                .put("maxLength", 200)
                .put(
                        "description",
                        "Base64 of the Ed25519 signature over the bytes of manifest.json as stored in the zip.");
        return s;
    }

    private static ObjectNode header(String name, String title) {
        ObjectNode s = JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", "urn:jobbtorg:caseload-package:" + Manifest.FORMAT_VERSION + ":" + name);
        s.put("title", title);
        return s;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = JSON.createArrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
