package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Something due in an enrolment, by a date; overdue once that date has passed. */
public record Due(UUID enrolmentId, DeadlineKind kind, LocalDate dueOn, boolean overdue) {}
