package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The indicators of domain.md ("The indicators"; the unknown-exits report) over a set of enrolments, for a period and a
 * report date. Every figure keeps the enrolments behind it, so a reader can open it and recount.
 */
public final class Indicators {
    /** The months after enrolment at which self-support is measured. */
    public static final List<Integer> MONTHS = List.of(3, 6, 12, 18);

    private Indicators() {}

    /** A count with the enrolments it was counted from. */
    public record Figure(List<UUID> enrolments) {
        public Figure {
            enrolments = List.copyOf(enrolments);
        }

        public int count() {
            return enrolments.size();
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

    /** The median of whole days, rounded down; null for no values. */
    static Integer median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        long m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return (int) m;
    }

    private static Figure figure(List<EnrolmentFacts> enrolments) {
        return new Figure(enrolments.stream().map(EnrolmentFacts::enrolmentId).toList());
    }
}
