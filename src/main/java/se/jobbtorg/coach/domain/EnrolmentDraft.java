package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a coach enters to enrol a participant, before it is checked. */
public record EnrolmentDraft(
        UUID participantId,
        UUID coachId,
        LocalDate enrolledOn,
        String referringUnit,
        String socialSecretary,
        Set<TargetGroup> targetGroups,
        String language,
        boolean interpreterNeeded) {

    public static final String FIELD_DATE = "enrolledOn";
    public static final String FIELD_UNIT = "referringUnit";
    public static final String FIELD_TARGET_GROUPS = "targetGroups";
    public static final String FIELD_LANGUAGE = "language";

    /**
     * Every problem at once. earlier are the participant's enrolments so far: a person is
     * enrolled at most once at a time, and a new enrolment cannot start before the last exit.
     */
    public List<Problem> problems(LocalDate today, List<Enrolment> earlier) {
        List<Problem> problems = new ArrayList<>();
        if (enrolledOn == null) {
            problems.add(Problem.of(FIELD_DATE, "validation.required"));
        } else if (enrolledOn.isAfter(today)) {
            problems.add(Problem.of(FIELD_DATE, "enrolment.problem.future"));
        }
        if (Text.isBlank(referringUnit)) {
            problems.add(Problem.of(FIELD_UNIT, "validation.required"));
        }
        if (targetGroups == null || targetGroups.isEmpty()) {
            problems.add(Problem.of(FIELD_TARGET_GROUPS, "enrolment.problem.targetGroup"));
        }
        if (interpreterNeeded && Text.isBlank(language)) {
            problems.add(Problem.of(FIELD_LANGUAGE, "enrolment.problem.interpreterLanguage"));
        }
        for (Enrolment e : earlier) {
            if (e.isOpen()) {
                problems.add(Problem.of(FIELD_DATE, "enrolment.problem.alreadyOpen", e.enrolledOn()));
            } else if (enrolledOn != null && enrolledOn.isBefore(e.exitedOn())) {
                problems.add(Problem.of(FIELD_DATE, "enrolment.problem.beforeLastExit", e.exitedOn()));
            }
        }
        return problems;
    }

    /** The enrolment this draft describes; call only when {@link #problems} is empty. */
    public Enrolment toEnrolment(UUID id) {
        return new Enrolment(
                id,
                participantId,
                coachId,
                enrolledOn,
                referringUnit.strip(),
                Text.blankToNull(socialSecretary),
                targetGroups,
                Text.blankToNull(language),
                interpreterNeeded,
                null,
                null);
    }
}
