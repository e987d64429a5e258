package se.jobbtorg.coach.store;

import java.util.List;

/** A table the schema's triggers keep, compared with the view it is derived from. */
final class KeptRows {
    private KeptRows() {}

    /**
     * The rows of the kept table that are not what the view derives now, as "extra key" (kept,
     * not derived) or "missing key" (derived, not kept), compared over these columns.
     */
    static List<String> amiss(Database db, String table, String view, String columns, String key) {
        String kept = "SELECT " + columns + " FROM " + table;
        String derived = "SELECT " + columns + " FROM " + view;
        return db.read(dsl -> dsl.fetch("SELECT 'extra ' || " + key + " FROM (" + kept + " EXCEPT " + derived
                        + ") UNION ALL SELECT 'missing ' || " + key + " FROM (" + derived + " EXCEPT " + kept
                        + ")")
                .getValues(0, String.class));
    }
}
