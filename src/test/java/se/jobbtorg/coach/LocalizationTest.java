package se.jobbtorg.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.TeamDevices;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.sync.Refusal;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;
import se.jobbtorg.coach.ui.caseload.CaseloadViewModel;
import se.jobbtorg.coach.ui.today.TodayViewModel;

/** Every key is in Swedish and English, every key the code uses exists, and none is unused. */
class LocalizationTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** Keys built at run time from enums and codes, rather than written out. */
    static Set<String> generatedKeys() {
        Set<String> keys = new TreeSet<>();
        for (Enum<?> e : Stream.of(
                        TargetGroup.values(),
                        ExitReason.values(),
                        ActivityKind.values(),
                        MappingArea.values(),
                        MappingStatus.values(),
                        Actor.values(),
                        PlanGoal.values(),
                        MeetingKind.values(),
                        MeetingOutcome.values(),
                        DeadlineKind.values(),
                        TodayViewModel.Horizon.values(),
                        EnrolmentStatus.PlanState.values(),
                        ExitCheck.values(),
                        SocialstyrelsenCodes.NationalExit.values(),
                        SocialstyrelsenCodes.NationalActivity.values())
                .flatMap(Stream::of)
                .toList()) {
            keys.add("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
        }
        for (var a : AuditAction.values()) {
            keys.add("audit.action." + a.code());
        }
        for (var k : AuditAction.Kind.values()) {
            keys.add("audit.kind." + k.name().toLowerCase(Locale.ROOT));
        }
        for (var r : AuditAction.Report.values()) {
            keys.add("audit.report." + r.code());
        }
        for (var p : PersonalIdentityNumber.Defect.values()) {
            keys.add("pin.problem." + p.name());
        }
        for (var s : CaseloadViewModel.Scope.values()) {
            keys.add("caseload.scope." + s.name().toLowerCase(Locale.ROOT));
        }
        for (var s : CaseloadRow.Status.values()) {
            keys.add("caseload.state." + s.name().toLowerCase(Locale.ROOT));
        }
        for (var definition : SelfSupport.values()) {
            keys.add("report.selfSupport." + definition.code());
            keys.add("report.selfSupport." + definition.code() + ".definition");
            keys.add("summary.chart." + definition.code());
        }
        for (var locale : I18n.SUPPORTED) {
            keys.add("settings.language." + locale.getLanguage());
        }
        keys.addAll(refusalKeys());
        for (var standing : TeamDevices.Standing.values()) {
            keys.add("sync.device.standing." + standing.name().toLowerCase(Locale.ROOT));
        }
        for (var entity : SyncEntities.all()) {
            for (String column : entity.dataColumns()) {
                // Fields that can be in conflict have a name; a name for no real field is unused.
                String key = "sync.field." + entity.name() + "." + column;
                if (new I18n(I18n.SUPPORTED.get(0)).has(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** Every reason a package can be refused for: each needs a sentence. */
    static Set<String> refusalKeys() {
        Set<String> keys = new TreeSet<>();
        for (Refusal refusal : Refusal.values()) {
            keys.add(refusal.key());
        }
        return keys;
    }

    @Test
    void everyRefusalReasonHasASentenceInBothLanguages() {
        Set<String> reasons = refusalKeys();
        assertTrue(reasons.size() > 10, "the reasons: " + reasons);
        for (var locale : I18n.SUPPORTED) {
            I18n i18n = new I18n(locale);
            for (String key : reasons) {
                assertTrue(i18n.has(key), locale + " lacks " + key);
            }
        }
    }

    static Set<String> literalsInCode() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    /** Dotted literals that are no key: file names, system properties, packages, the bench's files. */
    static boolean notAKey(String literal) {
        return literal.matches(".*\\.(db|properties|css|sql|log|txt|json|jsonl|zip|lst|tsv)$")
                || literal.matches("(java|os|user|org|fuse|jobbtorg|city)\\..*");
    }

    @Test
    void aMisspelledKeyIsFoundWhereverItIsMisspelled() {
        // What the check below counts as a key: a slip in the group's name is no escape.
        assertTrue(!notAKey("sycn.refused.invalid_value"));
        assertTrue(!notAKey("sync.refused.invalid_valeu"));
        assertTrue(notAKey("participants.jsonl") && notAKey("user.home"));
    }

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(
                new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheCodeUsesExistsAndNoKeyIsUnused() throws IOException {
        Set<String> keys = new TreeSet<>(load("messages.properties").stringPropertyNames());
        // The plan's own bundle (report/PlanText): its dotted keys are found here too, its
        // language files are checked by PlanTextTest.
        load("plan.properties").stringPropertyNames().stream()
                .filter(k -> k.contains("."))
                .forEach(keys::add);
        Set<String> used = new TreeSet<>(generatedKeys());
        // Every dotted literal is a key unless it is a file name, a system property or a
        // package: a key misspelled at a call site, even in its first part, is missing here.
        literalsInCode().stream().filter(k -> !notAKey(k)).forEach(used::add);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys used in code but missing from the bundle");
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys in the bundle that no code uses");
    }

    @Test
    void noTextHasASingleApostropheThatMessageFormatWouldEat() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                assertTrue(!text.replace("''", "").contains("'"), bundle + " " + key);
                assertTrue(!text.isBlank(), bundle + " " + key + " is empty");
            }
        }
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> seen = new TreeSet<>();
            for (String line : Files.readAllLines(BUNDLES.resolve(bundle), StandardCharsets.UTF_8)) {
                if (line.contains("=") && !line.startsWith("#")) {
                    String key = line.substring(0, line.indexOf('=')).strip();
                    assertTrue(seen.add(key), bundle + " has " + key + " twice; the later one would win silently");
                }
            }
        }
    }

    @Test
    void swedishIsTheDefaultWhateverTheMachineLanguage() {
        Locale machine = Locale.getDefault();
        // The build runs in Swedish; a machine set to English must still get Swedish.
        Locale.setDefault(Locale.ENGLISH);
        try {
            checkDefaults();
        } finally {
            Locale.setDefault(machine);
        }
    }

    private void checkDefaults() {
        assertEquals("Ärendelista", new I18n(Locale.forLanguageTag("sv-SE")).get("nav.caseload"));
        assertEquals("Ärendelista", new I18n(Locale.GERMAN).get("nav.caseload"));
        assertEquals("Caseload", new I18n(Locale.UK).get("nav.caseload"));
        assertEquals(
                "The participant's _own wishes",
                new I18n(Locale.UK).get("plan.wishes"),
                "an apostrophe shows once, with or without arguments");
        assertEquals(
                "Inskrivning av Anna Öberg",
                new I18n(Locale.forLanguageTag("sv")).get("enrolment.header", "Anna Öberg"));
        assertEquals(
                "2026-11-24",
                new I18n(Locale.ENGLISH).date(LocalDate.of(2026, 11, 24)),
                "dates are Swedish in English too");
    }
}
