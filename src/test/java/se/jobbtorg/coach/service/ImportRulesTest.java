package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.sync.CodeLists;
import se.jobbtorg.coach.sync.PackageRefusedException;

/**
 * Packages written from the published format alone (src/docs/caseload-package.md), unsigned, by
 * another system: whatever the forms refuse, import refuses too, naming the entity, the id, the
 * field and the rule; and text that is not one JSON value a line is refused by its code.
 */
class ImportRulesTest extends SyncFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String X = OTHER_SYSTEM;
    private static final String COACH = "cccccccc-0000-4000-8000-000000000001";
    private static final String PERSON = "bbbbbbbb-0000-4000-8000-000000000001";
    private static final String ENROLMENT = "eeeeeeee-0000-4000-8000-000000000001";
    private static final long T = Instant.parse("2026-11-24T08:00:00Z").toEpochMilli();

    private Device a;

    @BeforeEach
    void laptop() {
        a = new Device("a", 0);
    }

    private static String stamp(int counter) {
        return String.format("%013d-%04d-%s", T, counter, X);
    }

    private static ObjectNode line(String id, int counter, Map<String, Object> fields) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("stamp", stamp(counter));
        n.putNull("base");
        n.put("device", X);
        n.put("deleted", false);
        n.set("fields", JSON.valueToTree(fields));
        n.set("bases", JSON.createObjectNode());
        return n;
    }

    private static String coachLine() {
        return line(COACH, 0, Map.of("name", "Kim")).toString();
    }

    private static String personLine(Map<String, Object> changed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("personal_number", number(LocalDate.of(1990, 1, 1)));
        f.put("first_name", "Amina");
        f.put("last_name", "Exempelsson");
        f.putAll(changed);
        return line(PERSON, 1, f).toString();
    }

    private static String enrolmentLine(Map<String, Object> changed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("participant_id", PERSON);
        f.put("coach_id", COACH);
        f.put("enrolled_on", "2026-11-01");
        f.put("referring_unit", "Försörjningsstöd Kista");
        f.put("target_groups", "unemployed");
        f.put("interpreter_needed", 0);
        f.putAll(changed);
        return line(ENROLMENT, 2, f).toString();
    }

    private static String number(LocalDate born) {
        return PersonalIdentityNumber.of(born, 12, false).normalised();
    }

    /** A plain, unsigned package of format version 2, of these files' bytes and counts. */
    private Path write(String name, String manifestExtra, Map<String, byte[]> files, Map<String, Integer> counts)
            throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "jobbtorg-caseload-package");
        m.put("formatVersion", 2);
        m.put("packageId", UUID.randomUUID().toString());
        ObjectNode producer = m.putObject("producer");
        producer.put("device", X);
        producer.put("user", "Extern");
        m.put("createdAt", "2026-11-24T08:30:00Z");
        m.put("kind", "snapshot");
        m.putObject("sequence").put("from", 0).put("to", 3);
        m.set("codeLists", JSON.valueToTree(CodeLists.versions()));
        m.set("counts", JSON.valueToTree(counts));
        ObjectNode entries = m.putObject("entries");
        for (var f : files.entrySet()) {
            entries.put(
                    f.getKey(),
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue())));
        }
        m.putObject("received");
        String manifest = m.toPrettyString();
        if (!manifestExtra.isEmpty()) {
            manifest = manifest.replaceFirst("\\{", "{" + manifestExtra + ",");
        }
        Path pkg = dir.resolve(name + ".caseload.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pkg))) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return pkg;
    }

    private static byte[] text(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One coach, one person, one enrolment, the given lines in their places. */
    private Path pkg(String person, String enrolment) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("coaches.jsonl", text(coachLine()));
        files.put("participants.jsonl", text(person));
        files.put("enrolments.jsonl", text(enrolment));
        return write("p", "", files, Map.of("coach", 1, "participant", 1, "enrolment", 1));
    }

    private PackageRefusedException refused(Path pkg) {
        String before = a.checksum();
        PackageRefusedException e =
                assertThrows(PackageRefusedException.class, () -> a.sync.importPackage(pkg, false, x -> {}));
        assertEquals(before, a.checksum(), "a refused package changes nothing");
        return e;
    }

    private void assertInvalid(Path pkg, String entity, String id, String field, String rule) {
        PackageRefusedException e = refused(pkg);
        assertEquals("invalid_value", e.reason(), e.getMessage());
        assertEquals(List.of(entity, id, field, rule), e.args());
    }

    @Test
    void aPackageThatKeepsEveryRuleImports() throws Exception {
        Path pkg = pkg(
                personLine(Map.of()),
                enrolmentLine(
                        Map.of("exited_on", "2026-11-20", "exit_reason", "unknown", "exit_note", "Ringt tre gånger")));
        assertEquals(3, a.sync.importPackage(pkg, false, x -> {}).created());
    }

    @Test
    void anExitIsRefusedAsTheExitFormRefusesIt() throws Exception {
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("exited_on", "2026-11-20"))),
                "enrolment",
                ENROLMENT,
                "exit_reason",
                "required");
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("exit_reason", "work"))),
                "enrolment",
                ENROLMENT,
                "exited_on",
                "required");
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("exited_on", "2026-10-01", "exit_reason", "work"))),
                "enrolment",
                ENROLMENT,
                "exited_on",
                "before_enrolment");
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("exited_on", "2026-11-20", "exit_reason", "unknown"))),
                "enrolment",
                ENROLMENT,
                "exit_note",
                "unknown_needs_note");
    }

    @Test
    void datesInTheFutureOrThatDoNotExistAreRefused() throws Exception {
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("enrolled_on", "2026-12-24"))),
                "enrolment",
                ENROLMENT,
                "enrolled_on",
                "future");
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("exited_on", "2026-12-01", "exit_reason", "work"))),
                "enrolment",
                ENROLMENT,
                "exited_on",
                "not_in_future");
        assertInvalid(
                pkg(personLine(Map.of()), enrolmentLine(Map.of("enrolled_on", "2026-02-30"))),
                "enrolment",
                ENROLMENT,
                "enrolled_on",
                "no_such_date");
    }

    @Test
    void aPersonIsRefusedAsTheRegistrationFormRefusesThem() throws Exception {
        String enrolment = enrolmentLine(Map.of());
        assertInvalid(
                pkg(personLine(Map.of("first_name", " ")), enrolment), "participant", PERSON, "first_name", "required");
        assertInvalid(
                pkg(personLine(Map.of("personal_number", number(LocalDate.of(2090, 1, 1)))), enrolment),
                "participant",
                PERSON,
                "personal_number",
                "future_date");
        assertInvalid(
                pkg(personLine(Map.of("personal_number", "199001011234")), enrolment),
                "participant",
                PERSON,
                "personal_number",
                "wrong_check_digit");
        for (String name : List.of("Amina\u0000", "\u001b[2JAmina", "Amina\u202eanimA")) {
            assertInvalid(
                    pkg(personLine(Map.of("last_name", name)), enrolment),
                    "participant",
                    PERSON,
                    "last_name",
                    "control_character");
        }
    }

    @Test
    void invalidUtf8IsRefusedNotStoredAsReplacementCharacters() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(personLine(Map.of("last_name", "Exempel@")).getBytes(StandardCharsets.UTF_8));
        byte[] line = bytes.toByteArray();
        // The '@' becomes a lone continuation byte: no UTF-8 text has it.
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '@') {
                line[i] = (byte) 0x80;
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("coaches.jsonl", text(coachLine()));
        files.put(
                "participants.jsonl",
                (new String(line, StandardCharsets.ISO_8859_1) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        PackageRefusedException e = refused(write("utf8", "", files, Map.of("coach", 1, "participant", 1)));
        assertEquals("invalid_value", e.reason(), e.getMessage());
        assertEquals(List.of("participants.jsonl:1", "-", "-", "utf-8"), e.args());
    }

    @Test
    void duplicateKeysInALineOrTheManifestAreRefused() throws Exception {
        String person = personLine(Map.of())
                .replace("\"first_name\":\"Amina\"", "\"first_name\":\"Amina\",\"first_name\":\"\"");
        PackageRefusedException e = refused(pkg(person, enrolmentLine(Map.of())));
        assertEquals("invalid_value", e.reason(), e.getMessage());
        assertEquals(List.of("participants.jsonl:1", "-", "first_name", "duplicate_key"), e.args());

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("coaches.jsonl", text(coachLine()));
        e = refused(write("dupmanifest", "\"kind\" : \"delta\"", files, Map.of("coach", 1)));
        assertEquals("invalid_value", e.reason(), e.getMessage());
        assertEquals(List.of("manifest.json", "-", "kind", "duplicate_key"), e.args());
    }

    @Test
    void deepNestingTrailingTokensAndBlankLinesAreNotJson() throws Exception {
        String deep = "{\"id\":" + "[".repeat(600) + "]".repeat(600) + "}";
        for (String bad : List.of(deep, coachLine() + " {}", coachLine() + " x", "")) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("coaches.jsonl", text(coachLine(), bad, coachLine().replace("0001", "0002")));
            PackageRefusedException e = refused(write("bad", "", files, Map.of("coach", 3)));
            assertEquals("not_json", e.reason(), bad.length() > 60 ? bad.substring(0, 60) : bad);
            assertEquals(List.of("coaches.jsonl:2"), e.args());
        }
    }

    @Test
    void linesBeyondTheManifestsCountAreNotRead() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        // Garbage after the promised line: refused for the count, before it is parsed.
        files.put("coaches.jsonl", text(coachLine(), "not json", "not json"));
        PackageRefusedException e = refused(write("more", "", files, Map.of("coach", 1)));
        assertEquals("count", e.reason(), e.getMessage());
        assertEquals(List.of("coaches.jsonl", "1", "2+"), e.args());
    }
}
