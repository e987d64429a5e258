package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT_INDICATOR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.DeadlineRules;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.Indicators.Figure;
import se.jobbtorg.coach.domain.Indicators.Share;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.store.generated.tables.ActivityPlan;
import se.jobbtorg.coach.store.generated.tables.EnrolmentIndicator;

/**
 * The indicators of {@link Indicators#compute} counted in the database: one pass over the
 * enrolments of the period for every count, one query per median and one for the activities.
 * Each enrolment's facts (first approval, first approved review, the exit it returned after, the
 * plan version in force) are read from enrolment_indicator, which the schema's triggers keep as
 * the enrolments and plans are written (V11), rather than derived for every enrolment at each
 * report.
 * {@link Indicators#compute} states the rules and is what this is tested against, figure by figure,
 * on generated cities. Each figure reads its enrolments only when asked, with the condition it was
 * counted by. Portable SQL through jOOQ: the month and day arithmetic is written out from the
 * dates' parts, as {@link LocalDate#plusMonths} counts (a 31st clamps to a shorter month's end).
 */
public final class IndicatorQueries {
    /** Each enrolment's facts, kept by the schema's triggers (V11). */
    private static final EnrolmentIndicator F = ENROLMENT_INDICATOR.as("f");

    private static final ActivityPlan IN_FORCE = ACTIVITY_PLAN.as("in_force");

    /** The facts of one enrolment of the period, one row each (a common table expression, d). */
    private static final String D = "d";

    private static final Field<String> ID = DSL.field(DSL.name(D, "id"), String.class);
    private static final Field<String> ENROLLED = DSL.field(DSL.name(D, "enrolled_on"), String.class);
    private static final Field<String> EXITED = DSL.field(DSL.name(D, "exited_on"), String.class);
    private static final Field<String> REASON = DSL.field(DSL.name(D, "exit_reason"), String.class);
    private static final Field<String> CHECK = DSL.field(DSL.name(D, "exit_check"), String.class);
    private static final Field<String> FIRST_PLAN = DSL.field(DSL.name(D, "first_plan"), String.class);
    private static final Field<String> FIRST_REVIEW = DSL.field(DSL.name(D, "first_review"), String.class);
    private static final Field<String> LAST_EXIT = DSL.field(DSL.name(D, "last_exit"), String.class);
    /** The raw facts d is computed from. */
    private static final String RAW = "raw";

    // Each date's month (year * 12 + month) and day, and the day counts, computed once per row in
    // d: parsing a date text costs more than everything else a count does with it.
    private static final Dated ENROLLED_PARTS = Dated.of("enrolled");
    private static final Dated EXITED_PARTS = Dated.of("exited");
    private static final Dated PLAN_PARTS = Dated.of("plan");
    private static final Dated REVIEW_PARTS = Dated.of("review");
    private static final Field<Integer> EXIT_DAYS = DSL.field(DSL.name(D, "exit_days"), Integer.class);
    private static final Field<Integer> PLAN_DAYS = DSL.field(DSL.name(D, "plan_days"), Integer.class);
    private static final Field<Integer> RETURN_DAYS = DSL.field(DSL.name(D, "return_days"), Integer.class);

    /** A date of d as its month number and its day of the month. */
    private record Dated(Field<Integer> month, Field<Integer> day) {
        static Dated of(String name) {
            return new Dated(
                    DSL.field(DSL.name(D, name + "_month"), Integer.class),
                    DSL.field(DSL.name(D, name + "_day"), Integer.class));
        }
    }

    private final Database db;

    public IndicatorQueries(Database db) {
        this.db = db;
    }

    /** The period, the report date and the unit (null: every unit) a report is asked for. */
    private record Ask(LocalDate from, LocalDate to, LocalDate reportDate, String unit) {
        Condition scope() {
            Condition c = F.DELETED.eq(0).and(F.ENROLLED_ON.ge(from.toString())).and(F.ENROLLED_ON.le(to.toString()));
            return unit == null ? c : c.and(F.REFERRING_UNIT.eq(unit));
        }

        /**
         * d: the enrolments of the period with their first approvals and the exit they returned
         * after (kept in enrolment_indicator), and those dates in parts (raw is the same without
         * the parts).
         */
        CommonTableExpression<?>[] facts() {
            // Not materialised: a plain range of the kept facts, folded into d.
            var raw = DSL.name(RAW)
                    .as(DSL.select(
                                    F.ENROLMENT_ID.as("id"),
                                    F.ENROLLED_ON.as("enrolled_on"),
                                    F.EXITED_ON.as("exited_on"),
                                    F.EXIT_REASON.as("exit_reason"),
                                    F.EXIT_CHECK.as("exit_check"),
                                    F.FIRST_PLAN.as("first_plan"),
                                    F.FIRST_REVIEW.as("first_review"),
                                    F.LAST_EXIT.as("last_exit"))
                            .from(F)
                            .where(scope()));
            List<Field<?>> fields = new ArrayList<>();
            for (String name : List.of(
                    "id",
                    "enrolled_on",
                    "exited_on",
                    "exit_reason",
                    "exit_check",
                    "first_plan",
                    "first_review",
                    "last_exit")) {
                fields.add(DSL.field(DSL.name(RAW, name)));
            }
            fields.addAll(parts("enrolled", "enrolled_on"));
            fields.addAll(parts("exited", "exited_on"));
            fields.addAll(parts("plan", "first_plan"));
            fields.addAll(parts("review", "first_review"));
            fields.add(daysBetween(rawDate("enrolled_on"), rawDate("exited_on")).as("exit_days"));
            fields.add(
                    daysBetween(rawDate("enrolled_on"), rawDate("first_plan")).as("plan_days"));
            fields.add(daysBetween(rawDate("last_exit"), rawDate("enrolled_on")).as("return_days"));
            var d = DSL.name(D).asMaterialized(DSL.select(fields).from(DSL.table(DSL.name(RAW))));
            return new CommonTableExpression<?>[] {raw, d};
        }

        private static Field<String> rawDate(String name) {
            return DSL.field(DSL.name(RAW, name), String.class);
        }

        /**
         * A date text's month number and day, cut from its ISO form: cutting is several times
         * cheaper than parsing a date, and this runs for every enrolment of the period.
         */
        private static List<Field<?>> parts(String name, String column) {
            Field<String> date = rawDate(column);
            return List.of(
                    number(date, 1, 4).times(12).plus(number(date, 6, 2)).as(name + "_month"),
                    number(date, 9, 2).as(name + "_day"));
        }

        private static Field<Integer> number(Field<String> text, int from, int length) {
            return DSL.substring(text, from, length).cast(Integer.class);
        }
    }

    public Indicators.Report report(LocalDate from, LocalDate to, LocalDate reportDate, String referringUnit) {
        Ask ask = new Ask(from, to, reportDate, referringUnit);
        String r = reportDate.toString();

        Condition exited = EXITED.isNotNull().and(EXITED.le(r));
        Condition active = EXITED.isNull().or(EXITED.gt(r));
        Map<ExitReason, Condition> byReason = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            byReason.put(reason, exited.and(REASON.eq(reason.code())));
        }
        List<Condition> cohorts = new ArrayList<>();
        List<Map<SelfSupport, Condition>> selfSupport = new ArrayList<>();
        for (int months : Indicators.MONTHS) {
            Condition cohort =
                    ENROLLED.lt(Indicators.firstNotPassed(reportDate, months).toString());
            cohorts.add(cohort);
            Map<SelfSupport, Condition> shares = new EnumMap<>(SelfSupport.class);
            for (SelfSupport definition : SelfSupport.values()) {
                List<String> counted = Arrays.stream(ExitReason.values())
                        .filter(definition::counts)
                        .map(ExitReason::code)
                        .toList();
                shares.put(
                        definition,
                        cohort.and(EXITED.isNotNull())
                                .and(onOrBeforeMonthsAfter(EXITED_PARTS, ENROLLED_PARTS, months))
                                .and(REASON.in(counted)));
            }
            selfSupport.add(shares);
        }
        Condition returned = LAST_EXIT.isNotNull();
        Condition withPlan = FIRST_PLAN.isNotNull();
        // Five days passed on the report date, and still enrolled on the fifth day or with a plan by the exit.
        Condition dueForPlan = ENROLLED.lt(
                        reportDate.minusDays(DeadlineRules.PLAN_DAYS).toString())
                .and(EXITED.isNull()
                        .or(EXIT_DAYS.gt(DeadlineRules.PLAN_DAYS))
                        .or(FIRST_PLAN.isNotNull().and(FIRST_PLAN.le(EXITED))));
        Condition withinFive = dueForPlan.and(FIRST_PLAN.isNotNull()).and(PLAN_DAYS.le(DeadlineRules.PLAN_DAYS));
        Condition reviewDue = FIRST_PLAN
                .isNotNull()
                .and(FIRST_PLAN.lt(Indicators.firstNotPassed(reportDate, DeadlineRules.REVIEW_MONTHS)
                        .toString()))
                .and(EXITED.isNull()
                        .or(DSL.not(onOrBeforeMonthsAfter(EXITED_PARTS, PLAN_PARTS, DeadlineRules.REVIEW_MONTHS))));
        Condition reviewOnTime = reviewDue
                .and(FIRST_REVIEW.isNotNull())
                .and(onOrBeforeMonthsAfter(REVIEW_PARTS, PLAN_PARTS, DeadlineRules.REVIEW_MONTHS));
        List<String> answers = List.of(ExitCheck.IN_WORK_OR_STUDIES.code(), ExitCheck.NOT_IN_WORK_OR_STUDIES.code());
        Condition checked = exited.and(CHECK.in(answers));
        Condition checkedInWork = exited.and(CHECK.eq(ExitCheck.IN_WORK_OR_STUDIES.code()));
        // A month old on the report date: exit plus a month is on or before it.
        Condition notChecked = exited.and(CHECK.isNull().or(CHECK.notIn(answers)))
                .and(EXITED.lt(
                        Indicators.firstNotPassed(reportDate.plusDays(1), 1).toString()));

        // Every count in one pass, in the order of this list.
        List<Condition> counted = new ArrayList<>();
        counted.add(DSL.trueCondition());
        counted.add(active);
        counted.add(exited);
        counted.addAll(byReason.values());
        for (int i = 0; i < cohorts.size(); i++) {
            counted.add(cohorts.get(i));
            counted.addAll(selfSupport.get(i).values());
        }
        counted.addAll(List.of(returned, withPlan, dueForPlan, withinFive, reviewDue, reviewOnTime));
        counted.addAll(List.of(checked, checkedInWork, notChecked));

        return db.read(dsl -> {
            var d = ask.facts();
            // One statement, so that d is materialised once: the row of counts (part 0), then how
            // many returned after each number of days (part 1) and had a plan after each (part 2),
            // from which the medians are read.
            Field<Integer> returnDays = RETURN_DAYS;
            Field<Integer> planDays = PLAN_DAYS;
            List<Field<?>> countFields = new ArrayList<>();
            countFields.add(DSL.inline(0));
            countFields.add(DSL.castNull(Integer.class));
            counted.forEach(x -> countFields.add(DSL.count().filterWhere(x)));
            Map<Integer, Map<Long, Long>> histograms = new HashMap<>();
            int[] n = new int[counted.size()];
            dsl.with(d[0], d[1])
                    .select(countFields)
                    .from(d[1])
                    .unionAll(histogram(1, returnDays, returned, counted.size()))
                    .unionAll(histogram(2, planDays, withPlan, counted.size()))
                    .forEach(x -> {
                        int part = x.get(0, Integer.class);
                        if (part == 0) {
                            for (int i = 0; i < n.length; i++) {
                                n[i] = x.get(i + 2, Integer.class);
                            }
                        } else {
                            histograms
                                    .computeIfAbsent(part, k -> new TreeMap<>())
                                    .put(x.get(1, Long.class), x.get(2, Long.class));
                        }
                    });
            Counts c = new Counts(ask, counted, n);
            Figure enrolled = c.next();
            Figure activeFigure = c.next();
            Figure exits = c.next();
            Map<ExitReason, Figure> exitsByReason = new EnumMap<>(ExitReason.class);
            for (ExitReason reason : ExitReason.values()) {
                exitsByReason.put(reason, c.next());
            }
            List<Indicators.SelfSupportAt> at = new ArrayList<>();
            for (int i = 0; i < cohorts.size(); i++) {
                int months = Indicators.MONTHS.get(i);
                Condition cohort = cohorts.get(i);
                Figure cohortFigure = c.next();
                Figure tooYoung = figure(ask, DSL.not(cohort), enrolled.count() - cohortFigure.count());
                Map<SelfSupport, Share> shares = new EnumMap<>(SelfSupport.class);
                for (SelfSupport definition : SelfSupport.values()) {
                    shares.put(definition, new Share(c.next(), cohortFigure));
                }
                at.add(new Indicators.SelfSupportAt(months, cohortFigure, tooYoung, shares));
            }
            Figure returns = c.next();
            Figure planned = c.next();
            Figure due = c.next();
            Figure inTime = c.next();
            Figure reviews = c.next();
            Figure reviewsInTime = c.next();
            Figure checkedFigure = c.next();
            Figure inWork = c.next();
            Figure unchecked = c.next();
            return new Indicators.Report(
                    from,
                    to,
                    reportDate,
                    enrolled,
                    activeFigure,
                    exitsByReason,
                    new Share(exitsByReason.get(ExitReason.UNKNOWN), exits),
                    at,
                    returns,
                    median(histograms.getOrDefault(1, Map.of()), returns.count()),
                    median(histograms.getOrDefault(2, Map.of()), planned.count()),
                    new Share(inTime, due),
                    new Share(reviewsInTime, reviews),
                    activities(dsl, ask),
                    new Share(inWork, checkedFigure),
                    unchecked);
        });
    }

    /** The counts of one pass, handed out as figures in the order they were counted. */
    private final class Counts {
        private final Ask ask;
        private final List<Condition> conditions;
        private final int[] counts;
        private int next;

        Counts(Ask ask, List<Condition> conditions, int[] counts) {
            this.ask = ask;
            this.conditions = conditions;
            this.counts = counts;
        }

        Figure next() {
            int i = next++;
            return figure(ask, conditions.get(i), counts[i]);
        }
    }

    /** A figure of count enrolments of d; its enrolments are read, by the same condition, when asked. */
    private Figure figure(Ask ask, Condition where, int count) {
        return Figure.counted(
                count,
                List.of(ask, where),
                () -> db.read(dsl -> {
                    var d = ask.facts();
                    return dsl.with(d[0], d[1])
                            .select(ID)
                            .from(d[1])
                            .where(where)
                            .orderBy(ENROLLED, ID)
                            .fetch(x -> UUID.fromString(x.value1()));
                }));
    }

    /**
     * A part of the statement of counts: how many rows of d where the condition holds have each
     * number of days, padded to the row of counts' width.
     */
    private static Select<Record> histogram(int part, Field<Integer> days, Condition where, int width) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(DSL.inline(part));
        fields.add(days);
        fields.add(DSL.count());
        for (int i = 1; i < width; i++) {
            fields.add(DSL.castNull(Integer.class));
        }
        return DSL.select(fields).from(DSL.table(DSL.name(D))).where(where).groupBy(days);
    }

    /** The median of whole days (rounded down) of n values counted by days (in order); null for none. */
    private static Integer median(Map<Long, Long> byDays, int n) {
        if (n == 0) {
            return null;
        }
        long low = (n - 1) / 2;
        long high = n / 2;
        Long lowValue = null;
        long seen = 0;
        for (var entry : byDays.entrySet()) {
            seen += entry.getValue();
            if (lowValue == null && seen > low) {
                lowValue = entry.getKey();
            }
            if (seen > high) {
                return (int) ((lowValue + entry.getKey()) / 2);
            }
        }
        throw new IllegalStateException("fewer values than counted");
    }

    /**
     * Activities by kind: each activity of the newest approved plan version of an enrolment in
     * scope counts once for its enrolment.
     */
    private Map<ActivityKind, Figure> activities(DSLContext dsl, Ask ask) {
        Map<String, Integer> counts = new HashMap<>();
        dsl.select(ACTIVITY.KIND, DSL.count())
                .from(IN_SCOPE)
                .where(inForce(ask))
                .groupBy(ACTIVITY.KIND)
                .forEach(x -> counts.put(x.value1(), x.value2()));
        for (String code : counts.keySet()) {
            Coded.ofCode(ActivityKind.class, code); // an unknown kind fails here, as it does when facts are read
        }
        Map<ActivityKind, Figure> byKind = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.values()) {
            byKind.put(
                    kind,
                    Figure.counted(
                            counts.getOrDefault(kind.code(), 0),
                            List.of(ask, kind),
                            () -> db.read(x -> x.select(F.ENROLMENT_ID)
                                    .from(IN_SCOPE)
                                    .where(inForce(ask), ACTIVITY.KIND.eq(kind.code()))
                                    .orderBy(F.ENROLLED_ON, F.ENROLMENT_ID)
                                    .fetch(y -> UUID.fromString(y.value1())))));
        }
        return byKind;
    }

    /**
     * The enrolments, their plan versions in force and those versions' activities, in that order
     * (joined by {@link #inForce}). SQLite keeps the order of a cross join; left free it scanned
     * every activity of the city and looked its plan and enrolment up in their tables, which at
     * 100,000 participants took 7 s whatever the scope (the unit's condition came last). From the
     * enrolments, the plans and activities are read from their indexes alone. To other databases
     * a cross join filtered by the join's conditions is a plain join.
     */
    private static final Table<?> IN_SCOPE = F.crossJoin(IN_FORCE).crossJoin(ACTIVITY);

    /**
     * Activities of the newest approved version of an enrolment in scope: the version kept as in
     * force, which is the newest approved one (two approved versions of the same number are both
     * in force, as no newer one exists for either).
     */
    private static Condition inForce(Ask ask) {
        return F.ENROLMENT_ID
                .eq(IN_FORCE.ENROLMENT_ID)
                .and(IN_FORCE.VERSION.eq(F.IN_FORCE_VERSION))
                .and(IN_FORCE.ID.eq(ACTIVITY.PLAN_ID))
                .and(ask.scope())
                .and(ACTIVITY.DELETED.eq(0))
                .and(IN_FORCE.DELETED.eq(0))
                .and(IN_FORCE.APPROVED_ON.isNotNull());
    }

    private static Field<LocalDate> date(Field<String> isoDate) {
        return isoDate.coerce(SQLDataType.LOCALDATE);
    }

    /** Whole days from a to b (both set), as ChronoUnit.DAYS.between(a, b). */
    static Field<Integer> daysBetween(Field<String> a, Field<String> b) {
        return DSL.localDateDiff(date(b), date(a));
    }

    /**
     * x is on or before d plus months (both set), as {@code !x.isAfter(d.plusMonths(months))}:
     * an earlier month, or the same month and a day no later than d's (a day of x is always
     * within its month, so the clamp of d's day to the month's end never decides).
     */
    private static Condition onOrBeforeMonthsAfter(Dated x, Dated d, int months) {
        Field<Integer> md = d.month().plus(months);
        return x.month().lt(md).or(x.month().eq(md).and(x.day().le(d.day())));
    }
}
