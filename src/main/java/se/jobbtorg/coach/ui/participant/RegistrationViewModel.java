package se.jobbtorg.coach.ui.participant;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.ui.common.FieldProblems;
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

    final FieldProblems problems;
    final StringProperty numberProblem;
    final StringProperty firstNameProblem;
    final StringProperty lastNameProblem;
    final StringProperty phoneProblem;
    final StringProperty emailProblem;

    /** The participant being changed; null when a new person is registered. */
    private UUID editing;

    /** The form for changing a registered person's details, filled with them. */
    public static RegistrationViewModel forEditing(
            CaseloadService caseload, TaskRunner tasks, I18n i18n, Participant p) {
        RegistrationViewModel model = new RegistrationViewModel(caseload, tasks, i18n);
        model.editing = p.id();
        model.personalNumber.set(p.personalNumber().display());
        model.firstName.set(p.firstName());
        model.lastName.set(p.lastName());
        model.phone.set(p.phone() == null ? "" : p.phone());
        model.email.set(p.email() == null ? "" : p.email());
        model.homeDistrict.set(p.homeDistrict() == null ? "" : p.homeDistrict());
        return model;
    }

    boolean isEditing() {
        return editing != null;
    }

    public RegistrationViewModel(CaseloadService caseload, TaskRunner tasks, I18n i18n) {
        this.caseload = caseload;
        this.tasks = tasks;
        this.i18n = i18n;
        this.problems = new FieldProblems(i18n);
        this.numberProblem = problems.of(ParticipantDraft.FIELD_NUMBER);
        this.firstNameProblem = problems.of(ParticipantDraft.FIELD_FIRST_NAME);
        this.lastNameProblem = problems.of(ParticipantDraft.FIELD_LAST_NAME);
        this.phoneProblem = problems.of(ParticipantDraft.FIELD_PHONE);
        this.emailProblem = problems.of(ParticipantDraft.FIELD_EMAIL);
        problems.checkWith(() -> draft().problems(caseload.today()));
        problems.watch(ParticipantDraft.FIELD_FIRST_NAME, firstName);
        problems.watch(ParticipantDraft.FIELD_LAST_NAME, lastName);
        problems.watch(ParticipantDraft.FIELD_PHONE, phone);
        problems.watch(ParticipantDraft.FIELD_EMAIL, email);
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
        numberProblem.set(
                result.isValid()
                        ? ""
                        : i18n.get("pin.problem." + result.defect().name()));
    }

    /** Checks one of the other fields by the form's rules, as the user leaves it. */
    void checkOnLeaving(String field) {
        StringProperty value = switch (field) {
            case ParticipantDraft.FIELD_FIRST_NAME -> firstName;
            case ParticipantDraft.FIELD_LAST_NAME -> lastName;
            case ParticipantDraft.FIELD_PHONE -> phone;
            case ParticipantDraft.FIELD_EMAIL -> email;
            default -> throw new IllegalArgumentException(field);
        };
        problems.check(field, value.get());
    }

    /** Shows the number in its display form once it is valid (8503121234 becomes 19850312-1234). */
    public void tidyNumber() {
        var result = PersonalIdentityNumber.parse(personalNumber.get(), caseload.today());
        if (result.isValid()) {
            personalNumber.set(result.value().display());
        }
    }

    ParticipantDraft draft() {
        return new ParticipantDraft(
                personalNumber.get(), firstName.get(), lastName.get(), phone.get(), email.get(), homeDistrict.get());
    }

    /**
     * Saves in the background. Problems appear next to their fields and nothing is saved; on
     * success onSaved gets the new participant. Other failures go to onError.
     */
    public void save(Consumer<Participant> onSaved, Consumer<Throwable> onError) {
        ParticipantDraft draft = draft();
        List<Problem> found = draft.problems(caseload.today());
        problems.show(found);
        if (found.isEmpty()) {
            UUID id = editing;
            problems.save(
                    tasks, () -> id == null ? caseload.register(draft) : caseload.update(id, draft), onSaved, onError);
        }
    }
}
