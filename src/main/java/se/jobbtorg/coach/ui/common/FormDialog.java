package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * A dialog around a form: it stays open until the save succeeds, problems show next to their
 * fields, the save runs in the background, and an unexpected failure becomes a sentence.
 *
 * <p>The screens' own dialogs (registration, enrolment, settings, the team passphrase) extend it
 * through the protected constructor and decide for themselves what their button does; only
 * {@code ui.common} constructs JavaFX dialogs (ArchitectureTest).
 */
public class FormDialog<T> extends Dialog<T> {
    /** How wide a long header may make the dialog before it wraps: about the width of a form. */
    private static final double HEADER_WIDTH = 560;

    private final Button okButton;
    private final Button cancelButton;
    private final Node form;
    /** Closing from here on loses nothing the user would miss: saved, or the user agreed. */
    private boolean mayClose;

    /**
     * A form owned by the context's window, its failures told through the context's dialogs.
     *
     * @param save receives where to send the result and where to send an unexpected failure;
     *     a refusal it shows on the form itself (see {@link FieldProblems#save})
     */
    public FormDialog(
            UiContext ui,
            String id,
            String title,
            String header,
            Node form,
            String saveText,
            FieldProblems problems,
            BiConsumer<Consumer<T>, Consumer<Throwable>> save,
            Node firstField) {
        this(
                ui.owner().get(),
                id,
                title,
                header,
                form,
                saveText,
                id + "Ok",
                ui.i18n().get("button.cancel"),
                firstField);
        DialogService dialogs = ui.dialogs();
        okButton.disableProperty().bind(problems.savingProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save.accept(
                    result -> {
                        mayClose = true;
                        setResult(result);
                        close();
                    },
                    error -> dialogs.showErrorTitled(title, error));
        });
        setResultConverter(button -> null);
        if (form instanceof GridPane grid) {
            FirstProblem.focusOnRefusal(grid, problems);
        }
        problems.all().forEach(p -> Forms.growWith(this, p));
        Forms.growWith(this, problems.errorProperty());
        askBeforeDiscarding(ui);
    }

    /**
     * The frame alone: owner, titles, the form, an OK button (named okId for the window tests) and
     * a cancel button; the subclass gives the OK button its action ({@link #okButton()}) and sets
     * the result. firstField has the focus when the dialog opens.
     */
    protected FormDialog(
            Window owner,
            String id,
            String title,
            String header,
            Node form,
            String okText,
            String okId,
            String cancelText,
            Node firstField) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        setHeaderText(header);
        if (header != null) {
            getDialogPane().setHeader(wrapping(header));
        }
        getDialogPane().setId(id);
        getDialogPane().setContent(form);
        this.form = form;
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelText, ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);
        okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId(okId);
        cancelButton = (Button) getDialogPane().lookupButton(cancel);
        cancelButton.setId(id + "Cancel");
        if (firstField != null) {
            Platform.runLater(firstField::requestFocus);
        }
    }

    /**
     * Cancel, Escape and the window's close button ask before they throw away text the user typed
     * into the form since it opened; the answer that keeps the text is the default. A dialog that
     * saves calls it once (the public constructor does); a passphrase is not worth keeping.
     */
    protected final void askBeforeDiscarding(UiContext ui) {
        List<TextInputControl> fields = new ArrayList<>();
        collectTexts(form, fields);
        // Each field's text when the user first came to it: what the program put there (a date
        // filled in, a default, a value loaded after the dialog appeared) is not typed.
        Map<TextInputControl, String> found = new HashMap<>();
        for (TextInputControl field : fields) {
            field.focusedProperty().addListener((o, was, focused) -> {
                if (focused) {
                    found.putIfAbsent(field, field.getText());
                }
            });
        }
        BooleanSupplier typed = () -> found.entrySet().stream()
                .anyMatch(f -> !Objects.equals(blankAsNull(f.getKey().getText()), blankAsNull(f.getValue())));
        DialogService asking =
                new FxDialogService(ui.i18n(), () -> getDialogPane().getScene().getWindow());
        BooleanSupplier keep = () -> {
            if (mayClose || !typed.getAsBoolean()) {
                return false;
            }
            mayClose = asking.confirm(
                    ui.i18n().get("unsaved.title"),
                    ui.i18n().get("unsaved.dialog"),
                    ui.i18n().get("unsaved.discard"));
            return !mayClose;
        };
        cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (keep.getAsBoolean()) {
                e.consume();
            }
        });
        // Escape closes the dialog through close(): its close request can be refused.
        addEventHandler(DialogEvent.DIALOG_CLOSE_REQUEST, e -> {
            if (getResult() == null && keep.getAsBoolean()) {
                e.consume();
            }
        });
        // The window's close button hides the window whatever the dialog's close request says:
        // it is refused before the dialog hears of it.
        getDialogPane().getScene().getWindow().addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (keep.getAsBoolean()) {
                e.consume();
            }
        });
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static void collectTexts(Node node, List<TextInputControl> into) {
        if (node instanceof TextInputControl text && text.isEditable()) {
            into.add(text);
        } else if (node instanceof DatePicker date && date.isEditable()) {
            into.add(date.getEditor()); // its text field is not among its children until shown
        } else if (node instanceof ComboBox<?> box && box.isEditable()) {
            into.add(box.getEditor());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectTexts(child, into));
        }
    }

    /**
     * The header as a dialog shows it, but wrapped: the dialog's own header asks for the width of
     * its whole sentence, and a long one ("Makulera…" says what is voided) made the dialog wider
     * than the screen, with its OK button off the edge and Cancel where a click on it landed.
     */
    private static Node wrapping(String header) {
        Label text = new Label(header) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.min(super.computePrefWidth(height), HEADER_WIDTH);
            }
        };
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        GridPane panel = new GridPane();
        panel.getStyleClass().add("header-panel");
        panel.add(text, 0, 0);
        GridPane.setHgrow(text, Priority.ALWAYS);
        return panel;
    }

    /** The OK (save) button: its action, and when it is disabled. */
    protected final Button okButton() {
        return okButton;
    }

    /** True if the button pressed is the OK button (for a result converter). */
    protected final boolean isOk(ButtonType button) {
        return button != null && button.getButtonData() == ButtonBar.ButtonData.OK_DONE;
    }
}
