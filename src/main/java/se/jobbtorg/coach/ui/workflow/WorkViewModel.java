package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Actor;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * The work in one enrolment as the participant page shows it. Every change goes to the
 * service in the background and the page reloads from the database afterwards, so what is
 * shown is always what is stored.
 */
public final class WorkViewModel {
    private final se.jobbtorg.coach.ui.common.UiServices services;
    private final se.jobbtorg.coach.i18n.I18n i18n;
    private final WorkflowService workflow;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    private final UUID enrolmentId;
    private final ObjectProperty<EnrolmentWork> work = new SimpleObjectProperty<>();
    private Runnable onChange = () -> { };
    private long loads;

    public WorkViewModel(se.jobbtorg.coach.ui.common.UiServices services, se.jobbtorg.coach.i18n.I18n i18n,
            Consumer<Throwable> onError, UUID enrolmentId) {
        this.services = services;
        this.i18n = i18n;
        this.workflow = services.workflow();
        this.tasks = services.tasks();
        this.onError = onError;
        this.enrolmentId = enrolmentId;
    }

    /** Called after every saved change, e.g. to refresh the caseload. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public ObjectProperty<EnrolmentWork> workProperty() {
        return work;
    }

    public LocalDate today() {
        return workflow.today();
    }

    /** Reloads; an answer overtaken by a newer load is dropped, so the page never goes back. */
    public void load() {
        long asked = ++loads;
        tasks.run(() -> workflow.work(enrolmentId), loaded -> {
            if (asked == loads) {
                work.set(loaded);
            }
        }, onError);
    }

    private <T> void changed(T result, Consumer<T> then) {
        load();
        onChange.run();
        then.accept(result);
    }

    /** Mapping of one area; problems of the form go to its fields. */
    public void saveMapping(MappingEntry current, MappingStatus status, String text, LocalDate date, Set<Actor> actors,
            String otherActors, FieldProblems problems, Consumer<MappingEntry> onSaved) {
        problems.save(tasks, () -> workflow.saveMapping(current, status, text, date, actors, otherActors),
                saved -> changed(saved, onSaved), onError);
    }

    /** The draft to work on: the current one, or a new version of the approved plan. */
    public void draft(boolean review) {
        tasks.run(() -> workflow.draft(enrolmentId, review), plan -> changed(plan, p -> { }), onError);
    }

    public void describe(ActivityPlan plan, PlanGoal goal, String wishes, FieldProblems problems) {
        problems.save(tasks, () -> {
            workflow.describe(plan.id(), goal, wishes);
            return plan;
        }, p -> changed(p, x -> { }), onError);
    }

    public void addActivity(ActivityPlan plan, ActivityKind kind, String otherText, String provider, String description,
            LocalDate start, LocalDate end, FieldProblems problems, Consumer<Activity> onSaved) {
        var draft = new ActivityDraft(kind, otherText, provider, description, start, end);
        problems.show(draft.problems());
        if (draft.problems().isEmpty()) {
            problems.save(tasks, () -> workflow.addActivity(plan.id(), draft), a -> changed(a, onSaved), onError);
        }
    }

    public void removeActivity(ActivityPlan plan, Activity activity) {
        tasks.run(() -> {
            workflow.removeActivity(plan.id(), activity.id());
            return activity;
        }, a -> changed(a, x -> { }), onError);
    }

    public void approve(ActivityPlan plan, String approvedBy, LocalDate approvedOn, FieldProblems problems,
            Consumer<ActivityPlan> onSaved) {
        problems.save(tasks, () -> workflow.approve(plan.id(), approvedBy, approvedOn), p -> changed(p, onSaved),
                onError);
    }

    public void recordMeeting(UUID supersedes, LocalDateTime at, MeetingKind kind, MeetingOutcome outcome,
            String attendees, boolean socialSecretaryJoined, String notes, String nextSteps, LocalDate dutyExplainedOn,
            LocalDate reportedOn, java.util.Map<UUID, String> followUps, FieldProblems problems,
            Consumer<Meeting> onSaved) {
        var draft = new MeetingDraft(enrolmentId, supersedes, at, kind, outcome, attendees, socialSecretaryJoined, notes,
                nextSteps, dutyExplainedOn, reportedOn);
        problems.show(draft.problems(today()));
        if (draft.problems(today()).isEmpty()) {
            problems.save(tasks, () -> workflow.recordMeeting(draft, followUps), m -> changed(m, onSaved), onError);
        }
    }

    public void exit(LocalDate on, ExitReason reason, String note, FieldProblems problems, Runnable onSaved) {
        var draft = new ExitDraft(enrolmentId, on, reason, note);
        if (work.get() != null) {
            var found = draft.problems(work.get().enrolment(), today());
            problems.show(found);
            if (!found.isEmpty()) {
                return;
            }
        }
        problems.save(tasks, () -> {
            workflow.exit(draft);
            return draft;
        }, d -> changed(d, x -> onSaved.run()), onError);
    }

    /**
     * The plan version as a PDF for the person: its activities, the meetings still planned, and
     * how to reach the coach.
     */
    public void printPlan(ActivityPlan plan, java.nio.file.Path out, Consumer<java.nio.file.Path> done) {
        tasks.run(() -> {
            EnrolmentWork w = workflow.work(enrolmentId);
            var participant = services.caseload().participant(w.enrolment().participantId()).orElseThrow();
            var coach = services.coaches().coaches().stream()
                    .filter(c -> c.id().equals(w.enrolment().coachId())).findFirst().orElse(null);
            var coming = w.meetings().stream().filter(m -> m.outcome() == MeetingOutcome.PLANNED
                    && !m.at().toLocalDate().isBefore(today())).toList();
            new se.jobbtorg.coach.report.PlanPdf(i18n).write(new se.jobbtorg.coach.report.PlanPdf.Content(
                    participant.fullName(), plan, w.activitiesOf(plan.id()), coming,
                    coach == null ? "" : coach.name(), coach == null ? null : coach.unit(), today()), out);
            return out;
        }, done, onError);
    }

    public void checkExit(se.jobbtorg.coach.domain.ExitCheck check, LocalDate on, FieldProblems problems) {
        problems.save(tasks, () -> {
            workflow.checkExit(enrolmentId, check, on);
            return check;
        }, c -> changed(c, x -> { }), onError);
    }
}
