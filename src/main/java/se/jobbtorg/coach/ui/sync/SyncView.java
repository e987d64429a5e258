package se.jobbtorg.coach.ui.sync;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.DialogService.FileType;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * The exchange screen: a folder (a USB stick, a share), whom the package is for, export and
 * import with progress, what each package did, and below it, on two tabs, the conflicts to decide
 * (both versions side by side) and the team's computers (admit, withdraw, the team passphrase).
 */
public final class SyncView extends VBox {
    private final TableView<SyncViewModel.ConflictRow> conflicts = new TableView<>();

    public SyncView(SyncViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        DialogService dialogs = ui.dialogs();
        Supplier<String> who = () -> {
            Coach me = ui.coach().get();
            return me == null ? null : me.name();
        };
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("sync.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(i18n.get("sync.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        TextField folder = new TextField();
        folder.setId("syncFolder");
        folder.textProperty().bindBidirectional(model.folder);
        folder.setPromptText(i18n.get("sync.folder.prompt"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(i18n.get("sync.folder.choose"));
        choose.setId("syncChooseFolder");
        choose.setOnAction(e -> dialogs.folder(i18n.get("sync.folder.choose").replace("_", ""))
                .ifPresent(dir -> model.folder.set(dir.toAbsolutePath().toString())));
        HBox folderRow = new HBox(8, label(i18n.get("sync.folder"), folder), folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<SyncViewModel.Recipient> recipient = new ComboBox<>(model.recipients);
        recipient.setId("syncRecipient");
        recipient.valueProperty().bindBidirectional(model.recipient);
        Button export = new Button(i18n.get("sync.export"));
        export.setId("syncExport");
        export.setOnAction(e -> model.exportToFolder(who.get()));
        Button exportFile = new Button(i18n.get("sync.exportFile"));
        exportFile.setId("syncExportFile");
        exportFile.setOnAction(e -> dialogs.saveFile(
                        i18n.get("sync.exportFile").replace("_", ""), model.suggestedName(who.get()), packages(i18n))
                .ifPresent(model::exportToFile));
        Button importFolder = new Button(i18n.get("sync.importFolder"));
        importFolder.setId("syncImportFolder");
        importFolder.setOnAction(e -> model.importFolder());
        Button importFile = new Button(i18n.get("sync.importFile"));
        importFile.setId("syncImportFile");
        importFile.setOnAction(e -> dialogs.openFile(i18n.get("sync.importFile").replace("_", ""), packages(i18n))
                .ifPresent(model::importFile));
        CheckBox dryRun = new MnemonicCheckBox(i18n.get("sync.dryRun"));
        dryRun.setId("syncDryRun");
        dryRun.selectedProperty().bindBidirectional(model.dryRun);
        for (Button b : new Button[] {export, exportFile, importFolder, importFile}) {
            b.disableProperty().bind(model.working);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Sending on one line, receiving on the next: each reads as a sentence at any window width.
        HBox actions = new HBox(8, label(i18n.get("sync.recipient"), recipient), recipient, export, exportFile);
        actions.setAlignment(Pos.CENTER_LEFT);
        recipient.setMinWidth(220);
        HBox receive = new HBox(8, importFolder, importFile, dryRun);
        receive.setAlignment(Pos.CENTER_LEFT);
        dryRun.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar progress = new ProgressBar();
        progress.setId("syncProgress");
        progress.progressProperty().bind(model.progress);
        progress.visibleProperty().bind(model.working);
        progress.managedProperty().bind(model.working);
        progress.setPrefWidth(200);
        Button cancel = new Button(i18n.get("sync.cancel"));
        cancel.setId("syncCancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.working);
        cancel.managedProperty().bind(model.working);
        Label status = new Label();
        status.setId("syncStatus");
        status.textProperty().bind(model.status);
        // Why an export or import did not happen can take a sentence or two: it wraps, never "…".
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox statusRow = new HBox(8, progress, cancel, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        TableView<SyncViewModel.Outcome> outcomes = new TableView<>(model.outcomes);
        outcomes.setId("syncOutcomes");
        outcomes.setPrefHeight(140);
        outcomes.setMinHeight(110);
        Cells.fillOrScroll(outcomes);
        outcomes.setPlaceholder(new Label(i18n.get("sync.outcomes.none")));
        outcomes.getColumns()
                .setAll(List.of(
                        column(i18n.get("sync.column.file"), SyncViewModel.Outcome::file, 280),
                        column(i18n.get("sync.column.from"), SyncViewModel.Outcome::from, 140),
                        column(i18n.get("sync.column.result"), SyncViewModel.Outcome::result, 520)));
        outcomes.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SyncViewModel.Outcome item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"), !empty && item.refused());
            }
        });

        Tab conflictsTab = new Tab();
        conflictsTab.setId("syncConflictsTab");
        conflictsTab
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get("sync.conflicts.title", model.conflicts.size()), model.conflicts));
        Label conflictsHelp = new Label(i18n.get("sync.conflicts.help"));
        conflictsHelp.setWrapText(true);
        conflictsHelp.setMinHeight(Region.USE_PREF_SIZE);
        conflicts.setId("syncConflicts");
        conflicts.setItems(model.conflicts);
        Cells.fillOrScroll(conflicts);
        conflicts.setMinHeight(120);
        conflicts.setPlaceholder(new Label(i18n.get("sync.conflicts.none")));
        conflicts
                .getColumns()
                .setAll(List.of(
                        column(i18n.get("sync.column.record"), SyncViewModel.ConflictRow::record, 220),
                        column(i18n.get("sync.column.field"), SyncViewModel.ConflictRow::field, 140),
                        column(i18n.get("sync.column.shown"), SyncViewModel.ConflictRow::shown, 200),
                        column(i18n.get("sync.column.other"), SyncViewModel.ConflictRow::other, 200),
                        column(i18n.get("sync.column.otherFrom"), SyncViewModel.ConflictRow::otherFrom, 140)));
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        Button keep = new Button(i18n.get("sync.keepShown"));
        keep.setId("syncKeepShown");
        keep.setOnAction(e -> selected(model, row -> row.conflict().shown().value()));
        Button takeOther = new Button(i18n.get("sync.takeOther"));
        takeOther.setId("syncTakeOther");
        takeOther.setOnAction(
                e -> selected(model, row -> row.conflict().others().get(0).value()));
        Button own = new Button(i18n.get("sync.ownValue"));
        own.setId("syncOwnValue");
        own.setOnAction(e -> {
            SyncViewModel.ConflictRow row = conflicts.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            dialogs.input(
                            i18n.get("sync.ownValue.title"),
                            i18n.get("sync.ownValue.header", row.field(), row.record()),
                            row.shown())
                    .ifPresent(v -> model.resolve(row, v.isBlank() ? null : v.strip()));
        });
        for (Button b : new Button[] {keep, own}) {
            b.disableProperty()
                    .bind(conflicts.getSelectionModel().selectedItemProperty().isNull());
        }
        // "The other" is one version; with several, the right value is typed.
        takeOther
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            SyncViewModel.ConflictRow row =
                                    conflicts.getSelectionModel().getSelectedItem();
                            return row == null || row.conflict().others().size() != 1;
                        },
                        conflicts.getSelectionModel().selectedItemProperty()));
        HBox decide = new HBox(8, keep, takeOther, own);

        VBox conflictsPane = new VBox(8, conflictsHelp, conflicts, decide);
        conflictsPane.setPadding(new Insets(8, 0, 0, 0));
        conflictsTab.setContent(conflictsPane);
        conflictsTab.setClosable(false);
        Tab devicesTab = new Tab(i18n.get("sync.devices.title"));
        devicesTab.setId("syncDevicesTab");
        VBox devicesPane = new VBox(8);
        devicesPane.getChildren().setAll(devicesSection(model, i18n, dialogs, ui.owner()));
        devicesPane.setPadding(new Insets(8, 0, 0, 0));
        devicesTab.setContent(devicesPane);
        devicesTab.setClosable(false);
        // Conflicts and the team's computers share the lower half: each gets the room it needs (Ctrl+Tab switches).
        TabPane lower = new TabPane(conflictsTab, devicesTab);
        lower.setId("syncLower");
        model.admissionWanted.addListener((o, was, wanted) -> {
            if (wanted) {
                lower.getSelectionModel().select(devicesTab);
            }
        });
        VBox.setVgrow(lower, Priority.ALWAYS);
        getChildren().setAll(title, intro, folderRow, actions, receive, statusRow, outcomes, lower);
        getChildren().add(getChildren().indexOf(statusRow) + 1, offeredRow(model, i18n));
    }

    /** A package opened from the file manager: its name and one button that imports it. */
    private static HBox offeredRow(SyncViewModel model, I18n i18n) {
        Label name = new Label();
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.offered.get() == null
                                ? ""
                                : i18n.get(
                                        "sync.offered",
                                        model.offered.get().getFileName().toString()),
                        model.offered));
        Button importOffered = new Button(i18n.get("sync.importOffered"));
        importOffered.setId("syncImportOffered");
        importOffered.setDefaultButton(true);
        importOffered.disableProperty().bind(model.working);
        importOffered.setOnAction(e -> model.importOffered());
        HBox row = new HBox(8, name, importOffered);
        row.setId("syncOffered");
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("sync-offered");
        row.visibleProperty().bind(model.offered.isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /**
     * The team's computers: this one's fingerprint, every device met with its fingerprint and
     * standing, and admitting (after comparing the fingerprint by phone), withdrawing, and the
     * team passphrase.
     */
    private List<Node> devicesSection(SyncViewModel model, I18n i18n, DialogService dialogs, Supplier<Window> owner) {
        Label own = new Label();
        own.setId("syncOwnFingerprint");
        own.setWrapText(true);
        own.setMinHeight(Region.USE_PREF_SIZE);
        own.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get("sync.devices.help", model.ownFingerprint.get()), model.ownFingerprint));
        TableView<SyncViewModel.DeviceRow> table = new TableView<>(model.devices);
        table.setId("syncDevices");
        table.setPrefHeight(130);
        table.setMinHeight(100);
        Cells.fillOrScroll(table);
        table.setPlaceholder(new Label(i18n.get("sync.devices.none")));
        table.getColumns()
                .setAll(List.of(
                        column(i18n.get("sync.column.device"), SyncViewModel.DeviceRow::label, 200),
                        column(i18n.get("sync.column.fingerprint"), SyncViewModel.DeviceRow::fingerprint, 220),
                        column(i18n.get("sync.column.standing"), SyncViewModel.DeviceRow::standing, 200),
                        column(i18n.get("sync.column.admittedBy"), SyncViewModel.DeviceRow::admittedBy, 160)));
        var selected = table.getSelectionModel().selectedItemProperty();
        Button admit = new Button(i18n.get("sync.device.admit"));
        admit.setId("syncAdmit");
        admit.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selected.get() == null || !selected.get().canAdmit(), selected));
        admit.setOnAction(e -> {
            SyncViewModel.DeviceRow row = selected.get();
            if (row != null
                    && dialogs.confirm(
                            i18n.get("sync.device.admit.title"),
                            i18n.get("sync.device.admit.header", row.label(), row.fingerprint()) + "\n\n"
                                    + i18n.get(
                                            row.device().fingerprint() == null
                                                    ? "sync.device.admit.unsigned"
                                                    : "sync.device.admit.text",
                                            row.label()),
                            i18n.get("sync.device.admit.yes"))) {
                model.admit(row);
            }
        });
        Button withdraw = new Button(i18n.get("sync.device.withdraw"));
        withdraw.setId("syncWithdraw");
        withdraw.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selected.get() == null || !selected.get().canWithdraw(), selected));
        withdraw.setOnAction(e -> {
            SyncViewModel.DeviceRow row = selected.get();
            if (row != null
                    && dialogs.confirm(
                            i18n.get("sync.device.withdraw.title"),
                            i18n.get("sync.device.withdraw.header", row.label(), row.fingerprint()) + "\n\n"
                                    + i18n.get("sync.device.withdraw.text"),
                            i18n.get("sync.device.withdraw.yes"))) {
                model.withdraw(row);
            }
        });
        Button passphrase = new Button(i18n.get("sync.passphrase"));
        passphrase.setId("syncTeamPassphrase");
        passphrase.setOnAction(e -> new TeamPassphraseDialog(i18n, owner.get(), model).showAndWait());
        Label passphraseState = new Label();
        passphraseState.setId("syncPassphraseState");
        passphraseState
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.get(
                                model.teamPassphraseSet.get() ? "sync.passphrase.isSet" : "sync.passphrase.notSet"),
                        model.teamPassphraseSet));
        for (Button b : new Button[] {admit, withdraw, passphrase}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, admit, withdraw, passphrase, passphraseState);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return List.of(own, table, row);
    }

    /** What the file dialogs for caseload packages offer. */
    private static FileType packages(I18n i18n) {
        return new FileType(i18n.get("sync.fileType"), "*.caseload.zip");
    }

    private void selected(SyncViewModel model, Function<SyncViewModel.ConflictRow, Object> value) {
        SyncViewModel.ConflictRow row = conflicts.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.resolve(row, value.apply(row));
        }
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
