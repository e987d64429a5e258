package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Why a deadline was passed, as the coach gave it on Today. Only ever added: a later reason for
 * the same deadline is the one that counts, and one entered in error is voided (decision 0009).
 */
public record DeadlineReason(
        UUID id, UUID enrolmentId, DeadlineKind kind, LocalDate dueOn, String reason, LocalDate recordedOn) {
    public DeadlineReason {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedOn, "recordedOn");
    }
}
