package se.jobbtorg.coach.ui.workflow;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.WeakListeners;

/**
 * The exit with a clear reason. "Unknown" needs a note on what was tried, and the screen says
 * why: unknown exits hide real outcomes (004). An exit or its check entered in error is undone
 * with a reason, and stays below, struck through (decision 0009).
 */
final class ExitPane extends VBox {
    ExitPane(WorkViewModel work, UiContext ui) {
        I18n i18n = ui.i18n();
        DialogService dialogs = ui.dialogs();
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
        Button undo = new Button(i18n.get("exit.undo"));
        undo.setId("exitUndo");
        undo.setOnAction(e -> {
            var loaded = work.pageProperty().get();
            if (loaded != null && !loaded.enrolment().isOpen()) {
                var enrolment = loaded.enrolment();
                Voiding.ask(
                        work,
                        ui,
                        EntryVoid.Kind.EXIT,
                        enrolment.id(),
                        i18n.get("exit.undo.title"),
                        i18n.get("exit.undo.header", i18n.date(enrolment.exitedOn()), i18n.of(enrolment.exitReason())),
                        i18n.get("exit.undo.save"));
            }
        });

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
        Button undoCheck = new Button(i18n.get("exit.check.undo"));
        undoCheck.setId("exitCheckUndo");
        undoCheck.setOnAction(e -> {
            var loaded = work.pageProperty().get();
            if (loaded != null && loaded.exitCheck() != null) {
                Voiding.ask(
                        work,
                        ui,
                        EntryVoid.Kind.EXIT_CHECK,
                        loaded.enrolment().id(),
                        i18n.get("exit.check.undo.title"),
                        i18n.get(
                                "exit.check.undo.header",
                                i18n.date(loaded.exitCheckedOn()),
                                i18n.of(loaded.exitCheck())),
                        i18n.get("void.save"));
            }
        });
        Label checkTitle = new Label(i18n.get("exit.check.title"));
        checkTitle.getStyleClass().add("section-title");
        VBox checkForm = new VBox(
                6,
                checkTitle,
                checkWhy,
                checkGrid,
                new HBox(8, saveCheck, undoCheck),
                Forms.formError("exitCheckError", checkModel.problems.errorProperty()));
        ChangeListener<WorkPage> onWork = (o, old, loaded) -> {
            if (loaded == null) {
                return;
            }
            var enrolment = loaded.enrolment();
            // What had the focus may go with the content it was in (the exit form after an exit,
            // "Ångra avslutet…" after an undo): it moves on to the form that takes its place.
            boolean hadFocus = getScene() != null && within(getScene().getFocusOwner(), this);
            VBox undone = undone(loaded, i18n);
            undoCheck.setDisable(loaded.exitCheck() == null);
            if (enrolment.isOpen()) {
                boolean wasExited = getChildren().contains(done);
                getChildren().setAll(form, undone);
                if (hadFocus && wasExited) {
                    picker.requestFocus();
                }
            } else {
                boolean wasOpen = !getChildren().contains(done);
                done.setText(i18n.get("exit.done", enrolment.exitedOn(), i18n.of(enrolment.exitReason()))
                        + (loaded.exitNote() == null ? "" : "\n" + loaded.exitNote()));
                getChildren().setAll(done, undo, checkForm, undone);
                if (hadFocus && wasOpen) {
                    check.requestFocus();
                }
            }
        };
        WeakListeners.whileAlive(this, work.pageProperty(), onWork);
        // A view built for work already loaded (a rebuilt view) shows it at once.
        onWork.changed(work.pageProperty(), null, work.pageProperty().get());
    }

    /** The exits and checks undone, oldest first: struck through, with why. */
    private static VBox undone(WorkPage page, I18n i18n) {
        VBox box = new VBox(4);
        box.setId("exitUndone");
        for (EntryVoid v : page.undone()) {
            boolean exit = v.kind() == EntryVoid.Kind.EXIT;
            Label what = new Label(i18n.get(exit ? "exit.undone" : "exit.check.undone", i18n.date(v.undoneDate())));
            what.getStyleClass().add(Voiding.VOIDED);
            // The date stays whole; the reason takes the width left and wraps onto the lines it needs.
            what.setMinWidth(Region.USE_PREF_SIZE);
            Label why = new Label(
                    i18n.get(exit ? "exit.undone.why" : "exit.check.undone.why", i18n.date(v.voidedOn()), v.reason()));
            why.setWrapText(true);
            why.setMaxWidth(Double.MAX_VALUE);
            why.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(why, Priority.ALWAYS);
            box.getChildren().add(new HBox(8, what, why));
        }
        box.setVisible(!box.getChildren().isEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
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
