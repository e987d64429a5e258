package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwedishTextTest {

    @Test
    void foldingKeepsÅÄÖButDropsOtherAccents() {
        assertEquals("åsa öberg-älv", SwedishText.fold(" Åsa Öberg-Älv "));
        assertEquals("jose muller", SwedishText.fold("José Müller"));
        assertEquals("lärke sören", SwedishText.fold("Lærke Søren"));
    }

    @Test
    void theSortKeyOrdersLikeASwedishDictionary() {
        List<String> names = new ArrayList<>(
                List.of("Öberg", "Zackrisson", "Åberg", "Ärlig", "Berg", "Bergman", "Éklund", "Ekberg", "Andersson"));
        names.sort(Comparator.comparing(n -> SwedishText.sortKey(n, "A")));
        assertEquals(
                List.of("Andersson", "Berg", "Bergman", "Ekberg", "Éklund", "Zackrisson", "Åberg", "Ärlig", "Öberg"),
                names);
    }

    @Test
    void theFirstNameBreaksTiesAfterTheLastName() {
        assertTrue(SwedishText.sortKey("Berg", "Zara").compareTo(SwedishText.sortKey("Bergman", "Anna")) < 0);
        assertTrue(SwedishText.sortKey("Berg", "Anna").compareTo(SwedishText.sortKey("Berg", "Åsa")) < 0);
    }

    @Test
    void nameTokensCoverEveryPartOfADoubleName() {
        assertEquals(
                Set.of("anna-karin", "anna", "karin", "von", "öberg"),
                SwedishText.nameTokens("Anna-Karin", "von Öberg"));
    }

    @Test
    void numberTokensAreTheFormsACoachTypes() {
        var number = PersonalIdentityNumber.of(LocalDate.of(1985, 3, 12), 123, false);
        String twelve = number.normalised();
        assertEquals(Set.of(twelve, twelve.substring(2), twelve.substring(8)), SwedishText.numberTokens(number));
    }

    @Test
    void aTypedNumberLosesItsSeparatorsAndAWordIsFolded() {
        assertEquals("198503121234", SwedishText.queryToken("19850312-1234"));
        assertEquals("1234", SwedishText.queryToken("1234"));
        assertEquals("öberg", SwedishText.queryToken("ÖBERG"));
        assertEquals("anna-k", SwedishText.queryToken("Anna-K"));
    }

    @Test
    void aDecomposedÖIsStillAnÖ() {
        String decomposed = Normalizer.normalize("Öberg", Normalizer.Form.NFD);
        assertEquals("öberg", SwedishText.fold(decomposed));
        assertEquals(SwedishText.sortKey("Öberg", "Anna"), SwedishText.sortKey(decomposed, "Anna"));
    }

    @Test
    void üSortsAsYAndWIsItsOwnLetter() {
        List<String> names = new ArrayList<>(List.of("Müller", "Myrberg", "Muskos", "Vik", "Waern", "Vogel"));
        names.sort(SwedishText::compare);
        assertEquals(List.of("Muskos", "Müller", "Myrberg", "Vik", "Vogel", "Waern"), names);
    }
}
