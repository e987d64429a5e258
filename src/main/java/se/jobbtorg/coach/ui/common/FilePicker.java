package se.jobbtorg.coach.ui.common;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file. The real one is the platform's save dialog; tests give a folder of their own. */
public interface FilePicker {
    File saveAs(Window owner, String title, String suggestedName, String extension);

    /** The platform's save dialog, offering files with this extension (csv, pdf). */
    FilePicker SAVE_DIALOG = (owner, title, name, extension) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        return chooser.showSaveDialog(owner);
    };
}
