package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a coach enters to plan or record a meeting. */
public record MeetingDraft(
        UUID enrolmentId,
        UUID supersedes,
        LocalDateTime at,
        MeetingKind kind,
        String place,
        MeetingOutcome outcome,
        String attendees,
        boolean socialSecretaryJoined,
        String notes,
        String nextSteps,
        LocalDate dutyExplainedOn,
        LocalDate reportedOn) {

    public static final String FIELD_AT = "at";
    public static final String FIELD_KIND = "kind";
    public static final String FIELD_REPORTED = "reportedOn";
    public static final String FIELD_DUTY = "dutyExplainedOn";
    public static final String FIELD_PLACE = "place";
    /** Long enough for a street address with a floor and a door code; a calendar line, not notes. */
    public static final int PLACE_MAX = 200;

    public List<Problem> problems(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (at == null) {
            problems.add(Problem.of(FIELD_AT, "validation.required"));
        } else if (outcome != null
                && outcome != MeetingOutcome.PLANNED
                && outcome != MeetingOutcome.CANCELLED
                && at.toLocalDate().isAfter(today)) {
            problems.add(Problem.of(FIELD_AT, "meeting.problem.recordedInFuture"));
        }
        if (at != null && outcome == MeetingOutcome.PLANNED && at.toLocalDate().isBefore(today)) {
            problems.add(Problem.of(FIELD_AT, "meeting.problem.plannedInPast"));
        }
        if (kind == null) {
            problems.add(Problem.of(FIELD_KIND, "validation.required"));
        }
        if (place != null && place.strip().length() > PLACE_MAX) {
            problems.add(Problem.of(FIELD_PLACE, "meeting.problem.placeLong"));
        }
        if (reportedOn != null && outcome != MeetingOutcome.NOT_ATTENDED) {
            problems.add(Problem.of(FIELD_REPORTED, "meeting.problem.reportOnlyAbsence"));
        }
        if (reportedOn != null && reportedOn.isAfter(today)) {
            problems.add(Problem.of(FIELD_REPORTED, "validation.notInFuture"));
        } else if (reportedOn != null && at != null && reportedOn.isBefore(at.toLocalDate())) {
            problems.add(Problem.of(FIELD_REPORTED, "meeting.problem.reportedBeforeMeeting"));
        }
        if (dutyExplainedOn != null && dutyExplainedOn.isAfter(today)) {
            problems.add(Problem.of(FIELD_DUTY, "validation.notInFuture"));
        }
        return problems;
    }

    public Meeting toMeeting(UUID id) {
        return new Meeting(
                id,
                enrolmentId,
                supersedes,
                at,
                kind,
                // A place belongs to a visit; one typed before the kind was changed is dropped.
                kind != null && kind.isVisit() ? Text.blankToNull(place) : null,
                outcome == null ? MeetingOutcome.PLANNED : outcome,
                Text.blankToNull(attendees),
                socialSecretaryJoined,
                Text.blankToNull(notes),
                Text.blankToNull(nextSteps),
                dutyExplainedOn,
                reportedOn);
    }
}
