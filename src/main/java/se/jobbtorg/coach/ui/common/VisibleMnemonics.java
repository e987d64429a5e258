package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/**
 * Alt+letter acts on what the user sees. JavaFX keeps the mnemonics of every tab that has been
 * shown once, also while the tab is hidden; when the same letter is on the visible page and on a
 * hidden one, it only moves the focus between them and the visible button never fires. This
 * filter acts on the one visible, enabled mnemonic for the letter (a button pressed, a labelled
 * field focused) and leaves every other case (none, or several visible) to JavaFX.
 */
public final class VisibleMnemonics {
    private VisibleMnemonics() {}

    public static void install(Scene scene) {
        if (scene.getProperties().putIfAbsent(VisibleMnemonics.class, Boolean.TRUE) != null) {
            return;
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown()
                    || e.isControlDown()
                    || e.isShiftDown()
                    || e.isMetaDown()
                    || !isLetterOrDigit(e.getCode())) {
                return;
            }
            // The keys are JavaFX's own combinations (not always KeyCodeCombinations): match each.
            List<Mnemonic> all = new ArrayList<>();
            for (var entry : scene.getMnemonics().entrySet()) {
                if (entry.getKey().match(e)) {
                    all.addAll(entry.getValue());
                }
            }
            if (all.size() < 2) {
                return;
            }
            List<Mnemonic> shown =
                    all.stream().filter(m -> showing(m.getNode())).toList();
            if (shown.size() == 1) {
                act(shown.get(0));
                e.consume();
            }
        });
    }

    /**
     * What JavaFX does for a letter of its own: a button (a check box, a link) is pressed; the
     * field a label's letter names ({@code Label.labelFor}: a text field, a list to choose from)
     * gets the focus, as firing an action at it would not give it.
     */
    private static void act(Mnemonic mnemonic) {
        if (mnemonic.getNode() instanceof ButtonBase) {
            mnemonic.fire();
        } else {
            mnemonic.getNode().requestFocus();
        }
    }

    private static boolean isLetterOrDigit(KeyCode code) {
        return code.isLetterKey() || code.isDigitKey();
    }

    /** Visible, enabled, and every parent visible: on the page the user is looking at. */
    static boolean showing(Node node) {
        if (node == null || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
