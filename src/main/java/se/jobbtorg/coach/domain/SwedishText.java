package se.jobbtorg.coach.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text rules for names as Swedish users expect them: å, ä, ö are letters of their own that sort
 * after z, while other accents fold away (José is found by typing "jose").
 */
public final class SwedishText {
    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private SwedishText() {}

    /**
     * Lower case, accents other than å, ä, ö removed, æ and ø read as ä and ö (as Swedish
     * dictionaries do).
     */
    public static String fold(String text) {
        // NFC first: a decomposed Ö (as macOS and some web forms send it) is still an Ö.
        String lower = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(SWEDISH);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'å', 'ä', 'ö' -> out.append(c);
                case 'æ' -> out.append('ä');
                case 'ø' -> out.append('ö');
                default -> {
                    String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                    for (int j = 0; j < base.length(); j++) {
                        char b = base.charAt(j);
                        if (Character.getType(b) != Character.NON_SPACING_MARK) {
                            out.append(b);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A key whose plain binary order (as SQLite compares text) is Swedish alphabetical order:
     * å, ä, ö come after z, ü sorts as y, other accents fold away. Lets the database sort and
     * page names without a collation; the screen sorts with the same key (see {@link #compare}).
     */
    public static String sortKey(String lastName, String firstName) {
        return key(lastName) + " " + key(firstName);
    }

    /** Swedish alphabetical order of two texts, the same order the database keeps. */
    public static int compare(String a, String b) {
        return key(a == null ? "" : a).compareTo(key(b == null ? "" : b));
    }

    private static String key(String text) {
        String lower = Normalizer.normalize(text.strip(), Normalizer.Form.NFC)
                .toLowerCase(SWEDISH)
                .replace('ü', 'y');
        String folded = fold(lower);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append(
                    switch (c) {
                        case 'å' -> '{';
                        case 'ä' -> '|';
                        case 'ö' -> '}';
                        default -> c;
                    });
        }
        return out.toString();
    }

    /** The words of a name as search tokens: "Anna-Karin Öberg" gives anna-karin, anna, karin, öberg. */
    public static Set<String> nameTokens(String... names) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            for (String word : fold(name).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                tokens.add(word);
                for (String part : word.split("[-'’.]")) {
                    if (!part.isEmpty()) {
                        tokens.add(part);
                    }
                }
            }
        }
        return tokens;
    }

    /** The forms of a number a coach types: 12 digits, 10 digits, or the last four. */
    public static Set<String> numberTokens(PersonalIdentityNumber number) {
        String twelve = number.normalised();
        return new LinkedHashSet<>(Set.of(twelve, twelve.substring(2), twelve.substring(8)));
    }

    /**
     * What a typed search word is compared with: digits only if it looks like a number
     * (separators dropped), otherwise folded text.
     */
    public static String queryToken(String word) {
        String stripped = word.replaceAll("[-+\\s]", "");
        if (!stripped.isEmpty() && stripped.chars().allMatch(Character::isDigit)) {
            return stripped;
        }
        return fold(word);
    }
}
