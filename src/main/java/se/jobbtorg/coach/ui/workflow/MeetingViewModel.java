package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.ui.common.DirtyFlag;
import se.jobbtorg.coach.ui.common.FieldProblems;

/**
 * A meeting planned, or what happened at one: when, how and where, who came, notes, the duty to take part
 * explained, an absence reported, and one follow-up line per running activity (001).
 */
final class MeetingViewModel implements WorkViewModel.DialogForm {
    static final String FIELD_TIME = "time";

    /** One running activity and what the coach writes about how it goes. */
    record FollowUpLine(Activity activity, StringProperty note) {}

    private final WorkViewModel parent;
    /** The entry this one supersedes (its outcome recorded, or corrected); null for a new one. */
    final Meeting earlier;

    final MeetingOutcome defaultOutcome;

    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final BooleanProperty dateUnreadable = new SimpleBooleanProperty();
    final StringProperty time = new SimpleStringProperty("09:00");
    final ObjectProperty<MeetingKind> kind = new SimpleObjectProperty<>(MeetingKind.DESK);
    /** Where a visit takes place; kept only when the kind is a visit. */
    final StringProperty place = new SimpleStringProperty("");

    final ObjectProperty<MeetingOutcome> outcome = new SimpleObjectProperty<>();
    final StringProperty attendees = new SimpleStringProperty("");
    final BooleanProperty socialSecretaryJoined = new SimpleBooleanProperty();
    final StringProperty notes = new SimpleStringProperty("");
    final StringProperty nextSteps = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> dutyExplainedOn = new SimpleObjectProperty<>();
    final BooleanProperty dutyUnreadable = new SimpleBooleanProperty();
    final ObjectProperty<LocalDate> reportedOn = new SimpleObjectProperty<>();
    final BooleanProperty reportedUnreadable = new SimpleBooleanProperty();
    final List<FollowUpLine> followUps = new ArrayList<>();

    final FieldProblems problems;
    /** A report to social services belongs to an absence only. */
    final BooleanBinding reportAsked;
    /** A place belongs to an outreach or home visit only. */
    final BooleanBinding placeAsked;

    final DirtyFlag dirty;

    MeetingViewModel(WorkViewModel parent, Meeting earlier, MeetingOutcome defaultOutcome) {
        this.parent = parent;
        this.earlier = earlier;
        this.defaultOutcome = defaultOutcome;
        this.problems = new FieldProblems(parent.i18n());
        for (String field : List.of(
                MeetingDraft.FIELD_AT,
                FIELD_TIME,
                MeetingDraft.FIELD_KIND,
                MeetingDraft.FIELD_PLACE,
                MeetingDraft.FIELD_DUTY,
                MeetingDraft.FIELD_REPORTED)) {
            problems.of(field);
        }
        date.set(earlier != null ? earlier.at().toLocalDate() : parent.today());
        if (earlier != null
                && earlier.outcome() == MeetingOutcome.PLANNED
                && defaultOutcome != MeetingOutcome.PLANNED
                && earlier.at().toLocalDate().isAfter(parent.today())) {
            // A planned meeting held early (the coach closes next week's today): it happened today,
            // and an outcome cannot be dated ahead.
            date.set(parent.today());
        }
        outcome.set(defaultOutcome);
        if (earlier != null) {
            time.set(earlier.at().toLocalTime().toString());
            kind.set(earlier.kind());
            place.set(earlier.place() == null ? "" : earlier.place());
            attendees.set(earlier.attendees() == null ? "" : earlier.attendees());
            socialSecretaryJoined.set(earlier.socialSecretaryJoined());
            notes.set(earlier.notes() == null ? "" : earlier.notes());
            nextSteps.set(earlier.nextSteps() == null ? "" : earlier.nextSteps());
            dutyExplainedOn.set(earlier.dutyExplainedOn());
            reportedOn.set(earlier.reportedOn());
        }
        var work = parent.workProperty().get();
        if (work != null) {
            for (Activity activity : work.activitiesInForce()) {
                if (activity.isRunning(parent.today())) {
                    followUps.add(new FollowUpLine(activity, new SimpleStringProperty("")));
                }
            }
        }
        this.reportAsked = outcome.isEqualTo(MeetingOutcome.NOT_ATTENDED);
        this.placeAsked = Bindings.createBooleanBinding(
                () -> kind.get() != null && kind.get().isVisit(), kind);
        this.dirty = new DirtyFlag(
                date,
                dateUnreadable,
                time,
                kind,
                place,
                outcome,
                attendees,
                socialSecretaryJoined,
                notes,
                nextSteps,
                dutyExplainedOn,
                dutyUnreadable,
                reportedOn,
                reportedUnreadable);
        followUps.forEach(line -> dirty.watch(line.note()));
        // A problem goes as soon as its field is edited; saving checks the whole form again.
        problems.watch(MeetingDraft.FIELD_AT, date, dateUnreadable, time);
        problems.watch(FIELD_TIME, time);
        problems.watch(MeetingDraft.FIELD_KIND, kind);
        problems.watch(MeetingDraft.FIELD_PLACE, place, kind);
        problems.watch(MeetingDraft.FIELD_DUTY, dutyExplainedOn, dutyUnreadable);
        problems.watch(MeetingDraft.FIELD_REPORTED, reportedOn, reportedUnreadable, outcome);
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.dirtyProperty();
    }

    /** "9:30" and "09:30" are the same time; null when what is typed is not a time. */
    private LocalTime parsedTime() {
        String typed = time.get() == null ? "" : time.get().strip();
        try {
            return LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The form as the domain sees it, or null with the problems shown when it cannot be one. */
    MeetingDraft draft() {
        LocalTime at = parsedTime();
        if (at == null) {
            problems.show(List.of(Problem.of(FIELD_TIME, "meeting.problem.time")));
            return null;
        }
        if (dateUnreadable.get() || dutyUnreadable.get() || reportedUnreadable.get()) {
            problems.show(List.of(Problem.of(
                    dateUnreadable.get()
                            ? MeetingDraft.FIELD_AT
                            : dutyUnreadable.get() ? MeetingDraft.FIELD_DUTY : MeetingDraft.FIELD_REPORTED,
                    "validation.date")));
            return null;
        }
        var draft = new MeetingDraft(
                parent.enrolmentId(),
                earlier == null ? null : earlier.id(),
                date.get() == null ? null : LocalDateTime.of(date.get(), at),
                kind.get(),
                place.get(),
                outcome.get(),
                attendees.get(),
                socialSecretaryJoined.get(),
                notes.get(),
                nextSteps.get(),
                dutyExplainedOn.get(),
                reportAsked.get() ? reportedOn.get() : null);
        List<Problem> found = draft.problems(parent.today());
        problems.show(found);
        return found.isEmpty() ? draft : null;
    }

    /** Checks the form and records the meeting in the background; onSaved gets it. */
    void save(Consumer<Meeting> onSaved) {
        MeetingDraft draft = draft();
        if (draft == null) {
            return;
        }
        Map<UUID, String> written = new LinkedHashMap<>();
        followUps.forEach(line -> written.put(line.activity().id(), line.note().get()));
        problems.save(parent.tasks(), () -> parent.workflow().recordMeeting(draft, written), recorded -> {
            dirty.reset();
            parent.closed(this);
            parent.changed();
            onSaved.accept(recorded);
        });
    }
}
