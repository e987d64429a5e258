package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The indicators on a small set of enrolments whose figures are worked out by hand below. Period
 * 2025-01-01 to 2025-12-31, measured on 2026-11-24.
 */
class IndicatorsTest {
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);
    static final LocalDate REPORT = LocalDate.of(2026, 11, 24);

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();
    static final UUID D = UUID.randomUUID();
    static final UUID E = UUID.randomUUID();
    static final UUID F = UUID.randomUUID();
    static final UUID G = UUID.randomUUID();

    static EnrolmentFacts e(UUID person, String enrolled, String exited, ExitReason reason, String planApproved) {
        return new EnrolmentFacts(
                UUID.randomUUID(),
                person,
                LocalDate.parse(enrolled),
                exited == null ? null : LocalDate.parse(exited),
                reason,
                planApproved == null ? null : LocalDate.parse(planApproved));
    }

    // A: work after two months; plan in 3 days.
    static final EnrolmentFacts A1 = e(A, "2025-01-10", "2025-03-05", ExitReason.UNSUBSIDISED_WORK, "2025-01-13");
    // B: referred back on the day of enrolment; no plan.
    static final EnrolmentFacts B1 = e(B, "2025-02-01", "2025-02-01", ExitReason.REFERRED_BACK, null);
    // C: moved after eight months; plan in 10 days.
    static final EnrolmentFacts C1 = e(C, "2025-03-15", "2025-11-20", ExitReason.MOVED, "2025-03-25");
    // D: still enrolled; plan in 3 days.
    static final EnrolmentFacts D1 = e(D, "2025-06-30", null, null, "2025-07-03");
    // E: an earlier enrolment before the period, then back 380 days after that exit; exit unknown.
    static final EnrolmentFacts E0 = e(E, "2024-05-01", "2024-09-30", ExitReason.STUDIES, "2024-05-03");
    static final EnrolmentFacts E1 = e(E, "2025-10-15", "2026-02-01", ExitReason.UNKNOWN, "2025-10-20");
    // F: subsidised work; plan in 8 days.
    static final EnrolmentFacts F1 = e(F, "2025-12-31", "2026-01-20", ExitReason.SUBSIDISED_WORK, "2026-01-08");
    // G: enrolled after the period.
    static final EnrolmentFacts G1 = e(G, "2026-01-05", null, null, null);

    static final Indicators.Report REPORT_OF =
            Indicators.compute(List.of(A1, B1, C1, D1, E0, E1, F1, G1), FROM, TO, REPORT);

    static List<UUID> ids(EnrolmentFacts... facts) {
        return Arrays.stream(facts).map(EnrolmentFacts::enrolmentId).toList();
    }

    static Indicators.SelfSupportAt at(int months) {
        return REPORT_OF.selfSupport().stream()
                .filter(s -> s.months() == months)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void enrolledActiveAndExitsByReason() {
        assertEquals(ids(A1, B1, C1, D1, E1, F1), REPORT_OF.enrolled().enrolments(), "in the period, by date");
        assertEquals(ids(D1), REPORT_OF.active().enrolments(), "open on the report date");
        assertEquals(
                ids(A1),
                REPORT_OF.exitsByReason().get(ExitReason.UNSUBSIDISED_WORK).enrolments());
        assertEquals(
                ids(B1), REPORT_OF.exitsByReason().get(ExitReason.REFERRED_BACK).enrolments());
        assertEquals(0, REPORT_OF.exitsByReason().get(ExitReason.STUDIES).count(), "E0 is before the period");
        assertEquals(1, REPORT_OF.unknownReason().numerator().count());
        assertEquals(5, REPORT_OF.unknownReason().denominator().count());
        assertEquals(0.2, REPORT_OF.unknownReason().value(), 1e-9);
    }

    @Test
    void selfSupportAtThreeMonths() {
        // marks: A 04-10, B 05-01, C 06-15, D 09-30, E 2026-01-15, F 2026-03-31: all passed.
        var three = at(3);
        assertEquals(6, three.cohort().count());
        assertEquals(0, three.notYetMeasurable().count());
        assertEquals(
                ids(A1, F1),
                three.shares().get(SelfSupport.CITY).numerator().enrolments(),
                "B referred back; C, E exited after the mark; D open");
        assertEquals(
                ids(A1, F1), three.shares().get(SelfSupport.STRICT).numerator().enrolments());
        assertEquals(0.0, three.gap(), 1e-9);
    }

    @Test
    void selfSupportAtSixMonthsCountsUnknownForTheCityOnly() {
        var six = at(6);
        assertEquals(6, six.cohort().count());
        assertEquals(
                ids(A1, E1, F1), six.shares().get(SelfSupport.CITY).numerator().enrolments());
        assertEquals(
                ids(A1, F1), six.shares().get(SelfSupport.STRICT).numerator().enrolments());
        assertEquals(3 / 6.0 - 2 / 6.0, six.gap(), 1e-9);
    }

    @Test
    void selfSupportAtTwelveAndEighteenMonthsLeavesTheYoungOut() {
        var twelve = at(12);
        assertEquals(ids(A1, B1, C1, D1, E1), twelve.cohort().enrolments());
        assertEquals(ids(F1), twelve.notYetMeasurable().enrolments(), "F's mark is 2026-12-31");
        assertEquals(
                ids(A1, C1, E1),
                twelve.shares().get(SelfSupport.CITY).numerator().enrolments());
        assertEquals(
                ids(A1), twelve.shares().get(SelfSupport.STRICT).numerator().enrolments());

        var eighteen = at(18);
        assertEquals(ids(A1, B1, C1), eighteen.cohort().enrolments());
        assertEquals(ids(D1, E1, F1), eighteen.notYetMeasurable().enrolments());
        assertEquals(2 / 3.0, eighteen.shares().get(SelfSupport.CITY).value(), 1e-9);
        assertEquals(1 / 3.0, eighteen.shares().get(SelfSupport.STRICT).value(), 1e-9);
    }

    @Test
    void returnsAndTimeToPlan() {
        assertEquals(ids(E1), REPORT_OF.returns().enrolments());
        assertEquals(380, REPORT_OF.medianDaysToReturn(), "2024-09-30 to 2025-10-15");
        assertEquals(5, REPORT_OF.medianDaysToApprovedPlan(), "3, 3, 5, 8, 10");
        assertEquals(
                ids(A1, D1, E1),
                REPORT_OF.planWithinFiveDays().numerator().enrolments(),
                "E's plan on day five counts");
        assertEquals(
                ids(A1, C1, D1, E1, F1),
                REPORT_OF.planWithinFiveDays().denominator().enrolments(),
                "B left on day 0 without a plan: the rule is for those still enrolled");
    }

    @Test
    void anEmptyPeriodHasNoSharesRatherThanZero() {
        var empty = Indicators.compute(List.of(A1), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), REPORT);
        assertEquals(0, empty.enrolled().count());
        assertNull(empty.unknownReason().value());
        assertNull(empty.selfSupport().get(0).gap());
        assertNull(empty.medianDaysToApprovedPlan());
    }

    @Test
    void theDefinitionsDifferOnlyWhereTheySay() {
        for (ExitReason reason : ExitReason.values()) {
            boolean strict = reason == ExitReason.UNSUBSIDISED_WORK
                    || reason == ExitReason.SUBSIDISED_WORK
                    || reason == ExitReason.STUDIES;
            assertEquals(strict, SelfSupport.STRICT.counts(reason), reason.name());
            assertEquals(reason != ExitReason.REFERRED_BACK, SelfSupport.CITY.counts(reason), reason.name());
        }
    }

    @Test
    void reviewsOnTimeAndActivitiesByKind() {
        // H: plan approved 2025-01-20, review due 2025-07-20, reviewed 2025-07-15: on time.
        var h = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 1, 15),
                null,
                null,
                LocalDate.of(2025, 1, 20),
                LocalDate.of(2025, 7, 15),
                List.of(ActivityKind.WORK_TRAINING, ActivityKind.SFI_WITH_PLACEMENT),
                null);
        // I: review due 2025-09-01, reviewed 2025-09-10: late.
        var i = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 2, 25),
                null,
                null,
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 9, 10),
                List.of(ActivityKind.WORK_TRAINING),
                null);
        // J: exited before its review was due: not in the denominator.
        var j = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 5, 1),
                ExitReason.STUDIES,
                LocalDate.of(2025, 3, 3),
                null,
                List.of(),
                null);
        var report = Indicators.compute(List.of(h, i, j), FROM, TO, REPORT);
        assertEquals(ids(h), report.reviewOnTime().numerator().enrolments());
        assertEquals(ids(h, i), report.reviewOnTime().denominator().enrolments());
        assertEquals(
                2, report.activitiesByKind().get(ActivityKind.WORK_TRAINING).count());
        assertEquals(
                1,
                report.activitiesByKind().get(ActivityKind.SFI_WITH_PLACEMENT).count());
        assertEquals(
                0, report.activitiesByKind().get(ActivityKind.STOCKHOLMSJOBB).count());
    }

    @Test
    void theNationalComparisonCountsOnlyExitsWhoseCheckFoundAnAnswer() {
        var yes = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 1, 15),
                LocalDate.of(2025, 4, 1),
                ExitReason.UNSUBSIDISED_WORK,
                null,
                null,
                List.of(),
                ExitCheck.IN_WORK_OR_STUDIES);
        var no = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 5, 1),
                ExitReason.SUBSIDISED_WORK,
                null,
                null,
                List.of(),
                ExitCheck.NOT_IN_WORK_OR_STUDIES);
        var unreached = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 6, 1),
                ExitReason.MOVED,
                null,
                null,
                List.of(),
                ExitCheck.NOT_REACHED);
        var unchecked = new EnrolmentFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                LocalDate.of(2025, 3, 2),
                LocalDate.of(2025, 6, 2),
                ExitReason.UNKNOWN,
                null,
                null,
                List.of(),
                null);
        var report = Indicators.compute(List.of(yes, no, unreached, unchecked), FROM, TO, REPORT);
        assertEquals(ids(yes), report.resultAtExit().numerator().enrolments());
        assertEquals(ids(yes, no), report.resultAtExit().denominator().enrolments());
        assertEquals(ids(unreached, unchecked), report.exitsNotChecked().enrolments());
    }

    @Test
    void aReturnIsFoundEvenWhenTheEarlierEnrolmentWasInAnotherUnit() {
        var report = Indicators.compute(List.of(A1, E0, E1), FROM, TO, REPORT, e -> e != E0);
        assertEquals(ids(E1), report.returns().enrolments());
        assertEquals(ids(A1, E1), report.enrolled().enrolments(), "E0 is not counted, only looked back at");
    }

    @Test
    void aMarkOnTheReportDayHasNotYetPassed() {
        var young = e(UUID.randomUUID(), "2026-08-24", null, null, null);
        var report = Indicators.compute(List.of(young), LocalDate.of(2026, 1, 1), REPORT, REPORT);
        assertEquals(ids(young), report.selfSupport().get(0).notYetMeasurable().enrolments(), "mark 2026-11-24");
    }
}
