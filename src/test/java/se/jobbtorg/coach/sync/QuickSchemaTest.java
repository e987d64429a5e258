package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick schema check may only ever vouch for lines the full validator accepts (a refusal
 * and its message always come from the full one). Held to that over many wrong lines, each a
 * valid line with one value made wrong in one of the ways a writer gets it wrong.
 */
class QuickSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String STAMP = "1764000000000-0001-3f6c1a2e-0c4b-4d8e-9a51-7e2d9b0c4f11";

    @Test
    void everySchemaOfThePackageHasAQuickCheck() throws IOException {
        try (Stream<Path> files = Files.list(PackageSchemaTest.DIR)) {
            for (Path f : files.toList()) {
                assertNotNull(QuickSchema.of(JSON.readTree(f.toFile())), f + " would always take the slow path");
            }
        }
    }

    @Test
    void aValidChangeIsVouchedForAndNoWrongOneIs() throws IOException {
        ObjectNode valid = (ObjectNode) JSON.readTree("""
                {"id":"6b6bf3cb-1b84-49bb-a2e8-caad51e7dc54","stamp":"%s","base":null,
                 "device":"3f6c1a2e-0c4b-4d8e-9a51-7e2d9b0c4f11","deleted":false,
                 "fields":{"personal_number":"199001012380","first_name":"Åsa","last_name":"Öberg",
                           "phone":null,"email":"asa@example.se","home_district":"Kista"},
                 "bases":{"first_name":["%s"]}}""".formatted(STAMP, STAMP));
        Schema full = full("participant");
        QuickSchema quick = QuickSchema.of(JSON.readTree(schemaText("participant")));
        assertTrue(quick.accepts(valid), "the fast path is taken for an ordinary line");
        assertTrue(full.validate(valid).isEmpty());

        int vouched = 0;
        for (JsonNode wrong : mutations(valid)) {
            if (quick.accepts(wrong)) {
                vouched++;
                assertTrue(full.validate(wrong).isEmpty(), () -> "vouched for a line the schema refuses: " + wrong);
            }
        }
        assertTrue(vouched > 0, "some changes are harmless (another valid value), and still vouched for");
    }

    /** Each path of the line with each kind of wrong (or other) value, one at a time. */
    private static List<JsonNode> mutations(ObjectNode valid) {
        List<JsonNode> values = List.of(
                NODES.nullNode(),
                NODES.numberNode(1),
                NODES.numberNode(1.0),
                NODES.booleanNode(true),
                NODES.textNode(""),
                NODES.textNode("x".repeat(65)),
                NODES.textNode("199001012380\n"),
                NODES.textNode("6b6bf3cb-1b84-49bb-a2e8-caad51e7dc54\n"),
                NODES.textNode(STAMP + "\n"),
                NODES.textNode("6B6BF3CB-1B84-49BB-A2E8-CAAD51E7DC54"),
                NODES.textNode("Åsa"),
                NODES.textNode("a\u0001b"),
                NODES.arrayNode(),
                NODES.arrayNode().add(STAMP),
                NODES.arrayNode().add("not a stamp"),
                NODES.objectNode(),
                NODES.textNode(STAMP));
        List<JsonNode> out = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        valid.fieldNames().forEachRemaining(top -> paths.add(List.of(top)));
        for (String nested : List.of("fields", "bases")) {
            valid.get(nested).fieldNames().forEachRemaining(f -> paths.add(List.of(nested, f)));
            paths.add(List.of(nested, "unknown_field"));
        }
        paths.add(List.of("unknown_key"));
        for (List<String> path : paths) {
            for (JsonNode value : values) {
                out.add(with(valid, path, value));
            }
            out.add(without(valid, path));
        }
        return out;
    }

    private static JsonNode with(ObjectNode valid, List<String> path, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode parent = path.size() == 1 ? copy : (ObjectNode) copy.get(path.get(0));
        parent.set(path.get(path.size() - 1), value);
        return copy;
    }

    private static JsonNode without(ObjectNode valid, List<String> path) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode parent = path.size() == 1 ? copy : (ObjectNode) copy.get(path.get(0));
        parent.remove(path.get(path.size() - 1));
        return copy;
    }

    private static Schema full(String name) throws IOException {
        try (InputStream in = Files.newInputStream(PackageSchemaTest.DIR.resolve(name + ".schema.json"))) {
            return SCHEMAS.getSchema(in);
        }
    }

    private static String schemaText(String name) throws IOException {
        return Files.readString(PackageSchemaTest.DIR.resolve(name + ".schema.json"));
    }
}
