package se.jobbtorg.coach.ui.common;

import java.io.File;
import javafx.stage.Window;

/**
 * Asks where to save a file. The real one is the platform's save dialog ({@link FxDialogService});
 * tests give a folder of their own.
 */
public interface FilePicker {
    File saveAs(Window owner, String title, String suggestedName, String extension);
}
