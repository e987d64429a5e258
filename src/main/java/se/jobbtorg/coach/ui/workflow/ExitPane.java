package se.jobbtorg.coach.ui.workflow;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.WeakListeners;

/**
 * The exit with a clear reason. "Unknown" needs a note on what was tried, and the screen says
 * why: unknown exits hide real outcomes (004).
 */
final class ExitPane extends VBox {
    ExitPane(WorkViewModel work, I18n i18n, DialogService dialogs) {
        ExitViewModel model = work.exit;
        setSpacing(8);
        setPadding(new Insets(12));
        var grid = Forms.grid();
        var picker = Forms.date("exitDate", i18n.get("date.prompt"), model.date, model.dateUnreadable);
        Forms.required(
                Forms.row(grid, 0, i18n.get("exit.date"), picker, model.problems.of(ExitDraft.FIELD_DATE)), i18n);
        ComboBox<ExitReason> reason = Cells.choice("exitReason", i18n, ExitReason.values());
        reason.valueProperty().bindBidirectional(model.reason);
        Forms.required(
                Forms.row(grid, 1, i18n.get("exit.reason"), reason, model.problems.of(ExitDraft.FIELD_REASON)), i18n);
        Label why = new Label(i18n.get("exit.unknownWhy"));
        why.setId("exitUnknownWhy");
        why.setWrapText(true);
        why.getStyleClass().add("notice");
        why.visibleProperty().bind(model.unknownReason);
        why.managedProperty().bind(why.visibleProperty());
        grid.add(why, 1, 4);
        TextArea note = MultiLine.area("exitNote", model.note, 3);
        Forms.row(grid, 3, i18n.get("exit.note"), note, model.problems.of(ExitDraft.FIELD_NOTE));
        FirstProblem.focusOnRefusal(grid, model.problems);
        Label after = new Label(i18n.get("exit.after"));
        after.setWrapText(true);
        Button exit = new Button(i18n.get("exit.save"));
        exit.setId("exitSave");
        exit.disableProperty().bind(model.problems.savingProperty());
        // The model asks, so the question about unsaved work saves an exit the same way.
        model.confirmWith(dialogs::confirm);
        exit.setOnAction(e -> {
            Forms.commit(picker);
            model.confirmAndSave(() -> {});
        });
        VBox form = new VBox(8, grid, after, exit, Forms.formError("exitError", model.problems.errorProperty()));
        form.setId("exitForm");

        Label done = new Label();
        done.setId("exitDone");
        done.setWrapText(true);
        done.getStyleClass().add("section-title");

        ExitCheckViewModel checkModel = work.exitCheck;
        var checkGrid = Forms.grid();
        ComboBox<ExitCheck> check = Cells.choice("exitCheck", i18n, ExitCheck.values());
        check.valueProperty().bindBidirectional(checkModel.check);
        Forms.required(Forms.row(checkGrid, 0, i18n.get("exit.check"), check, checkModel.checkProblem), i18n);
        var checkedPicker = Forms.date(
                "exitCheckedOn", i18n.get("date.prompt"), checkModel.checkedOn, checkModel.checkedOnUnreadable);
        Forms.row(checkGrid, 1, i18n.get("exit.checkedOn"), checkedPicker, checkModel.checkedOnProblem);
        FirstProblem.focusOnRefusal(checkGrid, checkModel.problems);
        Label checkWhy = new Label(i18n.get("exit.check.why"));
        checkWhy.setWrapText(true);
        checkWhy.getStyleClass().add("history");
        Button saveCheck = new Button(i18n.get("exit.check.save"));
        saveCheck.setId("exitCheckSave");
        saveCheck.disableProperty().bind(checkModel.problems.savingProperty());
        saveCheck.setOnAction(e -> {
            Forms.commit(checkedPicker);
            checkModel.save();
        });
        Label checkTitle = new Label(i18n.get("exit.check.title"));
        checkTitle.getStyleClass().add("section-title");
        VBox checkForm = new VBox(
                6,
                checkTitle,
                checkWhy,
                checkGrid,
                saveCheck,
                Forms.formError("exitCheckError", checkModel.problems.errorProperty()));
        ChangeListener<WorkPage> onWork = (o, old, loaded) -> {
            if (loaded == null) {
                return;
            }
            var enrolment = loaded.enrolment();
            if (enrolment.isOpen()) {
                getChildren().setAll(form);
            } else {
                // The exit form goes; the focus it had moves on to the check that follows it.
                boolean hadFocus = getScene() != null && within(getScene().getFocusOwner(), form);
                done.setText(i18n.get("exit.done", enrolment.exitedOn(), i18n.of(enrolment.exitReason()))
                        + (loaded.exitNote() == null ? "" : "\n" + loaded.exitNote()));
                getChildren().setAll(done, checkForm);
                if (hadFocus) {
                    check.requestFocus();
                }
            }
        };
        WeakListeners.whileAlive(this, work.pageProperty(), onWork);
        // A view built for work already loaded (a rebuilt view) shows it at once.
        onWork.changed(work.pageProperty(), null, work.pageProperty().get());
    }

    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
