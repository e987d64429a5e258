package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.Reminders;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.ParticipantRepository;

/** What is due today and what is overdue across a coach's caseload. Derived, never stored. */
public final class TodayService {
    private final Clock clock;
    private final ParticipantRepository participants;
    private final WorkflowService workflow;

    public TodayService(Database db, Clock clock, WorkflowService workflow) {
        this.clock = clock;
        this.participants = new ParticipantRepository(db);
        this.workflow = workflow;
    }

    /**
     * One line of the Today screen. enrolment: null for a person never enrolled; reason: what the
     * coach said about why a deadline is late, or null.
     */
    public record TodayItem(Participant participant, Enrolment enrolment, Due due, String reason) {
        public boolean reasonGiven() {
            return reason != null;
        }
    }

    /**
     * Overdue first (oldest first), then what is due, by date. Read in a few queries whatever
     * the caseload's size: what the deadlines need of every open enrolment and its person
     * together, the reasons together.
     */
    public List<TodayItem> today(UUID coachId) {
        return today(coachId, workflow.dueOfCoach(coachId));
    }

    /** As {@link #today(UUID)}, from the coach's open enrolments as {@code dueOfCoach} read them. */
    private List<TodayItem> today(UUID coachId, List<WorkflowService.OpenDue> ofCoach) {
        List<WorkflowService.OpenDue> open =
                ofCoach.stream().filter(d -> !d.due().isEmpty()).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        WorkflowService.Reasons reasons = workflow.reasonsOfCoach(coachId);
        List<TodayItem> items = new ArrayList<>();
        for (var o : open) {
            Enrolment e = o.enrolment();
            for (Due due : o.due()) {
                items.add(new TodayItem(
                        o.participant(),
                        e,
                        due,
                        due.overdue()
                                ? reasons.reason(e.id(), due.kind(), due.dueOn())
                                        .orElse(null)
                                : null));
            }
        }
        items.sort(ORDER);
        return items;
    }

    /** Overdue first (the most overdue first), then what is due by date, then by name. */
    private static final Comparator<TodayItem> ORDER = Comparator.comparing(
                    (TodayItem i) -> !i.due().overdue())
            .thenComparing(i -> i.due().dueOn())
            .thenComparing(i -> i.participant().listName());

    /**
     * The reminders of work the rules require ({@link se.jobbtorg.coach.domain.Reminders}) across
     * the coach's caseload: those of each open enrolment, the checks due after the coach's exits,
     * and the people registered on this computer and never enrolled (enrolment null). In the order
     * of {@link #today(UUID)}; a reminder carries no reason.
     */
    public List<TodayItem> reminders(UUID coachId) {
        return reminders(coachId, workflow.dueOfCoach(coachId));
    }

    /** As {@link #reminders(UUID)}, from the coach's open enrolments as {@code dueOfCoach} read them. */
    private List<TodayItem> reminders(UUID coachId, List<WorkflowService.OpenDue> open) {
        List<TodayItem> items = new ArrayList<>();
        var exited = workflow.uncheckedExitsOfCoach(coachId);
        for (var o : open) {
            o.reminders().forEach(r -> items.add(new TodayItem(o.participant(), o.enrolment(), r, null)));
        }
        for (var o : exited) {
            o.reminders().forEach(r -> items.add(new TodayItem(o.participant(), o.enrolment(), r, null)));
        }
        for (Participant p : workflow.neverEnrolled()) {
            items.add(new TodayItem(p, null, Reminders.notEnrolled(today()), null));
        }
        items.sort(ORDER);
        return items;
    }

    /** The Today screen's list: the deadlines of {@link #today(UUID)} and the reminders, in one order. */
    public List<TodayItem> worklist(UUID coachId) {
        // The coach's open enrolments are read once for both.
        List<WorkflowService.OpenDue> open = workflow.dueOfCoach(coachId);
        List<TodayItem> items = new ArrayList<>(today(coachId, open));
        items.addAll(reminders(coachId, open));
        items.sort(ORDER);
        return items;
    }

    /** A planned meeting to come, with whom. */
    public record PlannedMeeting(Participant participant, Meeting meeting) {}

    /** The meetings planned from today on, across the coach's open enrolments, by time. */
    public List<PlannedMeeting> plannedMeetings(UUID coachId) {
        List<WorkflowService.EnrolmentWork> works = workflow.workOfCoach(coachId);
        Map<UUID, Participant> people = participants.findAll(
                works.stream().map(w -> w.enrolment().participantId()).collect(Collectors.toSet()));
        List<PlannedMeeting> planned = new ArrayList<>();
        for (var work : works) {
            Participant p = people.get(work.enrolment().participantId());
            if (p == null) {
                continue;
            }
            for (var m : work.meetings()) {
                if (m.outcome() == MeetingOutcome.PLANNED
                        && !m.at().toLocalDate().isBefore(today())) {
                    planned.add(new PlannedMeeting(p, m));
                }
            }
        }
        planned.sort(Comparator.comparing(pm -> pm.meeting().at()));
        return planned;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
