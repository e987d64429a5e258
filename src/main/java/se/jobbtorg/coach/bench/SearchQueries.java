package se.jobbtorg.coach.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a coach types into the search field, one keystroke at a time (each prefix is a query, as
 * search as you type runs one per key): names (å, ä and ö among their first letters), a first and
 * a last name, the last four digits of a number, and a date of birth as 12-digit numbers begin.
 */
final class SearchQueries {
    private SearchQueries() {}

    static List<String> of(Random random, LocalDate today, int count) {
        List<String> queries = new ArrayList<>();
        while (queries.size() < count) {
            String typed = switch (random.nextInt(5)) {
                case 0 -> SyntheticCity.LAST[random.nextInt(SyntheticCity.LAST.length)];
                case 1 ->
                    SyntheticCity.FIRST[random.nextInt(SyntheticCity.FIRST.length)] + " "
                            + SyntheticCity.LAST[random.nextInt(SyntheticCity.LAST.length)];
                case 2 -> umlautName(random);
                case 3 -> String.format("%04d", random.nextInt(10_000));
                default ->
                    today.minusYears(18 + random.nextInt(47))
                            .minusDays(random.nextInt(365))
                            .toString()
                            .replace("-", "");
            };
            for (int i = 1; i <= typed.length() && queries.size() < count; i++) {
                String prefix = typed.substring(0, i);
                if (!prefix.isBlank() && !prefix.endsWith(" ")) {
                    queries.add(prefix);
                }
            }
        }
        return queries;
    }

    private static String umlautName(Random random) {
        List<String> names = new ArrayList<>();
        for (String n : SyntheticCity.LAST) {
            if (n.matches("^[ÅÄÖ].*") || n.matches(".*[åäö].*")) {
                names.add(n);
            }
        }
        for (String n : SyntheticCity.FIRST) {
            if (n.matches("^[ÅÄÖ].*")) {
                names.add(n);
            }
        }
        return names.get(random.nextInt(names.size()));
    }
}
