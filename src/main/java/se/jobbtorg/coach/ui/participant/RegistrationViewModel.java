package se.jobbtorg.coach.ui.participant;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.ValidationException;
import se.jobbtorg.coach.ui.common.I18n;
import se.jobbtorg.coach.ui.common.TaskRunner;

/** The registration form: its fields, the problem shown next to each, and saving. */
public final class RegistrationViewModel {
    private final CaseloadService caseload;
    private final TaskRunner tasks;
    private final I18n i18n;

    final StringProperty personalNumber = new SimpleStringProperty("");
    final StringProperty firstName = new SimpleStringProperty("");
    final StringProperty lastName = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final StringProperty homeDistrict = new SimpleStringProperty("");

    final StringProperty numberProblem = new SimpleStringProperty("");
    final StringProperty firstNameProblem = new SimpleStringProperty("");
    final StringProperty lastNameProblem = new SimpleStringProperty("");
    final StringProperty phoneProblem = new SimpleStringProperty("");
    final StringProperty emailProblem = new SimpleStringProperty("");
    final BooleanProperty saving = new SimpleBooleanProperty(false);

    private final Map<String, StringProperty> problemsByField;

    public RegistrationViewModel(CaseloadService caseload, TaskRunner tasks, I18n i18n) {
        this.caseload = caseload;
        this.tasks = tasks;
        this.i18n = i18n;
        this.problemsByField = Map.of(
                ParticipantDraft.FIELD_NUMBER, numberProblem,
                ParticipantDraft.FIELD_FIRST_NAME, firstNameProblem,
                ParticipantDraft.FIELD_LAST_NAME, lastNameProblem,
                ParticipantDraft.FIELD_PHONE, phoneProblem,
                ParticipantDraft.FIELD_EMAIL, emailProblem);
        // A fixed problem disappears as soon as the user has corrected it.
        personalNumber.addListener((o, a, b) -> {
            if (!numberProblem.get().isEmpty()) {
                checkNumber();
            }
        });
    }

    /** Checks the number alone, as the user leaves the field. */
    public void checkNumber() {
        if (personalNumber.get().isBlank()) {
            numberProblem.set("");
            return;
        }
        var result = PersonalIdentityNumber.parse(personalNumber.get(), caseload.today());
        numberProblem.set(result.isValid() ? "" : i18n.get("pin.problem." + result.problem().name()));
    }

    /** Shows the number in its display form once it is valid (8503121234 becomes 19850312-1234). */
    public void tidyNumber() {
        var result = PersonalIdentityNumber.parse(personalNumber.get(), caseload.today());
        if (result.isValid()) {
            personalNumber.set(result.value().display());
        }
    }

    ParticipantDraft draft() {
        return new ParticipantDraft(personalNumber.get(), firstName.get(), lastName.get(), phone.get(),
                email.get(), homeDistrict.get());
    }

    /**
     * Saves in the background. Problems appear next to their fields and nothing is saved; on
     * success onSaved gets the new participant. Other failures go to onError.
     */
    public void save(Consumer<Participant> onSaved, Consumer<Throwable> onError) {
        List<Problem> problems = draft().problems(caseload.today());
        show(problems);
        if (!problems.isEmpty() || saving.get()) {
            return;
        }
        saving.set(true);
        ParticipantDraft draft = draft();
        tasks.run(() -> caseload.register(draft), p -> {
            saving.set(false);
            onSaved.accept(p);
        }, error -> {
            saving.set(false);
            if (error instanceof ValidationException v) {
                show(v.problems());
            } else {
                onError.accept(error);
            }
        });
    }

    private void show(List<Problem> problems) {
        problemsByField.values().forEach(p -> p.set(""));
        for (Problem problem : problems) {
            StringProperty target = problemsByField.get(problem.field());
            if (target != null && target.get().isEmpty()) {
                target.set(i18n.problem(problem));
            }
        }
    }
}
