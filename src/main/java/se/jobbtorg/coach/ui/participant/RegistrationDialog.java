package se.jobbtorg.coach.ui.participant;

import javafx.event.ActionEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import se.jobbtorg.coach.domain.Districts;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.UiContext;

/** Registers a person: number first, as a coach has it in front of them on the referral. */
public final class RegistrationDialog extends FormDialog<Participant> {

    public RegistrationDialog(UiContext ui, RegistrationViewModel model) {
        this(ui, model, ui.i18n(), Forms.grid(), Forms.text("personalNumberField", model.personalNumber));
    }

    private RegistrationDialog(UiContext ui, RegistrationViewModel model, I18n i18n, GridPane grid, TextField number) {
        super(
                ui.owner().get(),
                "registrationDialog",
                i18n.get(model.isEditing() ? "registration.edit.title" : "registration.title"),
                i18n.get(model.isEditing() ? "registration.edit.header" : "registration.header"),
                grid,
                i18n.get(model.isEditing() ? "registration.edit.save" : "registration.save"),
                "saveRegistration",
                i18n.get("button.cancel"),
                number);
        number.setPromptText(i18n.get("registration.number.prompt"));
        number.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.checkNumber();
                model.tidyNumber();
            }
        });
        Forms.required(Forms.row(grid, 0, i18n.get("registration.number"), number, model.numberProblem), i18n);
        Forms.required(
                Forms.row(
                        grid,
                        1,
                        i18n.get("registration.firstName"),
                        checkedOnLeaving(
                                Forms.text("firstNameField", model.firstName),
                                model,
                                ParticipantDraft.FIELD_FIRST_NAME),
                        model.firstNameProblem),
                i18n);
        Forms.required(
                Forms.row(
                        grid,
                        2,
                        i18n.get("registration.lastName"),
                        checkedOnLeaving(
                                Forms.text("lastNameField", model.lastName), model, ParticipantDraft.FIELD_LAST_NAME),
                        model.lastNameProblem),
                i18n);
        Forms.row(
                grid,
                3,
                i18n.get("registration.phone"),
                checkedOnLeaving(Forms.text("phoneField", model.phone), model, ParticipantDraft.FIELD_PHONE),
                model.phoneProblem);
        Forms.row(
                grid,
                4,
                i18n.get("registration.email"),
                checkedOnLeaving(Forms.text("emailField", model.email), model, ParticipantDraft.FIELD_EMAIL),
                model.emailProblem);
        ComboBox<String> district = Forms.editableCombo("districtField", Districts.STOCKHOLM, model.homeDistrict);
        Forms.row(grid, 5, i18n.get("registration.district"), district, null);
        Forms.growWith(
                this,
                model.numberProblem,
                model.firstNameProblem,
                model.lastNameProblem,
                model.phoneProblem,
                model.emailProblem);

        FirstProblem.focusOnRefusal(grid, model.problems);
        okButton().disableProperty().bind(model.problems.savingProperty());
        // The dialog stays open until the participant is saved; problems show beside the fields.
        okButton().addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.tidyNumber();
            model.save(
                    p -> {
                        setResult(p);
                        close();
                    },
                    error -> ui.dialogs().showError("registration.failed", error));
        });
        setResultConverter(button -> null);
        askBeforeDiscarding(ui);
    }

    /** Every field is checked as the user leaves it, as the number is: not only at saving. */
    private static TextField checkedOnLeaving(TextField field, RegistrationViewModel model, String name) {
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.checkOnLeaving(name);
            }
        });
        return field;
    }
}
