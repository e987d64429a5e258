package se.jobbtorg.coach.ui.common;

import se.jobbtorg.coach.i18n.I18n;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog around a form: it stays open until the save succeeds, problems show next to their
 * fields, the save runs in the background, and an unexpected failure becomes a sentence.
 */
public class FormDialog<T> extends Dialog<T> {

    /**
     * @param save receives where to send the result and where to send an unexpected failure;
     *     a refusal it shows on the form itself (see {@link FieldProblems#save})
     */
    public FormDialog(Window owner, I18n i18n, DialogService dialogs, String id, String title, String header,
            Node form, String saveText, FieldProblems problems, BiConsumer<Consumer<T>, Consumer<Throwable>> save,
            Node firstField) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        setHeaderText(header);
        getDialogPane().setId(id);
        getDialogPane().setContent(form);
        ButtonType ok = new ButtonType(saveText, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(i18n.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId(id + "Ok");
        okButton.disableProperty().bind(problems.savingProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save.accept(result -> {
                setResult(result);
                close();
            }, error -> dialogs.showErrorTitled(title, error));
        });
        setResultConverter(button -> null);
        problems.all().forEach(p -> Forms.growWith(this, p));
        Forms.growWith(this, problems.errorProperty());
        if (firstField != null) {
            Platform.runLater(firstField::requestFocus);
        }
    }
}
