package se.jobbtorg.coach.ui.participant;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** The enrolment form for one participant. */
public final class EnrolmentViewModel {
    private final CaseloadService caseload;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final UUID participantId;

    final ObjectProperty<LocalDate> enrolledOn = new SimpleObjectProperty<>();
    final BooleanProperty enrolledOnUnreadable = new SimpleBooleanProperty(false);
    final StringProperty referringUnit = new SimpleStringProperty("");
    final StringProperty socialSecretary = new SimpleStringProperty("");
    final Map<TargetGroup, BooleanProperty> targetGroups = new EnumMap<>(TargetGroup.class);
    final StringProperty language = new SimpleStringProperty("");
    final BooleanProperty interpreterNeeded = new SimpleBooleanProperty(false);
    final ObjectProperty<Coach> coach = new SimpleObjectProperty<>();
    final ObservableList<Coach> coaches = FXCollections.observableArrayList();

    final FieldProblems problems;
    final StringProperty dateProblem;
    final StringProperty unitProblem;
    final StringProperty targetGroupProblem;
    final StringProperty languageProblem;

    public EnrolmentViewModel(
            CaseloadService caseload,
            TaskRunner tasks,
            I18n i18n,
            UUID participantId,
            List<Coach> coaches,
            Coach currentCoach) {
        this.caseload = caseload;
        this.tasks = tasks;
        this.i18n = i18n;
        this.participantId = participantId;
        this.problems = new FieldProblems(i18n);
        this.dateProblem = problems.of(EnrolmentDraft.FIELD_DATE);
        this.unitProblem = problems.of(EnrolmentDraft.FIELD_UNIT);
        this.targetGroupProblem = problems.of(EnrolmentDraft.FIELD_TARGET_GROUPS);
        this.languageProblem = problems.of(EnrolmentDraft.FIELD_LANGUAGE);
        for (TargetGroup group : TargetGroup.values()) {
            targetGroups.put(group, new SimpleBooleanProperty(false));
        }
        this.coaches.setAll(coaches);
        coach.set(currentCoach);
        enrolledOn.set(caseload.today());
        // A problem goes as soon as the user has corrected it (the service's own check, with the
        // person's other enrolments, runs again at saving).
        problems.checkWith(() -> draft().problems(caseload.today(), List.of()));
        problems.watch(EnrolmentDraft.FIELD_DATE, enrolledOn, enrolledOnUnreadable);
        problems.watch(EnrolmentDraft.FIELD_UNIT, referringUnit);
        problems.watch(EnrolmentDraft.FIELD_TARGET_GROUPS, targetGroups.values().toArray(BooleanProperty[]::new));
        problems.watch(EnrolmentDraft.FIELD_LANGUAGE, language);
    }

    EnrolmentDraft draft() {
        Set<TargetGroup> chosen = EnumSet.noneOf(TargetGroup.class);
        targetGroups.forEach((group, on) -> {
            if (on.get()) {
                chosen.add(group);
            }
        });
        return new EnrolmentDraft(
                participantId,
                coach.get() == null ? null : coach.get().id(),
                enrolledOn.get(),
                referringUnit.get(),
                socialSecretary.get(),
                chosen,
                language.get(),
                interpreterNeeded.get());
    }

    /** Saves in the background; problems appear next to their fields and nothing is saved. */
    public void save(Consumer<Enrolment> onSaved, Consumer<Throwable> onError) {
        if (enrolledOnUnreadable.get()) {
            problems.show(List.of(Problem.of(EnrolmentDraft.FIELD_DATE, "validation.date")));
            return;
        }
        // The service checks again, with the participant's other enrolments, in its transaction.
        EnrolmentDraft draft = draft();
        List<Problem> found = draft.problems(caseload.today(), List.of());
        problems.show(found);
        if (found.isEmpty()) {
            problems.save(tasks, () -> caseload.enrol(draft), onSaved, onError);
        }
    }
}
