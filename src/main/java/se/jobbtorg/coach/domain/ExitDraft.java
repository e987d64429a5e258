package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a coach enters to end an enrolment (avslut). */
public record ExitDraft(UUID enrolmentId, LocalDate exitedOn, ExitReason reason, String note) {
    public static final String FIELD_DATE = "exitedOn";
    public static final String FIELD_REASON = "reason";
    public static final String FIELD_NOTE = "note";

    /**
     * Every problem at once. "Unknown" needs a note on what was tried to find out: unknown exits
     * hide real outcomes (the unknown-exits report), so the reason must be honest and the effort visible.
     */
    public List<Problem> problems(Enrolment enrolment, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (!enrolment.isOpen()) {
            problems.add(Problem.of(FIELD_DATE, "exit.problem.alreadyExited", enrolment.exitedOn()));
        }
        if (exitedOn == null) {
            problems.add(Problem.of(FIELD_DATE, "validation.required"));
        } else if (exitedOn.isBefore(enrolment.enrolledOn())) {
            problems.add(Problem.of(FIELD_DATE, "exit.problem.beforeEnrolment", enrolment.enrolledOn()));
        } else if (exitedOn.isAfter(today)) {
            problems.add(Problem.of(FIELD_DATE, "validation.notInFuture"));
        }
        if (reason == null) {
            problems.add(Problem.of(FIELD_REASON, "validation.required"));
        } else if (reason == ExitReason.UNKNOWN && Text.isBlank(note)) {
            problems.add(Problem.of(FIELD_NOTE, "exit.problem.unknownNeedsNote"));
        }
        return problems;
    }
}
