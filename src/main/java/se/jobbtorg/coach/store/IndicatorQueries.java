package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT_INDICATOR;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.DeadlineRules;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.Indicators.Figure;
import se.jobbtorg.coach.domain.Indicators.Share;
import se.jobbtorg.coach.domain.SelfSupport;

/**
 * The indicators of {@link Indicators#compute} counted from the facts the schema keeps, one row per
 * enrolment, in enrolment_indicator: its dates, its exit and the check after it, its first
 * approvals, the exit it returned after, and the kinds of its activities in force (kept by the
 * triggers of migrations 11 and 23 as the enrolments, plans and activities are written).
 *
 * <p>A report reads the enrolments of its period (and unit) in one range of that table and counts
 * every figure in one pass over them here, by the rules of {@link Indicators#compute} written per
 * enrolment. At 100,000 participants (148,000 enrolments) a report over the city took 1.6-2.5 s
 * with forty filtered counts in SQL and the activities looked up per enrolment; read in one range
 * and counted here, 0.25-0.3 s, most of it reading the rows (issue 16). Each figure reads its
 * enrolments again only when asked, by the same rule,
 * so that the lists behind every figure are not held at city scale. The rules are held to
 * {@link Indicators#compute}, figure by figure and list by list, on generated cities
 * (IndicatorQueriesTest).
 */
public final class IndicatorQueries {
    /** In the order the figures list their enrolments: by enrolment date, then id. */
    private static final Comparator<Kept> LISTED =
            Comparator.comparing(Kept::enrolled).thenComparing(Kept::id);

    private final Database db;

    public IndicatorQueries(Database db) {
        this.db = db;
    }

    /** The period, the report date and the unit (null: every unit) a report is asked for. */
    private record Ask(LocalDate from, LocalDate to, LocalDate reportDate, String unit) {
        Condition scope() {
            var f = ENROLMENT_INDICATOR;
            Condition c = f.DELETED.eq(0).and(f.ENROLLED_ON.ge(from.toString())).and(f.ENROLLED_ON.le(to.toString()));
            return unit == null ? c : c.and(f.REFERRING_UNIT.eq(unit));
        }
    }

    /**
     * One enrolment's kept facts: its id only when a figure lists it; the kinds as kept
     * (comma-separated codes, or null).
     */
    private record Kept(
            String id,
            LocalDate enrolled,
            LocalDate exited,
            ExitReason reason,
            ExitCheck check,
            LocalDate firstPlan,
            LocalDate firstReview,
            LocalDate lastExit,
            String kinds) {

        boolean exitedBy(LocalDate day) {
            return exited != null && !exited.isAfter(day);
        }

        /** "Has passed its mark on the report date": the mark lies before it. */
        boolean passed(int months, LocalDate reportDate) {
            return enrolled.plusMonths(months).isBefore(reportDate);
        }

        boolean answered() {
            return check == ExitCheck.IN_WORK_OR_STUDIES || check == ExitCheck.NOT_IN_WORK_OR_STUDIES;
        }

        boolean dueForPlan(LocalDate reportDate) {
            LocalDate due = DeadlineRules.planDue(enrolled);
            return due.isBefore(reportDate)
                    && (exited == null || exited.isAfter(due) || firstPlan != null && !firstPlan.isAfter(exited));
        }

        boolean reviewDue(LocalDate reportDate) {
            if (firstPlan == null) {
                return false;
            }
            LocalDate due = DeadlineRules.reviewDue(firstPlan);
            return due.isBefore(reportDate) && (exited == null || exited.isAfter(due));
        }

        /** Each activity's kind, once per activity. */
        void eachKind(Consumer<ActivityKind> to) {
            if (kinds == null) {
                return;
            }
            int start = 0;
            while (start <= kinds.length()) {
                int end = kinds.indexOf(',', start);
                if (end < 0) {
                    end = kinds.length();
                }
                // an unknown kind fails here, as it does when facts are read
                to.accept(Coded.ofCode(ActivityKind.class, kinds.substring(start, end)));
                start = end + 1;
            }
        }
    }

    /** A named rule of the report: which enrolments of the period a figure counts. */
    private record Rule(String name, Predicate<Kept> holds) {}

    public Indicators.Report report(LocalDate from, LocalDate to, LocalDate reportDate, String referringUnit) {
        Ask ask = new Ask(from, to, reportDate, referringUnit);
        LocalDate r = reportDate;

        // The rules of Indicators.compute, per enrolment, in one list: counted in one pass.
        Map<String, Rule> rules = new LinkedHashMap<>();
        add(rules, "enrolled", e -> true);
        add(rules, "active", e -> e.exited() == null || e.exited().isAfter(r));
        add(rules, "exits", e -> e.exitedBy(r));
        for (ExitReason reason : ExitReason.values()) {
            add(rules, "exits " + reason.code(), e -> e.exitedBy(r) && e.reason() == reason);
        }
        for (int months : Indicators.MONTHS) {
            add(rules, "cohort " + months, e -> e.passed(months, r));
            add(rules, "too young " + months, e -> !e.passed(months, r));
            for (SelfSupport definition : SelfSupport.values()) {
                add(
                        rules,
                        "self-support " + months + " " + definition,
                        e -> e.passed(months, r)
                                && e.exited() != null
                                && !e.exited().isAfter(e.enrolled().plusMonths(months))
                                && definition.counts(e.reason()));
            }
        }
        add(rules, "returns", e -> e.lastExit() != null);
        add(rules, "with plan", e -> e.firstPlan() != null);
        add(rules, "due for plan", e -> e.dueForPlan(r));
        add(
                rules,
                "plan within five",
                e -> e.dueForPlan(r)
                        && e.firstPlan() != null
                        && !e.firstPlan().isAfter(DeadlineRules.planDue(e.enrolled())));
        add(rules, "review due", e -> e.reviewDue(r));
        add(
                rules,
                "review on time",
                e -> e.reviewDue(r)
                        && e.firstReview() != null
                        && !e.firstReview().isAfter(DeadlineRules.reviewDue(e.firstPlan())));
        add(rules, "checked", e -> e.exitedBy(r) && e.answered());
        add(rules, "checked in work", e -> e.exitedBy(r) && e.check() == ExitCheck.IN_WORK_OR_STUDIES);
        // Only exits a month old can have been checked.
        add(
                rules,
                "not checked",
                e -> e.exitedBy(r) && !e.answered() && !e.exited().plusMonths(1).isAfter(r));

        // Counted as they are read: at city size the rows are not held.
        Tally tally = new Tally(List.copyOf(rules.values()));
        db.read(dsl -> {
            each(dsl, ask, false, tally);
            return null;
        });
        Map<String, Figure> figures = new HashMap<>();
        for (int i = 0; i < tally.counts.length; i++) {
            Rule rule = tally.rules.get(i);
            figures.put(rule.name(), figure(ask, rule, tally.counts[i]));
        }

        Map<ExitReason, Figure> exitsByReason = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            exitsByReason.put(reason, figures.get("exits " + reason.code()));
        }
        List<Indicators.SelfSupportAt> selfSupport = new ArrayList<>();
        for (int months : Indicators.MONTHS) {
            Figure cohort = figures.get("cohort " + months);
            Map<SelfSupport, Share> shares = new EnumMap<>(SelfSupport.class);
            for (SelfSupport definition : SelfSupport.values()) {
                shares.put(definition, new Share(figures.get("self-support " + months + " " + definition), cohort));
            }
            selfSupport.add(new Indicators.SelfSupportAt(months, cohort, figures.get("too young " + months), shares));
        }
        Map<ActivityKind, Figure> activities = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.values()) {
            activities.put(kind, activities(ask, kind, tally.byKind.getOrDefault(kind, 0)));
        }
        return new Indicators.Report(
                from,
                to,
                reportDate,
                figures.get("enrolled"),
                figures.get("active"),
                exitsByReason,
                new Share(exitsByReason.get(ExitReason.UNKNOWN), figures.get("exits")),
                selfSupport,
                figures.get("returns"),
                tally.daysToReturn.median(),
                tally.daysToPlan.median(),
                new Share(figures.get("plan within five"), figures.get("due for plan")),
                new Share(figures.get("review on time"), figures.get("review due")),
                activities,
                new Share(figures.get("checked in work"), figures.get("checked")),
                figures.get("not checked"));
    }

    /** One pass over the enrolments of a report: each rule's count, the days for the medians, the kinds. */
    private static final class Tally implements Consumer<Kept> {
        final List<Rule> rules;
        final int[] counts;
        final Days daysToReturn = new Days();
        final Days daysToPlan = new Days();
        final Map<ActivityKind, Integer> byKind = new EnumMap<>(ActivityKind.class);

        Tally(List<Rule> rules) {
            this.rules = rules;
            this.counts = new int[rules.size()];
        }

        @Override
        public void accept(Kept e) {
            for (int i = 0; i < counts.length; i++) {
                if (rules.get(i).holds().test(e)) {
                    counts[i]++;
                }
            }
            if (e.lastExit() != null) {
                daysToReturn.add(ChronoUnit.DAYS.between(e.lastExit(), e.enrolled()));
            }
            if (e.firstPlan() != null) {
                daysToPlan.add(ChronoUnit.DAYS.between(e.enrolled(), e.firstPlan()));
            }
            e.eachKind(kind -> byKind.merge(kind, 1, Integer::sum));
        }
    }

    /** Whole days, for a median. */
    private static final class Days {
        private long[] values = new long[64];
        private int n;

        void add(long days) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = days;
        }

        Integer median() {
            return Indicators.median(values, n);
        }
    }

    private static void add(Map<String, Rule> rules, String name, Predicate<Kept> holds) {
        rules.put(name, new Rule(name, holds));
    }

    /** A figure of count enrolments; its enrolments are read again, by the same rule, when asked. */
    private Figure figure(Ask ask, Rule rule, int count) {
        return Figure.counted(count, List.of(ask, rule.name()), () -> {
            List<Kept> rows = kept(ask, rule.holds());
            return rows.stream().map(e -> UUID.fromString(e.id())).toList();
        });
    }

    /** Activities of a kind: each activity of an enrolment's plan in force counts once for its enrolment. */
    private Figure activities(Ask ask, ActivityKind kind, int count) {
        return Figure.counted(count, List.of(ask, kind), () -> {
            List<Kept> rows = kept(ask, e -> e.kinds() != null);
            List<UUID> ids = new ArrayList<>();
            for (Kept e : rows) {
                e.eachKind(k -> {
                    if (k == kind) {
                        ids.add(UUID.fromString(e.id()));
                    }
                });
            }
            return ids;
        });
    }

    /** The kept facts of the enrolments asked for where the rule holds, in the order figures list them. */
    private List<Kept> kept(Ask ask, Predicate<Kept> rule) {
        List<Kept> rows = new ArrayList<>();
        db.read(dsl -> {
            each(dsl, ask, true, e -> {
                if (rule.test(e)) {
                    rows.add(e);
                }
            });
            return null;
        });
        rows.sort(LISTED);
        return rows;
    }

    /** Between the facts of a row read as one text: no date, code or kind holds it. */
    private static final byte SEPARATOR = '|';

    /**
     * The kept facts of the enrolments asked for, one by one, in the table's order; with their ids
     * when a figure lists them (a count needs none).
     *
     * <p>Each row's facts come as one text, read as bytes and cut here: at city size reading the
     * rows is most of a report's time, and through the driver that time is mostly one call per
     * value (on the 100,000 city: eight columns 0.20-0.25 s, one 0.10 s; issue 16).
     */
    private static void each(DSLContext dsl, Ask ask, boolean withIds, Consumer<Kept> to) {
        var f = ENROLMENT_INDICATOR;
        Field<String> separator = DSL.inline("|");
        Field<String> empty = DSL.inline("");
        Field<String> facts = DSL.concat(
                f.ENROLLED_ON,
                separator,
                DSL.coalesce(f.EXITED_ON, empty),
                separator,
                DSL.coalesce(f.EXIT_REASON, empty),
                separator,
                DSL.coalesce(f.EXIT_CHECK, empty),
                separator,
                DSL.coalesce(f.FIRST_PLAN, empty),
                separator,
                DSL.coalesce(f.FIRST_REVIEW, empty),
                separator,
                DSL.coalesce(f.LAST_EXIT, empty),
                separator,
                DSL.coalesce(f.IN_FORCE_KINDS, empty));
        ResultQuery<?> query = dsl.select(facts, withIds ? f.ENROLMENT_ID : DSL.inline((String) null))
                .from(f)
                .where(ask.scope());
        dsl.connection(c -> {
            try (PreparedStatement s = c.prepareStatement(query.getSQL())) {
                List<Object> binds = query.getBindValues();
                for (int i = 0; i < binds.size(); i++) {
                    s.setObject(i + 1, binds.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        to.accept(cut(rs.getBytes(1), withIds ? rs.getString(2) : null));
                    }
                }
            }
        });
    }

    /** A row's facts from their one text (see {@link #each}). */
    private static Kept cut(byte[] row, String id) {
        int[] ends = new int[8];
        int n = 0;
        for (int i = 0; i < row.length && n < ends.length - 1; i++) {
            if (row[i] == SEPARATOR) {
                ends[n++] = i;
            }
        }
        if (n != ends.length - 1) {
            throw new StoreException("enrolment_indicator: a row of " + (n + 1) + " facts, not " + ends.length);
        }
        ends[n] = row.length;
        return new Kept(
                id,
                day(row, 0, ends[0]),
                day(row, ends[0] + 1, ends[1]),
                coded(ExitReason.class, text(row, ends[1] + 1, ends[2])),
                coded(ExitCheck.class, text(row, ends[2] + 1, ends[3])),
                day(row, ends[3] + 1, ends[4]),
                day(row, ends[4] + 1, ends[5]),
                day(row, ends[5] + 1, ends[6]),
                text(row, ends[6] + 1, ends[7]));
    }

    /** The text between from and to; null when empty (a null of the table). */
    private static String text(byte[] row, int from, int to) {
        return from == to ? null : new String(row, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * An ISO date as stored (yyyy-MM-dd), cut rather than parsed: a report reads five for each
     * enrolment of the city, and the formatter costs several times more. Null when empty; anything
     * else is parsed (and fails with its text).
     */
    private static LocalDate day(byte[] row, int from, int to) {
        if (from == to) {
            return null;
        }
        if (to - from != 10 || row[from + 4] != '-' || row[from + 7] != '-') {
            return LocalDate.parse(text(row, from, to));
        }
        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) {
                continue;
            }
            int d = row[from + i] - '0';
            if (d < 0 || d > 9) {
                return LocalDate.parse(text(row, from, to));
            }
            if (i < 4) {
                year = year * 10 + d;
            } else if (i < 7) {
                month = month * 10 + d;
            } else {
                day = day * 10 + d;
            }
        }
        return LocalDate.of(year, month, day);
    }

    /** The value of a code; null for none; an unknown code fails, as it does when facts are read. */
    private static <E extends Enum<E> & Coded> E coded(Class<E> type, String code) {
        return code == null ? null : Coded.ofCode(type, code);
    }
}
