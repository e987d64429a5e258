package se.jobbtorg.coach.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;

/**
 * A check box whose Alt+letter ticks it, as a click or the space bar does. JavaFX answers a
 * labelled control's mnemonic by sending it an action event, which a button acts on but a check
 * box ignores: every check box of the program that has a letter is one of these.
 */
public final class MnemonicCheckBox extends CheckBox {
    private boolean firing;

    public MnemonicCheckBox(String text) {
        super(text);
        setMnemonicParsing(true);
        addEventFilter(ActionEvent.ACTION, e -> {
            if (!firing && !isDisabled()) {
                // The mnemonic's event: it goes no further, fire() sends the one that counts.
                e.consume();
                requestFocus();
                fire();
            }
        });
    }

    @Override
    public void fire() {
        firing = true;
        try {
            super.fire();
        } finally {
            firing = false;
        }
    }
}
