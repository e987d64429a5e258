package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The exit with a clear reason. "Unknown" needs a note on what was tried, and the screen says
 * why: unknown exits hide real outcomes (004).
 */
final class ExitPane extends VBox {
    ExitPane(WorkViewModel model, I18n i18n, DialogService dialogs) {
        setSpacing(8);
        setPadding(new Insets(12));
        FieldProblems problems = new FieldProblems(i18n);
        var grid = Forms.grid();
        SimpleObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
        SimpleBooleanProperty dateBad = new SimpleBooleanProperty();
        var picker = Forms.date("exitDate", i18n.get("date.prompt"), date, dateBad);
        Forms.row(grid, 0, i18n.get("exit.date"), picker, problems.of(ExitDraft.FIELD_DATE));
        ComboBox<ExitReason> reason = Cells.choice("exitReason", i18n, ExitReason.values());
        Forms.row(grid, 1, i18n.get("exit.reason"), reason, problems.of(ExitDraft.FIELD_REASON));
        Label why = new Label(i18n.get("exit.unknownWhy"));
        why.setId("exitUnknownWhy");
        why.setWrapText(true);
        why.getStyleClass().add("notice");
        why.visibleProperty().bind(reason.valueProperty().isEqualTo(ExitReason.UNKNOWN));
        why.managedProperty().bind(why.visibleProperty());
        grid.add(why, 1, 4);
        TextArea note = new TextArea();
        note.setId("exitNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        Forms.row(grid, 3, i18n.get("exit.note"), note, problems.of(ExitDraft.FIELD_NOTE));
        Label after = new Label(i18n.get("exit.after"));
        after.setWrapText(true);
        Button exit = new Button(i18n.get("exit.save"));
        exit.setId("exitSave");
        exit.disableProperty().bind(problems.savingProperty());
        exit.setOnAction(e -> {
            Forms.commit(picker);
            if (dateBad.get()) {
                problems.show(List.of(Problem.of(ExitDraft.FIELD_DATE, "validation.date")));
                return;
            }
            if (reason.getValue() != null && date.get() != null && !dialogs.confirm(i18n.get("exit.confirm.title"),
                    i18n.get("exit.confirm.text", date.get(), i18n.of(reason.getValue())), i18n.get("exit.confirm.yes"))) {
                return;
            }
            model.exit(date.get(), reason.getValue(), note.getText(), problems, () -> { });
        });
        VBox form = new VBox(8, grid, after, exit);
        form.setId("exitForm");

        Label done = new Label();
        done.setId("exitDone");
        done.setWrapText(true);
        done.getStyleClass().add("section-title");

        // A month after the exit: what did the person go on to? (the national comparison)
        FieldProblems checkProblems = new FieldProblems(i18n);
        var checkGrid = Forms.grid();
        ComboBox<se.jobbtorg.coach.domain.ExitCheck> check = Cells.choice("exitCheck", i18n,
                se.jobbtorg.coach.domain.ExitCheck.values());
        Forms.row(checkGrid, 0, i18n.get("exit.check"), check,
                checkProblems.of(se.jobbtorg.coach.service.WorkflowService.FIELD_CHECK));
        SimpleObjectProperty<LocalDate> checkedOn = new SimpleObjectProperty<>();
        SimpleBooleanProperty checkedBad = new SimpleBooleanProperty();
        var checkedPicker = Forms.date("exitCheckedOn", i18n.get("date.prompt"), checkedOn, checkedBad);
        Forms.row(checkGrid, 1, i18n.get("exit.checkedOn"), checkedPicker,
                checkProblems.of(se.jobbtorg.coach.service.WorkflowService.FIELD_CHECKED_ON));
        Label checkWhy = new Label(i18n.get("exit.check.why"));
        checkWhy.setWrapText(true);
        checkWhy.getStyleClass().add("history");
        Button saveCheck = new Button(i18n.get("exit.check.save"));
        saveCheck.setId("exitCheckSave");
        saveCheck.disableProperty().bind(checkProblems.savingProperty());
        saveCheck.setOnAction(e -> {
            Forms.commit(checkedPicker);
            if (checkedBad.get()) {
                checkProblems.show(List.of(Problem.of(se.jobbtorg.coach.service.WorkflowService.FIELD_CHECKED_ON,
                        "validation.date")));
                return;
            }
            model.checkExit(check.getValue(), checkedOn.get(), checkProblems);
        });
        Label checkTitle = new Label(i18n.get("exit.check.title"));
        checkTitle.getStyleClass().add("section-title");
        VBox checkForm = new VBox(6, checkTitle, checkWhy, checkGrid, saveCheck);
        model.workProperty().addListener((o, old, work) -> {
            if (work == null) {
                return;
            }
            var enrolment = work.enrolment();
            if (enrolment.isOpen()) {
                if (date.get() == null) {
                    date.set(model.today());
                }
                getChildren().setAll(form);
            } else {
                done.setText(i18n.get("exit.done", enrolment.exitedOn(), i18n.of(enrolment.exitReason()))
                        + (work.exitNote() == null ? "" : "\n" + work.exitNote()));
                check.setValue(work.exitCheck());
                checkedOn.set(work.exitCheckedOn() != null ? work.exitCheckedOn()
                        : enrolment.exitedOn().plusMonths(1).isAfter(model.today()) ? null : model.today());
                getChildren().setAll(done, checkForm);
            }
        });
    }
}
