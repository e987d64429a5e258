package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.DeadlineRules;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;

/**
 * What the work panes show of one enrolment, in domain terms only: the view model makes it from
 * the service's answer, so the panes never see the service (ArchitectureTest) and the service's
 * answer can change shape without touching a pane.
 *
 * @param areas every mapping area's current entry, in the areas' order
 * @param versions the plan's versions, newest first
 * @param limit the last day of the 18 months the enrolment may run
 * @param reviewDue when the approved plan is to be reviewed; null before one is approved
 * @param exitNote what the coach wrote at the exit; null when nothing
 * @param exitCheck what the check a month after the exit found; null before it is made
 * @param exitCheckedOn when that check was made
 * @param followUpHistory every follow-up, those entered in error too (struck through where listed)
 * @param reasons every reason given for a passed deadline, those entered in error too, oldest first
 * @param voids the voids of entries entered in error, by the entry's id
 * @param undone the exits and checks undone, oldest first
 * @param mappingHistory every mapping entry, superseded and entered in error too, in stamp order
 * @param status the enrolment at a glance on the day it was read (the status band)
 */
record WorkPage(
        Enrolment enrolment,
        List<MappingEntry> areas,
        List<ActivityPlan> versions,
        List<Activity> activities,
        List<Meeting> meetings,
        List<Meeting> meetingHistory,
        List<ActivityFollowUp> followUps,
        List<ActivityFollowUp> followUpHistory,
        LocalDate limit,
        LocalDate reviewDue,
        String exitNote,
        ExitCheck exitCheck,
        LocalDate exitCheckedOn,
        List<DeadlineReason> reasons,
        Map<UUID, EntryVoid> voids,
        List<EntryVoid> undone,
        List<MappingEntry> mappingHistory,
        EnrolmentStatus status) {

    static WorkPage of(EnrolmentWork work, List<DeadlineReason> reasons, LocalDate today) {
        return new WorkPage(
                work.enrolment(),
                List.copyOf(work.mapping().values()),
                work.plans().stream()
                        .sorted(Comparator.comparingInt(ActivityPlan::version).reversed())
                        .toList(),
                work.activities(),
                work.meetings(),
                work.meetingHistory(),
                work.followUps(),
                work.followUpHistory(),
                DeadlineRules.limit(work.enrolment().enrolledOn()),
                work.reviewDue(),
                work.exitNote(),
                work.exitCheck(),
                work.exitCheckedOn(),
                List.copyOf(reasons),
                work.voids(),
                work.undone(),
                work.mappingHistory(),
                work.status(today));
    }

    boolean isOpen() {
        return enrolment.isOpen();
    }

    /** The area's current entry. */
    MappingEntry area(MappingArea area) {
        return areas.stream().filter(e -> e.area() == area).findFirst().orElseThrow();
    }

    /** How many areas are done or not relevant. */
    long settledAreas() {
        return areas.stream().filter(e -> e.status().isSettled()).count();
    }

    /** The newest version, draft or approved. */
    Optional<ActivityPlan> newest() {
        return versions.stream().findFirst();
    }

    List<Activity> activitiesOf(UUID planId) {
        return activities.stream().filter(a -> a.planId().equals(planId)).toList();
    }

    Optional<Activity> activity(UUID id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The void of an entry entered in error, if it is one. */
    Optional<EntryVoid> voidOf(UUID entryId) {
        return Optional.ofNullable(voids.get(entryId));
    }

    /** How each activity was followed up at this meeting. */
    List<ActivityFollowUp> followUpsOf(UUID meetingId) {
        return followUps.stream().filter(f -> f.meetingId().equals(meetingId)).toList();
    }

    /** The same, with the follow-ups entered in error too. */
    List<ActivityFollowUp> followUpHistoryOf(UUID meetingId) {
        return followUpHistory.stream()
                .filter(f -> f.meetingId().equals(meetingId))
                .toList();
    }
}
