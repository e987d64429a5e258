package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the schema's triggers keep from the records (a person's search keys, migration 9; the
 * indicators' per-enrolment facts, 11; the people never enrolled, 20; what a coach's list computes
 * its rows from, 25), set aside while many rows are written and derived again after them in one
 * ordered pass each, inside the same transaction. Row by row at city size, each trigger writes to
 * random places of an index larger than the page cache. Two writers use it: the bench's bulk load ({@link BulkLoad#build}, which
 * also sets the secondary indexes aside) and an import into a database that holds nobody yet
 * ({@link #deferIfEmpty}). A transaction that rolls back takes the set-aside with it, so the
 * schema committed is always the one the transaction began with.
 *
 * <p>SQLite's own: the schema read from {@code sqlite_master}, triggers and indexes dropped and
 * made again from their SQL. When the merge runs on another database (a city hub), this is the
 * part of its adapter to write again.
 */
public final class DerivedData {
    private DerivedData() {}

    /**
     * For an import into a database that holds nobody yet (a new laptop's first snapshot, a
     * central copy made afresh): the triggers that keep derived data are set aside for the rest
     * of the transaction, and {@link Deferred#derive(Transaction)} derives that data at the end.
     * Row by row, each person's search keys went to random places of an index larger than the
     * page cache: at 100,000 participants 2.2 ms a person, 221 s of the import. The indexes stay:
     * the merge looks records up by them. In a database that holds anyone already nothing is set
     * aside, and derive does nothing.
     */
    public static Deferred deferIfEmpty(Transaction tx) {
        return tx.dsl().connectionResult(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM participant)"
                            + " OR EXISTS (SELECT 1 FROM enrolment) OR EXISTS (SELECT 1 FROM activity_plan)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    return new Deferred(null);
                }
            }
            Aside aside = Aside.of(c, false);
            aside.drop(c);
            return new Deferred(aside);
        });
    }

    /** Derived data set aside by {@link #deferIfEmpty}, derived by {@link #derive} in the same transaction. */
    public static final class Deferred {
        private Aside aside;

        private Deferred(Aside aside) {
            this.aside = aside;
        }

        /**
         * The search keys, the facts, the people never enrolled and the lists' inputs of
         * everything now in the database, in one ordered pass each, and the triggers made again;
         * once, inside the transaction that set them aside.
         */
        public void derive(Transaction tx) {
            if (aside == null) {
                return;
            }
            Aside restoring = aside;
            aside = null;
            tx.dsl().connection(c -> {
                try (Statement s = c.createStatement()) {
                    // The keys the remaining triggers made (a name changed within the package) go:
                    // all are derived again from the tokens.
                    s.executeUpdate("DELETE FROM participant_key");
                    s.executeUpdate(DERIVE_SEARCH_KEYS);
                    restoring.restore(s);
                }
            });
        }
    }

    /** The trigger of migration 9 that derives a new search token's keys, one token at a time. */
    private static final String SEARCH_KEYS_TRIGGER = "participant_search_keys_added";

    /**
     * A table the schema's triggers keep, one row at a time, from the view of the same name with
     * "_derived" (its triggers' names begin with the table's): set aside, it is derived again in
     * one pass in its key's order, with the columns the table has at this schema (the facts' kinds
     * in force came with migration 23, and a test of an older migration loads a city at its
     * schema).
     */
    private record KeptTable(String name, String order) {
        boolean keptBy(String trigger) {
            return trigger.startsWith(name + "_");
        }

        void derive(Statement s) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + name + ")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            String list = String.join(", ", columns);
            s.executeUpdate("DELETE FROM " + name);
            s.executeUpdate("INSERT INTO " + name + " (" + list + ") SELECT " + list + " FROM " + name
                    + "_derived ORDER BY " + order);
        }
    }

    /**
     * The indicators' per-enrolment facts (migration 11), the people never enrolled (20), and what
     * a coach's list computes its rows from (25).
     */
    private static final List<KeptTable> KEPT_TABLES = List.of(
            new KeptTable("enrolment_indicator", "referring_unit, enrolled_on, enrolment_id"),
            new KeptTable("participant_unenrolled", "participant_id"),
            new KeptTable("caseload_glance", "coach_id, enrolment_id"));

    /** Every token's prefixes at once, in key order (migration 9's own statement). */
    private static final String DERIVE_SEARCH_PREFIXES =
            "INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)"
                    + " SELECT substr(s.token, 1, l.n), p.sort_name, s.participant_id"
                    + " FROM participant_search s"
                    + " JOIN participant p ON p.id = s.participant_id"
                    + " JOIN search_prefix_length l ON l.n <= length(s.token)"
                    + " ORDER BY 1, 2, 3";

    /** Every token's keys at once, in key order (the parts of migration 17's trigger). */
    private static final String DERIVE_SEARCH_KEYS =
            "INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)"
                    + " SELECT substr(s.token, k.start, k.n), p.sort_name, s.participant_id"
                    + " FROM participant_search s"
                    + " JOIN participant p ON p.id = s.participant_id"
                    + " JOIN search_key_part k ON k.start + k.n - 1 <= length(s.token)"
                    + " AND (k.inner = 0 OR (length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'))"
                    + " ORDER BY 1, 2, 3";

    /**
     * The secondary indexes of the tables a load writes (when asked for), and the triggers that
     * keep derived data, as their SQL. A trigger left in place would run once per row against
     * tables whose indexes are set aside: the facts' triggers look up the person's other
     * enrolments and the plans of each, which without their indexes is a scan per row, quadratic
     * in the city.
     */
    record Aside(Map<String, String> indexes, Map<String, String> triggers) {
        static Aside of(Connection c, boolean withIndexes) throws SQLException {
            List<String> tables = new ArrayList<>();
            SyncEntities.all().forEach(e -> tables.add(e.table().getName()));
            tables.add(CHANGE_LOG.getName());
            tables.add(PARTICIPANT_SEARCH.getName());
            Map<String, String> indexes = new LinkedHashMap<>();
            Map<String, String> triggers = new LinkedHashMap<>();
            // Indexes with no SQL are a table's own key (sqlite_autoindex): they stay.
            try (PreparedStatement q = c.prepareStatement("SELECT type, name, tbl_name, sql FROM sqlite_master"
                            + " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    if ("index".equals(rs.getString(1)) && withIndexes && tables.contains(rs.getString(3))) {
                        indexes.put(name, rs.getString(4));
                    } else if ("trigger".equals(rs.getString(1))
                            && (SEARCH_KEYS_TRIGGER.equals(name)
                                    || KEPT_TABLES.stream().anyMatch(k -> k.keptBy(name)))) {
                        triggers.put(name, rs.getString(4));
                    }
                }
            }
            if (!triggers.containsKey(SEARCH_KEYS_TRIGGER)) {
                throw new StoreException("no trigger " + SEARCH_KEYS_TRIGGER + ": the schema is older than the load");
            }
            return new Aside(indexes, triggers);
        }

        void drop(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String name : indexes.keySet()) {
                    s.execute("DROP INDEX " + name);
                }
                for (String name : triggers.keySet()) {
                    s.execute("DROP TRIGGER " + name);
                }
            }
        }

        /**
         * Every person's search keys from their tokens, in one ordered pass (a database before
         * migration 17, in a test of an older migration, has prefixes only).
         */
        void deriveSearchKeys(Statement s) throws SQLException {
            s.executeUpdate(
                    triggers.get(SEARCH_KEYS_TRIGGER).contains("search_key_part")
                            ? DERIVE_SEARCH_KEYS
                            : DERIVE_SEARCH_PREFIXES);
        }

        /**
         * The indexes again, then the facts, the people never enrolled and the lists' inputs
         * derived in one pass each with them, then the triggers.
         */
        void restore(Statement s) throws SQLException {
            for (String sql : indexes.values()) {
                s.execute(sql);
            }
            // Only the tables whose triggers were set aside: a database at an older schema (a test
            // of migration 11 builds one at 10) has none of the later ones.
            for (KeptTable kept : KEPT_TABLES) {
                if (triggers.keySet().stream().anyMatch(kept::keptBy)) {
                    kept.derive(s);
                }
            }
            for (String sql : triggers.values()) {
                s.execute(sql);
            }
        }
    }
}
