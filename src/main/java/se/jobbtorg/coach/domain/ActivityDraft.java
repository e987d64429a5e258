package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a coach enters for an activity, before it is checked. */
public record ActivityDraft(
        ActivityKind kind, String otherText, String provider, String description, LocalDate startOn, LocalDate endOn) {

    public static final String FIELD_KIND = "kind";
    public static final String FIELD_OTHER = "otherText";
    public static final String FIELD_PROVIDER = "provider";
    public static final String FIELD_START = "startOn";
    public static final String FIELD_END = "endOn";

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(Problem.of(FIELD_KIND, "validation.required"));
        } else if (kind == ActivityKind.OTHER && Text.isBlank(otherText)) {
            problems.add(Problem.of(FIELD_OTHER, "activity.problem.otherText"));
        }
        if (Text.isBlank(provider)) {
            problems.add(Problem.of(FIELD_PROVIDER, "validation.required"));
        }
        if (startOn == null) {
            problems.add(Problem.of(FIELD_START, "validation.required"));
        }
        if (endOn == null) {
            problems.add(Problem.of(FIELD_END, "activity.problem.noEnd"));
        } else if (startOn != null && endOn.isBefore(startOn)) {
            problems.add(Problem.of(FIELD_END, "activity.problem.endBeforeStart", startOn));
        }
        return problems;
    }

    public Activity toActivity(UUID id, UUID planId) {
        return new Activity(
                id,
                planId,
                kind,
                kind == ActivityKind.OTHER ? Text.blankToNull(otherText) : null,
                provider.strip(),
                Text.blankToNull(description),
                startOn,
                endOn,
                null);
    }
}
