package se.jobbtorg.coach.ui.participant;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Districts;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;
import se.jobbtorg.coach.ui.common.UiContext;

/** Enrols a participant: the referral, target groups, language and the coach. */
public final class EnrolmentDialog extends FormDialog<Enrolment> {
    private static final List<String> LANGUAGES = List.of(
            "svenska",
            "arabiska",
            "somaliska",
            "tigrinja",
            "dari",
            "persiska",
            "turkiska",
            "engelska",
            "bosniska",
            "spanska",
            "kurdiska",
            "polska");

    public EnrolmentDialog(UiContext ui, EnrolmentViewModel model, String participantName) {
        this(
                ui,
                model,
                ui.i18n(),
                participantName,
                Forms.grid(),
                Forms.date(
                        "enrolledOnField", ui.i18n().get("date.prompt"), model.enrolledOn, model.enrolledOnUnreadable));
    }

    private EnrolmentDialog(
            UiContext ui, EnrolmentViewModel model, I18n i18n, String participantName, GridPane grid, DatePicker date) {
        super(
                ui.owner().get(),
                "enrolmentDialog",
                i18n.get("enrolment.title"),
                i18n.get("enrolment.header", participantName),
                grid,
                i18n.get("enrolment.save"),
                "saveEnrolment",
                i18n.get("button.cancel"),
                date);
        Forms.required(Forms.row(grid, 0, i18n.get("enrolment.date"), date, model.dateProblem), i18n);

        ComboBox<String> unit = Forms.editableCombo(
                "referringUnitField",
                Districts.STOCKHOLM.stream()
                        .map(d -> i18n.get("enrolment.unit.pattern", d))
                        .toList(),
                model.referringUnit);
        Forms.required(Forms.row(grid, 1, i18n.get("enrolment.unit"), unit, model.unitProblem), i18n);
        Forms.row(
                grid,
                2,
                i18n.get("enrolment.secretary"),
                Forms.text("socialSecretaryField", model.socialSecretary),
                null);

        VBox groups = new VBox(4);
        groups.setId("targetGroups");
        for (TargetGroup group : TargetGroup.values()) {
            CheckBox box = new CheckBox(i18n.of(group));
            box.setId("targetGroup-" + group.code());
            box.selectedProperty().bindBidirectional(model.targetGroups.get(group));
            groups.getChildren().add(box);
        }
        // The label's mnemonic goes to the first box: a VBox cannot take the focus.
        Forms.required(Forms.row(grid, 3, i18n.get("enrolment.targetGroups"), groups, model.targetGroupProblem), i18n)
                .setLabelFor(groups.getChildren().get(0));

        ComboBox<String> language = Forms.editableCombo("languageField", LANGUAGES, model.language);
        Forms.row(grid, 4, i18n.get("enrolment.language"), language, model.languageProblem);
        CheckBox interpreter = new MnemonicCheckBox(i18n.get("enrolment.interpreter"));
        interpreter.setId("interpreterField");
        interpreter.selectedProperty().bindBidirectional(model.interpreterNeeded);
        grid.add(interpreter, 1, 10);

        ComboBox<Coach> coach = new ComboBox<>(model.coaches);
        coach.setId("coachField");
        coach.valueProperty().bindBidirectional(model.coach);
        coach.setConverter(new StringConverter<>() {
            @Override
            public String toString(Coach c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Coach fromString(String s) {
                return null;
            }
        });
        coach.setMaxWidth(Double.MAX_VALUE);
        Forms.row(grid, 6, i18n.get("enrolment.coach"), coach, null);
        Forms.growWith(this, model.dateProblem, model.unitProblem, model.targetGroupProblem, model.languageProblem);

        FirstProblem.focusOnRefusal(grid, model.problems);
        okButton().disableProperty().bind(model.problems.savingProperty());
        okButton().addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            // Take what is typed in the date field even if the user has not left it.
            date.setValue(date.getConverter().fromString(date.getEditor().getText()));
            model.save(
                    enrolment -> {
                        setResult(enrolment);
                        close();
                    },
                    error -> ui.dialogs().showError("enrolment.failed", error));
        });
        setResultConverter(button -> null);
        askBeforeDiscarding(ui);
    }
}
