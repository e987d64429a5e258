package se.jobbtorg.coach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.UUID;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.TargetGroup;

/** Drafts the tests of the work with a participant make again and again, as a coach would enter them. */
public final class TestDrafts {
    private TestDrafts() {}

    /** Work training in a café at Stadsmissionen: started five days before today, for three months. */
    public static ActivityDraft workTraining(LocalDate today) {
        return new ActivityDraft(
                ActivityKind.WORK_TRAINING,
                null,
                "Stadsmissionen",
                "Arbetsträning i café",
                today.minusDays(5),
                today.plusMonths(3));
    }

    /**
     * A meeting with nothing but its time, kind and outcome: superseding none, no attendees, no
     * social secretary, no notes or next steps, no duty explained and no absence reported.
     */
    public static MeetingDraft meeting(UUID enrolmentId, LocalDateTime at, MeetingKind kind, MeetingOutcome outcome) {
        return new MeetingDraft(enrolmentId, null, at, kind, null, outcome, null, false, null, null, null, null);
    }

    /**
     * An enrolment referred by Försörjningsstöd Rinkeby-Kista (social secretary Omar Farah), an
     * unemployed person, no language given, no interpreter.
     */
    public static EnrolmentDraft enrolment(UUID participantId, UUID coachId, LocalDate on) {
        return new EnrolmentDraft(
                participantId,
                coachId,
                on,
                "Försörjningsstöd Rinkeby-Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false);
    }
}
