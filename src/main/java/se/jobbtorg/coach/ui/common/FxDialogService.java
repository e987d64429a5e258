package se.jobbtorg.coach.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import se.jobbtorg.coach.files.SystemViewer;
import se.jobbtorg.coach.files.UserFolders;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.ValidationException;

/** The dialogs as JavaFX windows, owned by the window the owner supplier gives at the time they open. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = Logger.getLogger(FxDialogService.class.getName());

    private final I18n i18n;
    private final Supplier<Window> owner;
    private final FilePicker saving;

    public FxDialogService(I18n i18n, Window owner) {
        this(i18n, () -> owner);
    }

    public FxDialogService(I18n i18n, Supplier<Window> owner) {
        this(i18n, owner, null);
    }

    /** With another way of choosing where files are saved (tests use a folder of their own); null: the platform's. */
    public FxDialogService(I18n i18n, Supplier<Window> owner, FilePicker saving) {
        this.i18n = i18n;
        this.owner = owner;
        this.saving = saving;
    }

    @Override
    public void showError(String whatKey, Throwable error) {
        showError(whatKey, error, null);
    }

    @Override
    public void showError(String whatKey, Throwable error, Path target) {
        error(i18n.get(whatKey), error, target);
    }

    @Override
    public void showFileError(Path file, Throwable error) {
        Path name = file.getFileName();
        error(i18n.get("error.fileNotSaved", name == null ? file : name), error, file);
    }

    @Override
    public void showErrorTitled(String title, Throwable error) {
        error(title, error, null);
    }

    private void error(String title, Throwable error, Path target) {
        String sentence;
        if (error instanceof ValidationException v) {
            sentence =
                    String.join("\n", v.problems().stream().map(i18n::problem).toList());
        } else {
            LOG.log(Level.SEVERE, title, error);
            String key = ErrorSentences.keyFor(error, target);
            sentence = i18n.get(key != null ? key : "error.unexpected");
        }
        alert(Alert.AlertType.ERROR, title, sentence).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void showContent(String title, String header, Node content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String yesText) {
        ButtonType yes = new ButtonType(yesText, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(yes, no);
        alert.getDialogPane().setId("confirmDialog");
        alert.getDialogPane().lookupButton(yes).setId("confirmYes");
        alert.getDialogPane().lookupButton(no).setId("confirmNo");
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }

    @Override
    public Unsaved askUnsaved(String title, String message) {
        ButtonType save = new ButtonType(i18n.get("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(i18n.get("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(i18n.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getDialogPane().setId("unsavedDialog");
        alert.getButtonTypes().setAll(save, discard, cancel);
        ((Button) alert.getDialogPane().lookupButton(save)).setId("unsavedSave");
        ((Button) alert.getDialogPane().lookupButton(discard)).setId("unsavedDiscard");
        ((Button) alert.getDialogPane().lookupButton(cancel)).setId("unsavedCancel");
        ((Button) alert.getDialogPane().lookupButton(save)).setDefaultButton(false);
        // Enter alone loses nothing and changes nothing: the safe answer is the default.
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == save) {
            return Unsaved.SAVE;
        }
        if (answer.isPresent() && answer.get() == discard) {
            return Unsaved.DISCARD;
        }
        return Unsaved.CANCEL;
    }

    @Override
    public <T> Optional<T> choose(
            String id,
            String title,
            String header,
            String label,
            List<T> choices,
            Function<T, String> text,
            T initial) {
        // Each choice carries its value: two coaches may share a name.
        List<Choice<T>> shown =
                choices.stream().map(c -> new Choice<>(c, text.apply(c))).toList();
        Choice<T> first = shown.stream()
                .filter(c -> c.value().equals(initial))
                .findFirst()
                .orElse(null);
        ChoiceDialog<Choice<T>> dialog = new ChoiceDialog<>(first, shown);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(label);
        dialog.getDialogPane().setId(id);
        // ChoiceDialog's own buttons speak the JVM's language, not the user's.
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(i18n.get("button.ok"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("button.cancel"));
        return dialog.showAndWait().map(Choice::value);
    }

    /** A choice as the list shows it (ChoiceDialog shows toString). */
    private record Choice<T>(T value, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    @Override
    public Optional<String> input(String title, String header, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> folder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return path(chooser.showDialog(owner.get()));
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, FileType type) {
        if (saving != null) {
            return path(saving.saveAs(
                    owner.get(), title, suggestedName, type.pattern().replaceFirst("^\\*\\.", "")));
        }
        FileChooser chooser = chooser(title, type);
        chooser.setInitialFileName(suggestedName);
        return path(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Path printout(String fileName) {
        if (saving != null) {
            // Tests: the folder of their own, by way of their picker.
            File chosen = saving.saveAs(owner.get(), fileName, fileName, "pdf");
            return UserFolders.freeName(chosen.toPath().toAbsolutePath().getParent(), chosen.getName());
        }
        return UserFolders.freeName(UserFolders.documents(), fileName);
    }

    @Override
    public boolean showFile(Path file) {
        // Tests save into a folder of their own and open no other program.
        return saving != null || SystemViewer.open(file);
    }

    @Override
    public Optional<Path> openFile(String title, FileType type) {
        return path(chooser(title, type).showOpenDialog(owner.get()));
    }

    private static FileChooser chooser(String title, FileType type) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.pattern()));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
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
