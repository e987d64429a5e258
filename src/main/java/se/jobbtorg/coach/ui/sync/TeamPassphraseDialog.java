package se.jobbtorg.coach.ui.sync;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FormDialog;

/**
 * The team passphrase, typed twice: the same on every laptop of the team, so a package can be
 * opened by a laptop nobody has met yet. The dialog stays open with a sentence while the two
 * differ or the passphrase is too short.
 */
final class TeamPassphraseDialog extends FormDialog<Void> {
    TeamPassphraseDialog(I18n i18n, Window owner, SyncViewModel model) {
        this(i18n, owner, model, new GridPane());
    }

    private TeamPassphraseDialog(I18n i18n, Window owner, SyncViewModel model, GridPane grid) {
        super(
                owner,
                "teamPassphraseDialog",
                i18n.get("sync.passphrase.title"),
                i18n.get("sync.passphrase.header"),
                grid,
                i18n.get("sync.passphrase.save"),
                "teamPassphraseOk",
                i18n.get("button.cancel"),
                null);
        PasswordField first = new PasswordField();
        first.setId("teamPassphrase");
        PasswordField second = new PasswordField();
        second.setId("teamPassphraseAgain");
        Label problem = new Label();
        problem.setId("teamPassphraseProblem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        Label firstLabel = new Label(i18n.get("sync.passphrase.first"));
        firstLabel.setMnemonicParsing(true);
        firstLabel.setLabelFor(first);
        Label secondLabel = new Label(i18n.get("sync.passphrase.second"));
        secondLabel.setMnemonicParsing(true);
        secondLabel.setLabelFor(second);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, firstLabel, first);
        grid.addRow(1, secondLabel, second);
        grid.add(problem, 0, 2, 2, 1);
        okButton().addEventFilter(ActionEvent.ACTION, e -> {
            String wrong = model.setTeamPassphrase(first.getText(), second.getText());
            if (wrong != null) {
                problem.setText(i18n.get(wrong));
                e.consume();
            }
        });
        setOnShown(e -> first.requestFocus());
    }
}
