package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.PlanGoal;

/**
 * Every language of the plan has every text of the Swedish one, with the same values in it, and
 * a name for every activity kind, goal and meeting kind. Each file is read on its own, so that a
 * missing text cannot hide behind the Swedish one (a bundle falls back to its parent).
 */
class PlanTextTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @ParameterizedTest
    @EnumSource(value = PlanLanguage.class, names = "SWEDISH", mode = EnumSource.Mode.EXCLUDE)
    void everyTextOfTheSwedishPlanIsInEachLanguageWithTheSameValues(PlanLanguage language) throws Exception {
        Properties swedish = file("plan");
        Properties other = file("plan_" + language.locale().getLanguage());
        for (String key : swedish.stringPropertyNames()) {
            String text = other.getProperty(key);
            assertTrue(text != null && !text.isBlank(), key + " is missing in " + language);
            assertEquals(arguments(swedish.getProperty(key)), arguments(text), key + " in " + language);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PlanLanguage.class, names = "SWEDISH", mode = EnumSource.Mode.EXCLUDE)
    void everyActivityKindGoalAndMeetingKindHasANameInEachLanguage(PlanLanguage language) {
        PlanText t = new PlanText(language);
        Stream.of(ActivityKind.values(), PlanGoal.values(), MeetingKind.values())
                .flatMap(Stream::of)
                .forEach(value -> {
                    String name = t.of(value);
                    assertTrue(!name.isBlank() && !name.startsWith("!"), value + " in " + language);
                });
    }

    @Test
    void theLanguageIsFoundFromTheEnrolmentAsTheCoachWroteIt() {
        assertEquals(Optional.of(PlanLanguage.ARABIC), PlanLanguage.besideSwedish("arabiska"));
        assertEquals(Optional.of(PlanLanguage.SOMALI), PlanLanguage.besideSwedish(" Somaliska "));
        assertEquals(Optional.of(PlanLanguage.ENGLISH), PlanLanguage.besideSwedish("English"));
        assertEquals(Optional.empty(), PlanLanguage.besideSwedish("svenska"), "Swedish alone");
        assertEquals(Optional.empty(), PlanLanguage.besideSwedish("tigrinja"), "a language it cannot print yet");
        assertEquals(Optional.empty(), PlanLanguage.besideSwedish(null));
    }

    private static Properties file(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PlanTextTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
