package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;
import se.jobbtorg.coach.store.ParticipantRepository;

/** What is due today and what is overdue across a coach's caseload. Derived, never stored. */
public final class TodayService {
    private final Clock clock;
    private final EnrolmentRepository enrolments;
    private final ParticipantRepository participants;
    private final WorkflowService workflow;

    public TodayService(Database db, Clock clock, WorkflowService workflow) {
        this.clock = clock;
        this.enrolments = new EnrolmentRepository(db);
        this.participants = new ParticipantRepository(db);
        this.workflow = workflow;
    }

    /** One line of the Today screen. reason: what the coach said about why it is late, or null. */
    public record TodayItem(Participant participant, Enrolment enrolment, Due due, String reason) {
        public boolean reasonGiven() {
            return reason != null;
        }
    }

    /** Overdue first (oldest first), then what is due, by date. */
    public List<TodayItem> today(UUID coachId) {
        List<TodayItem> items = new ArrayList<>();
        for (Enrolment e : enrolments.openOfCoach(coachId)) {
            var work = workflow.work(e.id());
            if (work.due().isEmpty()) {
                continue;
            }
            Participant p = participants.find(e.participantId()).orElse(null);
            if (p == null) {
                continue;
            }
            for (Due due : work.due()) {
                items.add(new TodayItem(p, e, due, due.overdue()
                        ? workflow.reason(e.id(), due.kind(), due.dueOn()).orElse(null) : null));
            }
        }
        items.sort(Comparator.comparing((TodayItem i) -> !i.due().overdue())
                .thenComparing(i -> i.due().dueOn())
                .thenComparing(i -> i.participant().listName()));
        return items;
    }

    /** A planned meeting to come, with whom. */
    public record PlannedMeeting(Participant participant, se.jobbtorg.coach.domain.Meeting meeting) {
    }

    /** The meetings planned from today on, across the coach's open enrolments, by time. */
    public List<PlannedMeeting> plannedMeetings(UUID coachId) {
        List<PlannedMeeting> planned = new ArrayList<>();
        for (Enrolment e : enrolments.openOfCoach(coachId)) {
            Participant p = participants.find(e.participantId()).orElse(null);
            if (p == null) {
                continue;
            }
            for (var m : workflow.work(e.id()).meetings()) {
                if (m.outcome() == se.jobbtorg.coach.domain.MeetingOutcome.PLANNED
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
