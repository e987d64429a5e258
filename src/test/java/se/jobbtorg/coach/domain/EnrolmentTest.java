package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class EnrolmentTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static Enrolment enrolment(LocalDate on, LocalDate exit) {
        return new Enrolment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                on,
                "Försörjningsstöd Farsta",
                null,
                EnumSet.of(TargetGroup.YOUTH_16_24),
                null,
                false,
                exit,
                exit == null ? null : ExitReason.STUDIES);
    }

    static EnrolmentDraft draft(LocalDate on) {
        return new EnrolmentDraft(
                UUID.randomUUID(),
                null,
                on,
                "Försörjningsstöd Farsta",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false);
    }

    @Test
    void daysEnrolledCountFromTheEnrolmentDayAcrossMonthEndsAndLeapDays() {
        assertEquals(0, enrolment(TODAY, null).daysEnrolled(TODAY));
        assertEquals(5, enrolment(LocalDate.of(2026, 11, 19), null).daysEnrolled(TODAY));
        assertEquals(
                2,
                enrolment(LocalDate.of(2024, 2, 28), null).daysEnrolled(LocalDate.of(2024, 3, 1)),
                "2024 has a 29 February");
        assertEquals(1, enrolment(LocalDate.of(2025, 2, 28), null).daysEnrolled(LocalDate.of(2025, 3, 1)));
        assertEquals(
                31,
                enrolment(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)).daysEnrolled(TODAY),
                "an ended enrolment stops counting at its exit");
    }

    @Test
    void aNewEnrolmentMayStartOnTheDayTheLastOneEnded() {
        var earlier = List.of(enrolment(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 6, 30)));
        assertEquals(List.of(), draft(LocalDate.of(2025, 6, 30)).problems(TODAY, earlier));
        assertEquals(
                List.of(Problem.of(
                        EnrolmentDraft.FIELD_DATE, "enrolment.problem.beforeLastExit", LocalDate.of(2025, 6, 30))),
                draft(LocalDate.of(2025, 6, 29)).problems(TODAY, earlier));
    }

    @Test
    void todayIsAllowedAndTomorrowIsNot() {
        assertEquals(List.of(), draft(TODAY).problems(TODAY, List.of()));
        assertEquals(
                "enrolment.problem.future",
                draft(TODAY.plusDays(1)).problems(TODAY, List.of()).get(0).messageKey());
    }

    @Test
    void targetGroupsTravelAsStableCodes() {
        Set<TargetGroup> groups = EnumSet.of(TargetGroup.DISABILITY, TargetGroup.SFI_STUDENT);
        assertEquals("sfi,disability", TargetGroup.toCodes(groups));
        assertEquals(groups, TargetGroup.fromCodes("disability,sfi"));
        assertEquals(Set.of(), TargetGroup.fromCodes(""));
    }

    @Test
    void anExitHasADateAndAReasonAndComesAfterTheEnrolment() {
        LocalDate on = LocalDate.of(2026, 3, 1);
        Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Enrolment(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        on,
                        "unit",
                        null,
                        Set.of(),
                        null,
                        false,
                        on.plusDays(3),
                        null));
        Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Enrolment(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        on,
                        "unit",
                        null,
                        Set.of(),
                        null,
                        false,
                        null,
                        ExitReason.MOVED));
        Assertions.assertThrows(IllegalArgumentException.class, () -> enrolment(on, on.minusDays(1)));
        assertEquals(0, enrolment(on, on).daysEnrolled(TODAY), "an exit on the enrolment day is allowed");
    }
}
