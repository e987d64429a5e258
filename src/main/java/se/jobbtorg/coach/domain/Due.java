package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Something due in an enrolment, by a date; overdue once that date has passed. */
public record Due(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn, boolean overdue) {
    /** Days since the date passed, on a day; 0 while it has not. */
    public long daysLate(LocalDate today) {
        return overdue ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }
}
