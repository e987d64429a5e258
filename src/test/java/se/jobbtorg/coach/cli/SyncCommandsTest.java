package se.jobbtorg.coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.TestTeam;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.StoreException;
import se.jobbtorg.coach.store.sync.SyncedRecords;

/** import and export on real database files, their one-line output split as a script would. */
class SyncCommandsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {
        /** The words of the only line on stdout, key=value, after the verb. */
        Map<String, String> fields() {
            String[] lines = out.strip().split("\\R");
            assertEquals(1, lines.length, out);
            Map<String, String> map = new LinkedHashMap<>();
            String[] words = lines[0].split(" ");
            map.put("", words[0]);
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                map.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
            return map;
        }
    }

    interface Command {
        int run(PrintStream out, PrintStream err);
    }

    static Run run(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private final List<Path> laptops = new ArrayList<>();

    /**
     * A laptop's database with a coach and people, all invented. It joins the team: it and every
     * laptop made before admit each other, and it knows the team passphrase.
     */
    Path laptop(String name, String coach, int... serials) {
        Path file = dir.resolve(name + ".db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            var me = new CoachService(db).setCurrentCoach(coach, "Jobbtorg Kista");
            SyncService sync = new SyncService(db, CLOCK, () -> coach);
            sync.team().setTeamPassphrase("the Kista team's passphrase");
            for (Path other : laptops) {
                try (Database o = TestTeam.open(other, CLOCK)) {
                    TestTeam.admitEachOther(
                            sync,
                            new SyncService(o, CLOCK, () -> other.getFileName().toString()));
                }
            }
            laptops.add(file);
            var caseload = new CaseloadService(db, CLOCK);
            for (int serial : serials) {
                Participant p = caseload.register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), serial, false)
                                .display(),
                        "Test",
                        "Person" + serial,
                        null,
                        null,
                        null));
                caseload.enrol(new EnrolmentDraft(
                        p.id(),
                        me.id(),
                        LocalDate.of(2026, 11, 2),
                        "Försörjningsstöd Kista",
                        null,
                        EnumSet.of(TargetGroup.UNEMPLOYED),
                        null,
                        false));
            }
        }
        return file;
    }

    static void admitUnsigned(Path db, Path source) {
        String id;
        try (Database s = TestTeam.open(source, CLOCK)) {
            id = s.deviceId();
        }
        try (Database d = TestTeam.open(db, CLOCK)) {
            new SyncService(d, CLOCK, () -> "x").team().admitUnsigned(id, "another system");
        }
    }

    static String checksum(Path db) {
        try (Database d = Database.open(db, CLOCK, TestPassphrase.get())) {
            return new SyncedRecords(d).contentChecksum();
        }
    }

    static Run export(Path db, Path out) {
        return run((o, e) -> new SyncCommands(db, CLOCK, TestPassphrase.get()).export(null, null, out, o, e));
    }

    static Run importing(Path db, boolean dryRun, Path... files) {
        return run((o, e) ->
                new SyncCommands(db, CLOCK, TestPassphrase.get()).importPackages(List.of(files), dryRun, o, e));
    }

    @Test
    void aSnapshotExportedFromOneDatabaseImportsIntoAnotherOnceAndOnlyOnce() {
        Path linnea = laptop("linnea", "Linnea Ek", 101, 102);
        Path karim = laptop("karim", "Karim Haddad");
        Path pkg = dir.resolve("linnea.caseload.zip");

        Run exported = export(linnea, pkg);
        assertEquals(SyncCommands.OK, exported.code(), exported.err());
        Map<String, String> e = exported.fields();
        assertEquals("exported", e.get(""));
        assertEquals(pkg.toString(), e.get("file"));
        assertEquals("snapshot", e.get("kind"));
        assertEquals("5", e.get("changes"), "a coach, two people, two enrolments");
        assertEquals("0", e.get("from"));
        // The log also holds the trail: an entry for each of the four changes, and Karim's admission.
        assertEquals("10", e.get("to"));
        assertEquals(String.valueOf(pkg.toFile().length()), e.get("bytes"));
        assertTrue(Files.isRegularFile(pkg));

        Run first = importing(karim, false, pkg);
        assertEquals(SyncCommands.OK, first.code(), first.err());
        Map<String, String> i = first.fields();
        assertEquals("imported", i.get(""));
        assertEquals(e.get("device"), i.get("producer"));
        assertEquals("snapshot", i.get("kind"));
        assertEquals("5", i.get("new"));
        assertEquals("0", i.get("updated"));
        assertEquals("0", i.get("conflicts"));
        assertEquals("0", i.get("merged"));
        String after = checksum(karim);

        Run second = importing(karim, false, pkg);
        assertEquals(SyncCommands.OK, second.code(), second.err());
        assertEquals("0", second.fields().get("new"));
        assertEquals("0", second.fields().get("updated"));
        assertEquals("5", second.fields().get("unchanged"));
        assertEquals(after, checksum(karim), "the same package twice changes nothing");
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndChangesNothing() {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path karim = laptop("karim", "Karim Haddad", 202);
        Path pkg = dir.resolve("linnea.caseload.zip");
        assertEquals(SyncCommands.OK, export(linnea, pkg).code());
        String before = checksum(karim);

        Run dry = importing(karim, true, pkg);
        assertEquals(SyncCommands.OK, dry.code(), dry.err());
        assertEquals("would-import", dry.fields().get(""));
        assertEquals("3", dry.fields().get("new"));
        assertEquals(before, checksum(karim));

        Run real = importing(karim, false, pkg);
        assertEquals("3", real.fields().get("new"), "the dry run left nothing behind, not even the peer");
        assertFalse(before.equals(checksum(karim)));
    }

    @Test
    void aTamperedPackageIsRefusedWithItsReasonAndTheDatabaseIsUnchanged() throws IOException {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path karim = laptop("karim", "Karim Haddad", 202);
        Path good = dir.resolve("linnea.caseload.zip");
        assertEquals(SyncCommands.OK, export(linnea, good).code());
        Path bad = dir.resolve("tampered.caseload.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("participants.jsonl")) {
                    bytes[bytes.length - 1] ^= 1; // one bit of the (encrypted) people changed on the way
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        String before = checksum(karim);

        Run refused = importing(karim, false, bad);
        assertEquals(SyncCommands.FAILED, refused.code());
        assertEquals("", refused.out());
        assertEquals(
                "refused file=" + bad + " reason=checksum detail=participants.jsonl",
                refused.err().strip());
        assertEquals(before, checksum(karim));

        Run mixed = importing(karim, false, bad, good);
        assertEquals(SyncCommands.FAILED, mixed.code(), "one package refused: exit 1");
        assertTrue(mixed.err().contains("reason=checksum"), mixed.err());
        assertEquals("3", mixed.fields().get("new"), "the good package after it is still imported");
    }

    /**
     * A copy of a package with participants.jsonl edited and its checksum made right again: a plain
     * copy (opened with the producer's own key), as another system would write it back, unsigned.
     */
    Path rewritten(Path producer, Path encrypted, String from, String to) throws IOException {
        return rewritten(producer, encrypted, from, to, to);
    }

    Path rewritten(Path producer, Path encrypted, String from, String to, String name) throws IOException {
        Path good = dir.resolve("plain-" + name + ".caseload.zip");
        try (Database db = TestTeam.open(producer, CLOCK)) {
            TestTeam.plainCopy(encrypted, db, good);
        }
        Path bad = dir.resolve("rewritten-" + name + ".caseload.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            String people = new String(
                            in.getInputStream(in.getEntry("participants.jsonl")).readAllBytes(), StandardCharsets.UTF_8)
                    .replace(from, to);
            String sha;
            try {
                sha = HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(people.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (entry.getName().equals("signature.json")) {
                    continue; // rewritten by another system: unsigned, so the value check is the one met
                }
                String text = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("participants.jsonl")) {
                    text = people;
                } else if (entry.getName().equals("manifest.json")) {
                    text = text.replaceAll("(\"participants\\.jsonl\" : \")[0-9a-f]{64}", "$1" + sha);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bad;
    }

    /**
     * JSON nested hundreds deep, and a line with more after its object, are refused by their
     * code and place (not the parser's words), and the packages after them are still tried.
     */
    @Test
    void deepNestingAndTrailingTextAreRefusedByCodeAndTheNextPackageStillImports() throws IOException {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path good = dir.resolve("linnea.caseload.zip");
        assertEquals(SyncCommands.OK, export(linnea, good).code());
        String number =
                PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), 101, false).normalised();
        Path deep = rewritten(linnea, good, "\"" + number + "\"", "[".repeat(500) + "]".repeat(500), "deep");
        Path trailing = rewritten(linnea, good, "}\n", "} {}\n", "trailing");
        for (Path bad : List.of(deep, trailing)) {
            Path karim = laptop("karim-" + bad.getFileName(), "Karim Haddad", 202);
            admitUnsigned(karim, linnea);
            Run then = importing(karim, false, bad, good);
            assertEquals(SyncCommands.FAILED, then.code());
            assertEquals(
                    "refused file=" + bad + " reason=not_json detail=participants.jsonl:1",
                    then.err().strip(),
                    "the code and the place, no parser message");
            assertTrue(then.out().startsWith("imported file=" + good), "the good package after it: " + then.err());
        }
    }

    /** An empty file is no database: refused as damaged, and nothing is written into it. */
    @Test
    void anEmptyDatabaseFileIsRefusedAsDamagedAndLeftEmpty() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Run check = run((o, e) -> new CheckCommand(empty, CLOCK, TestPassphrase.get()).run(o, e));
        assertEquals(CheckCommand.DAMAGED, check.code(), check.err());
        assertTrue(check.err().startsWith("damaged file=" + empty), check.err());
        Run imported = importing(empty, false, dir.resolve("any.caseload.zip"));
        assertEquals(SyncCommands.FAILED, imported.code());
        assertTrue(imported.err().startsWith("damaged file=" + empty), imported.err());
        assertEquals(0, Files.size(empty), "no schema written into it");
    }

    /** A database that cannot be written says so in words, not in the driver's code. */
    @Test
    void aReadOnlyDatabaseIsNamedInWords() {
        var readOnly = new StoreException(
                "cannot open database",
                new SQLiteException(
                        "[SQLITE_READONLY] attempt to write a readonly database", SQLiteErrorCode.SQLITE_READONLY));
        String reason = DatabaseFile.reason(readOnly);
        assertTrue(reason.contains("read-only") && !reason.contains("SQLITE"), reason);
    }

    /**
     * Two databases copied from one file share a device id: a package from the copy is not taken
     * for this database's own (whose changes it has) but refused, saying what to do.
     */
    @Test
    void aPackageFromACopyOfThisDatabaseIsRefusedNotSilentlySkipped() throws IOException {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path copy = dir.resolve("copy.db");
        Files.copy(linnea, copy);
        try (Database db = Database.open(copy, CLOCK, TestPassphrase.get())) {
            new CaseloadService(db, CLOCK)
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1991, 3, 3), 303, false)
                                    .display(),
                            "Kopia",
                            "Person",
                            null,
                            null,
                            null));
        }
        Path fromCopy = dir.resolve("copy.caseload.zip");
        assertEquals(SyncCommands.OK, export(copy, fromCopy).code());
        Path own = dir.resolve("own.caseload.zip");
        assertEquals(SyncCommands.OK, export(linnea, own).code());

        Run refused = importing(linnea, false, fromCopy, own);
        assertTrue(refused.err().startsWith("refused file=" + fromCopy + " reason=same_device"), refused.err());
        assertTrue(refused.out().startsWith("imported file=" + own), "its own package is still fine: " + refused.out());
    }

    /**
     * A package whose lines pass the schema but hold a value the tables or the domain do not
     * accept (a personal identity number of 13 digits, one with a wrong check digit) is refused
     * like any other bad package: reason invalid_value, naming the package, the database
     * unchanged, and the next package on the command line still imported.
     */
    @Test
    void aValueTheTablesDoNotAcceptIsRefusedAsInvalidAndTheNextPackageStillImports() throws IOException {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path good = dir.resolve("linnea.caseload.zip");
        assertEquals(SyncCommands.OK, export(linnea, good).code());
        String number =
                PersonalIdentityNumber.of(LocalDate.of(1990, 5, 17), 101, false).normalised();
        char wrongDigit = (char) ('0' + (number.charAt(11) - '0' + 1) % 10);
        Path tooLong = rewritten(linnea, good, number, number + "0");
        Path wrongCheck = rewritten(linnea, good, number, number.substring(0, 11) + wrongDigit);

        // 13 digits: the schema's pattern refuses it; a wrong check digit: only the domain knows.
        for (var bad : Map.of(
                        tooLong, "schema detail=participants.jsonl:1", wrongCheck, "invalid_value detail=participant,")
                .entrySet()) {
            Path karim = laptop("karim-" + bad.getKey().getFileName(), "Karim Haddad", 202);
            admitUnsigned(karim, linnea); // the other system writes under linnea's device id
            String before = checksum(karim);
            Run alone = importing(karim, false, bad.getKey());
            assertEquals(SyncCommands.FAILED, alone.code());
            assertTrue(
                    alone.err().startsWith("refused file=" + bad.getKey() + " reason=" + bad.getValue()), alone.err());
            assertEquals("", alone.out());
            assertEquals(before, checksum(karim), "the database is unchanged");

            Run then = importing(karim, false, bad.getKey(), good);
            assertEquals(SyncCommands.FAILED, then.code());
            assertTrue(then.out().startsWith("imported file=" + good), "the good package after it: " + then.err());
            assertEquals("3", then.fields().get("new"));
        }
    }

    @Test
    void wrongArgumentsExitWithTwoAndAMissingDatabaseWithOne() {
        Path linnea = laptop("linnea", "Linnea Ek", 101);
        Path pkg = dir.resolve("x.caseload.zip");

        Run none = importing(linnea, false);
        assertEquals(SyncCommands.USAGE, none.code());
        assertTrue(none.err().startsWith("refused reason="), none.err());
        assertEquals(SyncCommands.USAGE, export(linnea, null).code());
        assertEquals(
                SyncCommands.USAGE,
                run((o, e) -> new SyncCommands(linnea, CLOCK, TestPassphrase.get())
                                .export(3L, UUID.randomUUID().toString(), pkg, o, e))
                        .code());
        Run itself = export(linnea, linnea);
        assertEquals(SyncCommands.USAGE, itself.code());
        assertEquals("refused reason=--out is the database itself", itself.err().strip());
        assertFalse(Files.exists(pkg));

        Path missing = dir.resolve("missing.db");
        Run noDb = importing(missing, false, pkg);
        assertEquals(SyncCommands.FAILED, noDb.code());
        assertEquals(
                "failed file=" + missing + " reason=no such file", noDb.err().strip());
        assertEquals(SyncCommands.FAILED, export(missing, pkg).code());
        assertFalse(Files.exists(missing), "no database is made by a command that names a wrong one");

        Run noPackage = importing(linnea, false, dir.resolve("nowhere.caseload.zip"));
        assertEquals(SyncCommands.FAILED, noPackage.code());
        assertTrue(noPackage.err().contains("reason=not_found"), noPackage.err());
    }

    @Test
    void sinceAndForExportDeltas() {
        Path linnea = laptop("linnea", "Linnea Ek", 101, 102);
        Path pkg = dir.resolve("since.caseload.zip");

        Run since = run((o, e) -> new SyncCommands(linnea, CLOCK, TestPassphrase.get()).export(5L, null, pkg, o, e));
        assertEquals(SyncCommands.OK, since.code(), since.err());
        assertEquals("delta", since.fields().get("kind"));
        // 1 the coach, 2-5 the first person and enrolment with their audit entries, 6-9 the second.
        assertEquals("5", since.fields().get("from"));
        assertEquals("2", since.fields().get("changes"));

        Run forUnknown = run((o, e) -> new SyncCommands(linnea, CLOCK, TestPassphrase.get())
                .export(null, UUID.randomUUID().toString(), pkg, o, e));
        assertEquals("snapshot", forUnknown.fields().get("kind"), "a device never met gets everything");
        assertEquals("5", forUnknown.fields().get("changes"));
    }
}
