package se.jobbtorg.coach.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * A tab whose title has an Alt+letter, as every button's has. JavaFX does not parse mnemonics
 * in a tab's text, so the title is a label that does (the letter is underlined while Alt is
 * held), and the window selects the tab on Alt+that letter while the tab row is shown.
 */
public final class TabMnemonics {
    private TabMnemonics() {}

    /** Gives the tab this title; an underscore before a letter makes Alt+that letter select it. */
    public static void title(Tab tab, String text) {
        Label title = new Label(text);
        title.setMnemonicParsing(true);
        tab.setText(null);
        tab.setGraphic(title);
        KeyCode key = keyOf(text);
        if (key == null) {
            return;
        }
        // A filter, not a scene mnemonic: a focused control that takes every key (a table) would
        // otherwise keep Alt+letter from the tabs.
        EventHandler<KeyEvent> select = e -> {
            if (e.getCode() != key
                    || !e.isAltDown()
                    || e.isControlDown()
                    || e.isShiftDown()
                    || e.isMetaDown()
                    || tab.getTabPane() == null
                    || tab.isDisabled()
                    || !VisibleMnemonics.showing(title)) {
                return;
            }
            tab.getTabPane().getSelectionModel().select(tab);
            // The keys of the tab row (arrows to the next tab, Tab into the page) work from here.
            tab.getTabPane().requestFocus();
            // Not consumed: the menu bar must see that Alt was not pressed alone, or it takes
            // the focus when Alt is let go.
        };
        // On the window, so that it runs before the scene's filters: VisibleMnemonics there fires
        // and consumes a letter that one visible control and a hidden page share.
        ChangeListener<Window> onWindow = (o, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, select);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, select);
            }
        };
        title.sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.windowProperty().removeListener(onWindow);
                onWindow.changed(null, old.getWindow(), null);
            }
            if (now != null) {
                now.windowProperty().addListener(onWindow);
                onWindow.changed(null, null, now.getWindow());
            }
        });
    }

    /** The key of the letter after the first underscore; null when there is none. */
    static KeyCode keyOf(String text) {
        int at = text.indexOf('_');
        if (at < 0 || at + 1 >= text.length()) {
            return null;
        }
        return KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(text.charAt(at + 1))));
    }
}
