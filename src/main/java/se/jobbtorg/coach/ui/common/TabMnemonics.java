package se.jobbtorg.coach.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;

/**
 * A tab whose title has an Alt+letter, as every button's has. JavaFX does not parse mnemonics
 * in a tab's text, so the title is a label that does (the letter is underlined while Alt is
 * held), and the letter is registered with the window for as long as the tab is in it.
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
        Mnemonic mnemonic = new Mnemonic(title, new KeyCodeCombination(key, KeyCombination.ALT_DOWN));
        title.addEventHandler(ActionEvent.ACTION, e -> {
            if (tab.getTabPane() != null) {
                tab.getTabPane().getSelectionModel().select(tab);
                // The keys of the tab row (arrows to the next tab, Tab into the page) work from here.
                tab.getTabPane().requestFocus();
            }
            e.consume();
        });
        title.sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeMnemonic(mnemonic);
            }
            if (now != null) {
                now.addMnemonic(mnemonic);
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
