package se.jobbtorg.coach.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line that is not JSON, in an entry whose checksum and count are right, is refused as
 * not_json, naming the file and line, like every other fault of a package.
 */
class NotJsonLineTest {
    @TempDir
    Path dir;

    /** A plain package (format version 1, before encryption) whose lines can be altered. */
    static final Path PLAIN = Path.of("src/test/resources/caseload-package/v1-example.caseload.zip");

    /** The plain example with coaches.jsonl replaced by one line, checksum made right. */
    private Path withCoachLine(String line) throws IOException, NoSuchAlgorithmException {
        Path bad = dir.resolve("bad.caseload.zip");
        String text = line + "\n";
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        try (ZipFile in = new ZipFile(PLAIN.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                if (e.getName().equals(PackageWriter.SIGNATURE)) {
                    continue; // rewritten: unsigned, so the line check is the one met
                }
                String t = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("coaches.jsonl")) {
                    t = text;
                }
                if (e.getName().equals(PackageWriter.MANIFEST)) {
                    t = t.replaceAll("(\"coaches\\.jsonl\" : \")[0-9a-f]{64}", "$1" + sha);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(t.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bad;
    }

    @Test
    void aLineThatIsNotJsonIsRefusedAsNotJson() throws Exception {
        for (String line : List.of("not json at all", "{\"id\": ")) {
            Path bad = withCoachLine(line);
            PackageRefusedException refused =
                    assertThrows(PackageRefusedException.class, () -> new PackageReader().read(bad), line);
            assertEquals("not_json", refused.reason(), line);
            assertEquals(List.of("coaches.jsonl:1"), refused.args());
        }
        assertEquals(
                "schema",
                assertThrows(PackageRefusedException.class, () -> new PackageReader().read(withCoachLine("[1, 2]")))
                        .reason(),
                "JSON, but not a change");
    }
}
