package se.jobbtorg.coach.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Errors, information, questions and file choosers for the user, in their language. An error is
 * logged once, with its detail; the user reads a sentence that says what happened and what to do,
 * and never a stack trace. The screens ask through this; only {@link FxDialogService} builds the
 * windows, so that every dialog has the same owner, wording and keyboard behaviour.
 */
public interface DialogService {

    /** What files a chooser offers: a description in the user's language and a pattern ("*.csv"). */
    record FileType(String description, String pattern) {
        /** Files ending in this extension (csv, pdf), described by the extension itself. */
        public static FileType extension(String extension) {
            return new FileType(extension.toUpperCase(Locale.ROOT), "*." + extension);
        }
    }

    /** Shows what went wrong with an action whose title key names it (e.g. "save failed"). */
    void showError(String whatKey, Throwable error);

    /** The same for a failed save of this file: a full disk is recognised by the file's disk. */
    void showError(String whatKey, Throwable error, Path target);

    /**
     * A file that could not be written: the title names it, and the sentence tells a file open
     * in another program or a full disk by that file (see {@link ErrorSentences#keyFor(Throwable, Path)}).
     */
    void showFileError(Path file, Throwable error);

    /** The same, with a title already in the user's language. */
    void showErrorTitled(String title, Throwable error);

    void showInformation(String title, String message);

    /** Shows something larger than a sentence (a table, a list), resizable, until the user closes it. */
    void showContent(String title, String header, Node content);

    /** Asks a yes/no question; the default button is the safe answer, no. */
    boolean confirm(String title, String message, String yesText);

    /** The answers to "save what you typed first?": the dialog's three buttons. */
    enum Unsaved {
        SAVE,
        DISCARD,
        CANCEL
    }

    /**
     * Asks what to do with typed text that is not saved, before something would discard it:
     * save it first, discard it, or cancel (the default, and Escape: nothing is lost).
     */
    Unsaved askUnsaved(String title, String message);

    /**
     * One of the choices, the initial one chosen at first (Enter alone keeps it); empty when the
     * user cancels. text is what each choice reads as; id names the dialog for the window tests.
     */
    <T> Optional<T> choose(
            String id, String title, String header, String label, List<T> choices, Function<T, String> text, T initial);

    /** A line of text, the initial one filled in; empty when the user cancels. */
    Optional<String> input(String title, String header, String initial);

    /** A folder (a USB stick, a share); empty when the user cancels. */
    Optional<Path> folder(String title);

    /** Where to save a file of this type, the suggested name filled in; empty when the user cancels. */
    Optional<Path> saveFile(String title, String suggestedName, FileType type);

    /**
     * Where a paper printed for a person goes, without asking: a file of this name, not there yet,
     * in the user's documents folder ("name (2).pdf" if one is).
     */
    Path printout(String fileName);

    /** Opens the file in the system's viewer, which prints it; false where there is none. */
    boolean showFile(Path file);

    /** A file of this type to open; empty when the user cancels. */
    Optional<Path> openFile(String title, FileType type);
}
