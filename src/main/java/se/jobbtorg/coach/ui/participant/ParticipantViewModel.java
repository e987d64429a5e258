package se.jobbtorg.coach.ui.participant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** One participant and all their enrolments, the newest first. */
public final class ParticipantViewModel {

    /** An enrolment with its coach's name, as the table shows it. */
    public record EnrolmentRow(Enrolment enrolment, String coachName, long days) {}

    private final CaseloadService caseload;
    private final CoachService coaches;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    private final UUID participantId;

    private final ObjectProperty<Participant> participant = new SimpleObjectProperty<>();
    private final ObservableList<EnrolmentRow> enrolments = FXCollections.observableArrayList();
    private final BooleanProperty enrolled = new SimpleBooleanProperty();
    private final BooleanProperty missing = new SimpleBooleanProperty();

    public ParticipantViewModel(
            CaseloadService caseload,
            CoachService coaches,
            TaskRunner tasks,
            Consumer<Throwable> onError,
            UUID participantId) {
        this.caseload = caseload;
        this.coaches = coaches;
        this.tasks = tasks;
        this.onError = onError;
        this.participantId = participantId;
    }

    /** Whether the page has read the person once: the opening. */
    private boolean opened;

    private record Loaded(Participant participant, List<Enrolment> enrolments, Map<UUID, String> coachNames) {}

    /**
     * Reads the person and their enrolments. The first load is the opening of the page, a
     * reading the audit trail keeps; a load after a change reads again without a new entry.
     */
    public void load() {
        boolean opening = !opened;
        opened = true;
        tasks.run(
                () -> new Loaded(
                        (opening ? caseload.open(participantId) : caseload.participant(participantId)).orElse(null),
                        caseload.enrolments(participantId),
                        coaches.coaches().stream().collect(Collectors.toMap(Coach::id, Coach::name))),
                loaded -> {
                    participant.set(loaded.participant());
                    missing.set(loaded.participant() == null);
                    var today = caseload.today();
                    enrolments.setAll(loaded.enrolments().stream()
                            .map(e -> new EnrolmentRow(
                                    e,
                                    e.coachId() == null
                                            ? ""
                                            : loaded.coachNames().getOrDefault(e.coachId(), ""),
                                    e.daysEnrolled(today)))
                            .toList());
                    enrolled.set(!enrolments.isEmpty()
                            && enrolments.get(0).enrolment().isOpen());
                },
                onError);
    }

    public UUID participantId() {
        return participantId;
    }

    /** True when the participant is no longer in the database (deleted since the list was read). */
    public ReadOnlyBooleanProperty missingProperty() {
        return missing;
    }

    public ObjectProperty<Participant> participantProperty() {
        return participant;
    }

    public ObservableList<EnrolmentRow> enrolments() {
        return enrolments;
    }

    /** True when the newest enrolment is still open: a new one cannot start. */
    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled;
    }
}
