package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The indicators of domain.md ("The indicators"; the unknown-exits report) over a set of enrolments, for a period and a
 * report date. Every figure keeps the enrolments behind it, so a reader can open it and recount.
 */
public final class Indicators {
    /** The months after enrolment at which self-support is measured. */
    public static final List<Integer> MONTHS = List.of(3, 6, 12, 18);

    private Indicators() {}

    /**
     * A count with the enrolments it was counted from. Counted in the database, a figure knows
     * its count and reads its enrolments only when asked (a person opening it, an export): at city
     * scale the lists behind every figure would be hundreds of thousands of ids held for nothing.
     */
    public static final class Figure {
        /** No enrolments. */
        public static final Figure NONE = new Figure(List.of());

        private final int count;
        private final List<UUID> enrolments;
        private final Supplier<List<UUID>> reader;
        private final Object question;

        public Figure(List<UUID> enrolments) {
            this.enrolments = List.copyOf(enrolments);
            this.count = this.enrolments.size();
            this.reader = null;
            this.question = null;
        }

        private Figure(int count, Object question, Supplier<List<UUID>> reader) {
            this.count = count;
            this.enrolments = null;
            this.reader = reader;
            this.question = question;
        }

        /**
         * A figure counted elsewhere; reader gives its enrolments, in enrolment date order, when
         * asked. question says what was counted (period, unit, report date, condition): two
         * counted figures asking the same question of the same count are equal.
         */
        public static Figure counted(int count, Object question, Supplier<List<UUID>> reader) {
            return count == 0
                    ? NONE
                    : new Figure(count, Objects.requireNonNull(question), Objects.requireNonNull(reader));
        }

        public int count() {
            return count;
        }

        /** The enrolments behind the count; read anew each time for a counted figure (off the FX thread). */
        public List<UUID> enrolments() {
            return enrolments != null ? enrolments : List.copyOf(reader.get());
        }

        /**
         * Listed figures are equal with the same enrolments in the same order; two counted ones
         * when they asked the same question and counted the same: reading their enrolments would
         * read the database, and a JavaFX property compares its old value with a new one on the FX
         * thread. A counted figure compared with a listed one of the same count reads its
         * enrolments (tests hold the rules' figures to the database's so).
         */
        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Figure f) || f.count != count) {
                return false;
            }
            if (question != null && f.question != null) {
                return question.equals(f.question);
            }
            return f.enrolments().equals(enrolments());
        }

        @Override
        public int hashCode() {
            return count;
        }

        @Override
        public String toString() {
            return "Figure[" + count + "]";
        }
    }

    /** A share: numerator of denominator, both with their enrolments. Null share when nothing to divide. */
    public record Share(Figure numerator, Figure denominator) {
        public Double value() {
            return denominator.count() == 0 ? null : numerator.count() / (double) denominator.count();
        }
    }

    /** Self-support at X months: the cohort, those not yet measurable, and both definitions. */
    public record SelfSupportAt(int months, Figure cohort, Figure notYetMeasurable, Map<SelfSupport, Share> shares) {
        /** Percentage points between the city's share and the strict one; null without a cohort. */
        public Double gap() {
            Double city = shares.get(SelfSupport.CITY).value();
            Double strict = shares.get(SelfSupport.STRICT).value();
            return city == null || strict == null ? null : city - strict;
        }
    }

    /** The whole report. */
    public record Report(
            LocalDate from,
            LocalDate to,
            LocalDate reportDate,
            Figure enrolled,
            Figure active,
            Map<ExitReason, Figure> exitsByReason,
            Share unknownReason,
            List<SelfSupportAt> selfSupport,
            Figure returns,
            Integer medianDaysToReturn,
            Integer medianDaysToApprovedPlan,
            Share planWithinFiveDays,
            Share reviewOnTime,
            Map<ActivityKind, Figure> activitiesByKind,
            Share resultAtExit,
            Figure exitsNotChecked) {}

    /**
     * The indicators for enrolments whose enrolment date lies in [from, to], measured on
     * reportDate. all holds every enrolment known (earlier ones too): returns look back.
     */
    public static Report compute(List<EnrolmentFacts> all, LocalDate from, LocalDate to, LocalDate reportDate) {
        return compute(all, from, to, reportDate, e -> true);
    }

    /**
     * The same for the enrolments in scope (e.g. of one referring unit). all still holds every
     * enrolment, so that a return is found even when the earlier enrolment was in another unit.
     */
    public static Report compute(
            List<EnrolmentFacts> all,
            LocalDate from,
            LocalDate to,
            LocalDate reportDate,
            Predicate<EnrolmentFacts> inScope) {
        List<EnrolmentFacts> inPeriod = all.stream()
                .filter(inScope)
                .filter(e -> !e.enrolledOn().isBefore(from) && !e.enrolledOn().isAfter(to))
                .sorted(Comparator.comparing(EnrolmentFacts::enrolledOn))
                .toList();
        Figure enrolled = figure(inPeriod);
        Figure active = figure(inPeriod.stream()
                .filter(e -> e.exitedOn() == null || e.exitedOn().isAfter(reportDate))
                .toList());

        List<EnrolmentFacts> exits = inPeriod.stream()
                .filter(e -> e.exitedOn() != null && !e.exitedOn().isAfter(reportDate))
                .toList();
        Map<ExitReason, Figure> byReason = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            byReason.put(
                    reason,
                    figure(exits.stream().filter(e -> e.exitReason() == reason).toList()));
        }
        Share unknown = new Share(byReason.get(ExitReason.UNKNOWN), figure(exits));

        List<SelfSupportAt> selfSupport = new ArrayList<>();
        for (int months : MONTHS) {
            List<EnrolmentFacts> cohort = new ArrayList<>();
            List<EnrolmentFacts> tooYoung = new ArrayList<>();
            for (EnrolmentFacts e : inPeriod) {
                // "Has passed on the report date": the mark lies before it, as every other rule here.
                (mark(e, months).isBefore(reportDate) ? cohort : tooYoung).add(e);
            }
            Map<SelfSupport, Share> shares = new EnumMap<>(SelfSupport.class);
            for (SelfSupport definition : SelfSupport.values()) {
                shares.put(
                        definition,
                        new Share(
                                figure(cohort.stream()
                                        .filter(e -> e.exitedOn() != null
                                                && !e.exitedOn().isAfter(mark(e, months))
                                                && definition.counts(e.exitReason()))
                                        .toList()),
                                figure(cohort)));
            }
            selfSupport.add(new SelfSupportAt(months, figure(cohort), figure(tooYoung), shares));
        }

        Map<UUID, List<EnrolmentFacts>> byPerson =
                all.stream().collect(Collectors.groupingBy(EnrolmentFacts::participantId));
        List<EnrolmentFacts> returns = new ArrayList<>();
        List<Long> daysToReturn = new ArrayList<>();
        for (EnrolmentFacts e : inPeriod) {
            byPerson.get(e.participantId()).stream()
                    .filter(earlier -> earlier.exitedOn() != null
                            && earlier.enrolledOn().isBefore(e.enrolledOn())
                            && !earlier.exitedOn().isAfter(e.enrolledOn()))
                    .map(EnrolmentFacts::exitedOn)
                    .max(Comparator.naturalOrder())
                    .ifPresent(lastExit -> {
                        returns.add(e);
                        daysToReturn.add(ChronoUnit.DAYS.between(lastExit, e.enrolledOn()));
                    });
        }

        List<EnrolmentFacts> withPlan =
                inPeriod.stream().filter(e -> e.firstPlanApprovedOn() != null).toList();
        List<Long> daysToPlan = withPlan.stream()
                .map(e -> ChronoUnit.DAYS.between(e.enrolledOn(), e.firstPlanApprovedOn()))
                .toList();
        // Denominator: those whose five days have passed on the report date, plan or not, and who
        // were still enrolled then (the Jobbtorg proposal: "for those still at Jobbtorg") or had a plan by then.
        List<EnrolmentFacts> dueForPlan = inPeriod.stream()
                .filter(e -> DeadlineRules.planDue(e.enrolledOn()).isBefore(reportDate))
                .filter(e -> e.exitedOn() == null
                        || e.exitedOn().isAfter(DeadlineRules.planDue(e.enrolledOn()))
                        || e.firstPlanApprovedOn() != null
                                && !e.firstPlanApprovedOn().isAfter(e.exitedOn()))
                .toList();
        Share withinFive = new Share(
                figure(dueForPlan.stream()
                        .filter(e -> e.firstPlanApprovedOn() != null
                                && !e.firstPlanApprovedOn().isAfter(DeadlineRules.planDue(e.enrolledOn())))
                        .toList()),
                figure(dueForPlan));

        // A review was due six months after the first approval, if the enrolment was still open then.
        List<EnrolmentFacts> reviewDue = inPeriod.stream()
                .filter(e -> e.firstPlanApprovedOn() != null)
                .filter(e -> {
                    LocalDate due = DeadlineRules.reviewDue(e.firstPlanApprovedOn());
                    return due.isBefore(reportDate)
                            && (e.exitedOn() == null || e.exitedOn().isAfter(due));
                })
                .toList();
        Share reviewOnTime = new Share(
                figure(reviewDue.stream()
                        .filter(e -> e.firstReviewApprovedOn() != null
                                && !e.firstReviewApprovedOn().isAfter(DeadlineRules.reviewDue(e.firstPlanApprovedOn())))
                        .toList()),
                figure(reviewDue));

        Map<ActivityKind, Figure> byKind = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.values()) {
            // An enrolment counts once per activity of the kind in its plan in force.
            List<UUID> ids = new ArrayList<>();
            for (EnrolmentFacts e : inPeriod) {
                e.activityKinds().stream().filter(k -> k == kind).forEach(k -> ids.add(e.enrolmentId()));
            }
            byKind.put(kind, new Figure(ids));
        }

        // The national comparison counts only exits whose check a month later found an answer.
        Predicate<EnrolmentFacts> answered =
                e -> e.exitCheck() == ExitCheck.IN_WORK_OR_STUDIES || e.exitCheck() == ExitCheck.NOT_IN_WORK_OR_STUDIES;
        List<EnrolmentFacts> checked = exits.stream().filter(answered).toList();
        Share resultAtExit = new Share(
                figure(checked.stream()
                        .filter(e -> e.exitCheck() == ExitCheck.IN_WORK_OR_STUDIES)
                        .toList()),
                figure(checked));
        // Only exits a month old can have been checked.
        // The predicate, not checked.contains(e): a list search per exit was quadratic, minutes at city size.
        Figure notChecked = figure(exits.stream()
                .filter(answered.negate())
                .filter(e -> !e.exitedOn().plusMonths(1).isAfter(reportDate))
                .toList());

        return new Report(
                from,
                to,
                reportDate,
                enrolled,
                active,
                byReason,
                unknown,
                selfSupport,
                figure(returns),
                median(daysToReturn),
                median(daysToPlan),
                withinFive,
                reviewOnTime,
                byKind,
                resultAtExit,
                notChecked);
    }

    /** The X-month mark: enrolment date plus X calendar months. */
    public static LocalDate mark(EnrolmentFacts e, int months) {
        return e.enrolledOn().plusMonths(months);
    }

    /**
     * The first day whose mark {@code months} later is not before {@code day}: an enrolment (or an
     * approval) dated before it has passed its mark on {@code day}, one dated on or after it has
     * not. A date can then be compared with a date instead of each row computing its own mark
     * (plusMonths clamps the 31st to a shorter month's end, which a plain minusMonths of day
     * would get wrong at month ends).
     */
    public static LocalDate firstNotPassed(LocalDate day, int months) {
        LocalDate first = day.minusMonths(months);
        while (first.minusDays(1).plusMonths(months).compareTo(day) >= 0) {
            first = first.minusDays(1);
        }
        while (first.plusMonths(months).isBefore(day)) {
            first = first.plusDays(1);
        }
        return first;
    }

    /** The median of whole days, rounded down; null for no values. */
    static Integer median(List<Long> days) {
        return median(days.stream().mapToLong(Long::longValue).toArray(), days.size());
    }

    /**
     * The median of the first n of these whole days, rounded down; null for none (a count kept
     * in an array, as the database's report keeps them: boxing every day costs at city size).
     */
    public static Integer median(long[] days, int n) {
        if (n == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(days, n);
        Arrays.sort(sorted);
        long m = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return (int) m;
    }

    private static Figure figure(List<EnrolmentFacts> enrolments) {
        return new Figure(enrolments.stream().map(EnrolmentFacts::enrolmentId).toList());
    }
}
