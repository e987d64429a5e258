package se.jobbtorg.coach.ui.lock;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The passphrase form, centred on its own: the first screen of the program, the lock screen,
 * and the change of passphrase. It shows nothing of the caseload.
 */
public final class PassphraseView extends StackPane {
    private final PassphraseViewModel model;
    private final PasswordField first = new PasswordField();

    /** cancelText: "Avsluta" at the start and on the lock, "Avbryt" for a change. */
    public PassphraseView(PassphraseViewModel model, I18n i18n, String cancelText, Runnable cancel) {
        this.model = model;
        getStyleClass().add("passphrase-screen");
        setId("passphraseScreen");
        Label title = new Label(i18n.get(
                switch (model.mode()) {
                    case CREATE -> "passphrase.create.title";
                    case CONVERT -> "passphrase.convert.title";
                    case OPEN -> "passphrase.open.title";
                    case UNLOCK -> "passphrase.unlock.title";
                    case CHANGE -> "passphrase.change.title";
                }));
        title.getStyleClass().add("passphrase-title");
        Label explanation = new Label(i18n.get(
                switch (model.mode()) {
                    case CREATE -> "passphrase.create.text";
                    case CONVERT -> "passphrase.convert.text";
                    case OPEN -> "passphrase.open.text";
                    case UNLOCK -> "passphrase.unlock.text";
                    case CHANGE -> "passphrase.change.text";
                }));
        explanation.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        first.setId("passphraseField");
        first.textProperty().bindBidirectional(model.currentProperty());
        int row = 0;
        grid.addRow(
                row++,
                label(
                        i18n.get(
                                model.mode() == PassphraseViewModel.Mode.CHANGE
                                        ? "passphrase.field.current"
                                        : "passphrase.field.passphrase"),
                        first),
                first);
        Label strength = new Label();
        strength.setId("passphraseStrength");
        strength.textProperty().bind(model.strengthProperty());
        if (model.mode() == PassphraseViewModel.Mode.CHANGE) {
            PasswordField next = new PasswordField();
            next.setId("passphraseNext");
            next.textProperty().bindBidirectional(model.nextProperty());
            grid.addRow(row++, label(i18n.get("passphrase.field.next"), next), next);
            grid.add(strength, 1, row++);
        } else if (model.choosing()) {
            grid.add(strength, 1, row++);
        }
        if (model.choosing()) {
            PasswordField repeat = new PasswordField();
            repeat.setId("passphraseRepeat");
            repeat.textProperty().bindBidirectional(model.repeatProperty());
            grid.addRow(row++, label(i18n.get("passphrase.field.repeat"), repeat), repeat);
        }
        grid.getChildren().stream()
                .filter(n -> n instanceof PasswordField)
                .forEach(n -> ((PasswordField) n).setPrefColumnCount(24));

        Label message = new Label();
        message.setId("passphraseMessage");
        message.setWrapText(true);
        message.getStyleClass().add("passphrase-message");
        message.textProperty().bind(model.messageProperty());

        Button submit = new Button(i18n.get(
                switch (model.mode()) {
                    case CREATE -> "passphrase.create.submit";
                    case CONVERT -> "passphrase.convert.submit";
                    case OPEN -> "passphrase.open.submit";
                    case UNLOCK -> "passphrase.unlock.submit";
                    case CHANGE -> "passphrase.change.submit";
                }));
        submit.setId("passphraseSubmit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.canSubmit().not());
        submit.setOnAction(e -> {
            if (!model.submit()) {
                first.requestFocus();
            }
        });
        Button quit = new Button(cancelText);
        quit.setId("passphraseCancel");
        // Escape cancels a change; on the first screen and the lock it must not quit the program.
        quit.setCancelButton(model.mode() == PassphraseViewModel.Mode.CHANGE);
        quit.setOnAction(e -> cancel.run());
        HBox buttons = new HBox(10, submit, quit);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        // Read-only, not disabled, during the wait: a disabled field hands the focus on to Quit,
        // where the next space typed would end the program.
        grid.getChildren().stream()
                .filter(n -> n instanceof PasswordField)
                .forEach(n -> ((PasswordField) n)
                        .editableProperty()
                        .bind(model.waitingProperty().not()));
        VBox box = new VBox(14, title, explanation, grid, message, buttons);
        box.setMaxWidth(560);
        box.setMaxHeight(USE_PREF_SIZE);
        box.setPadding(new Insets(28));
        box.getStyleClass().add("passphrase-box");
        getChildren().add(box);
        // The field gets the focus back after a wrong try's wait.
        model.waitingProperty().addListener((o, was, now) -> {
            if (!now) {
                first.requestFocus();
            }
        });
    }

    private static Label label(String text, PasswordField field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    /** Puts the caret in the first field (once the view is in a showing window). */
    public void focusFirst() {
        first.requestFocus();
    }

    /** The wait after a wrong try, on the FX timer. */
    public static void fxDelay(java.time.Duration wait, Runnable then) {
        PauseTransition pause = new PauseTransition(Duration.millis(wait.toMillis()));
        pause.setOnFinished(e -> then.run());
        pause.play();
    }

    public PassphraseViewModel model() {
        return model;
    }
}
