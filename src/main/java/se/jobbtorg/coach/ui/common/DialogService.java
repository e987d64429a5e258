package se.jobbtorg.coach.ui.common;

import se.jobbtorg.coach.i18n.I18n;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import se.jobbtorg.coach.service.ValidationException;

/**
 * Errors, information and questions for the user, in their language. An error is logged here,
 * once, with its detail; the user reads a sentence that says what happened and what to do, and
 * never a stack trace.
 */
public final class DialogService {
    private static final Logger LOG = Logger.getLogger(DialogService.class.getName());

    private final I18n i18n;
    private final Window owner;

    public DialogService(I18n i18n, Window owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    /** Shows what went wrong with an action whose title key names it (e.g. "save failed"). */
    public void showError(String whatKey, Throwable error) {
        showErrorTitled(i18n.get(whatKey), error);
    }

    /** The same, with a title already in the user's language. */
    public void showErrorTitled(String title, Throwable error) {
        String sentence;
        if (error instanceof ValidationException v) {
            sentence = String.join("\n", v.problems().stream().map(i18n::problem).toList());
        } else {
            LOG.log(Level.SEVERE, title, error);
            String key = ErrorSentences.keyFor(error);
            sentence = i18n.get(key != null ? key : "error.unexpected");
        }
        Alert alert = alert(Alert.AlertType.ERROR, title, sentence);
        alert.showAndWait();
    }

    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    /** Asks a yes/no question; the default button is the safe answer, no. */
    public boolean confirm(String title, String message, String yesText) {
        ButtonType yes = new ButtonType(yesText, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(yes, no);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(460);
        // Wrapped at 460 px: without a preferred width the dialog grows as wide as the sentence.
        content.setPrefWidth(460);
        content.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(content);
        return alert;
    }
}
