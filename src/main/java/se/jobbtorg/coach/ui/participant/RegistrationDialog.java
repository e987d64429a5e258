package se.jobbtorg.coach.ui.participant;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import se.jobbtorg.coach.domain.Districts;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.i18n.I18n;

/** Registers a person: number first, as a coach has it in front of them on the referral. */
public final class RegistrationDialog extends Dialog<Participant> {

    public RegistrationDialog(Window owner, RegistrationViewModel model, I18n i18n, DialogService dialogs) {
        initOwner(owner);
        setTitle(i18n.get(model.isEditing() ? "registration.edit.title" : "registration.title"));
        setHeaderText(i18n.get(model.isEditing() ? "registration.edit.header" : "registration.header"));
        getDialogPane().setId("registrationDialog");

        var grid = Forms.grid();
        TextField number = Forms.text("personalNumberField", model.personalNumber);
        number.setPromptText(i18n.get("registration.number.prompt"));
        number.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.checkNumber();
                model.tidyNumber();
            }
        });
        Forms.row(grid, 0, i18n.get("registration.number"), number, model.numberProblem);
        Forms.row(grid, 1, i18n.get("registration.firstName"), Forms.text("firstNameField", model.firstName),
                model.firstNameProblem);
        Forms.row(grid, 2, i18n.get("registration.lastName"), Forms.text("lastNameField", model.lastName),
                model.lastNameProblem);
        Forms.row(grid, 3, i18n.get("registration.phone"), Forms.text("phoneField", model.phone), model.phoneProblem);
        Forms.row(grid, 4, i18n.get("registration.email"), Forms.text("emailField", model.email), model.emailProblem);
        ComboBox<String> district = Forms.editableCombo("districtField", Districts.STOCKHOLM, model.homeDistrict);
        Forms.row(grid, 5, i18n.get("registration.district"), district, null);
        getDialogPane().setContent(grid);
        Forms.growWith(this, model.numberProblem, model.firstNameProblem, model.lastNameProblem, model.phoneProblem,
                model.emailProblem);

        ButtonType save = new ButtonType(i18n.get(model.isEditing() ? "registration.edit.save" : "registration.save"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, new ButtonType(i18n.get("button.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveRegistration");
        saveButton.disableProperty().bind(model.problems.savingProperty());
        // The dialog stays open until the participant is saved; problems show beside the fields.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.tidyNumber();
            model.save(p -> {
                setResult(p);
                close();
            }, error -> dialogs.showError("registration.failed", error));
        });
        setResultConverter(button -> null);
        Platform.runLater(number::requestFocus);
    }
}
