package se.jobbtorg.coach.ui.workflow;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FileExport;
import se.jobbtorg.coach.ui.common.FirstProblem;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.WeakListeners;

/**
 * The activity plan: its versions (an approved one is read-only), the goal and the person's own
 * wishes, the activities, approval by the social-services unit, review and the 18-month limit.
 */
final class PlanPane extends VBox {
    private final ComboBox<ActivityPlan> versions = new ComboBox<>();
    private final TableView<Activity> activities = new TableView<>();
    private final Label status = new Label();
    private final Label limits = new Label();
    private int newestShown;
    /** True while the pane itself sets the versions' list or choice, not the coach. */
    private boolean refilling;

    PlanPane(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        DialogService dialogs = ui.dialogs();
        PlanViewModel form = model.plan;
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));

        versions.setId("planVersions");
        versions.setConverter(new StringConverter<>() {
            @Override
            public String toString(ActivityPlan p) {
                if (p == null) {
                    return "";
                }
                return p.isApproved()
                        ? i18n.get("plan.version.approved", p.version(), p.approvedOn())
                        : i18n.get("plan.version.draft", p.version(), p.drawnUpOn());
            }

            @Override
            public ActivityPlan fromString(String s) {
                return null;
            }
        });
        Button draft = new Button(i18n.get("plan.draft"));
        draft.setId("planDraft");
        draft.setOnAction(e -> model.draft(false));
        Button change = new Button(i18n.get("plan.change"));
        change.setId("planChange");
        change.setOnAction(e -> model.draft(false));
        Button review = new Button(i18n.get("plan.review"));
        review.setId("planReview");
        review.setOnAction(e -> model.draft(true));
        Label versionLabel = new Label(i18n.get("plan.version"));
        versionLabel.setMnemonicParsing(true);
        versionLabel.setLabelFor(versions);
        // The label, the buttons and the version chosen keep their words (who approved it is in
        // the status line under them, not in the list: it left "Version 3 – godkänd 2026-…").
        for (Region r : new Region[] {versionLabel, versions, draft, change, review}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox chosen = new HBox(8, versionLabel, versions);
        chosen.setAlignment(Pos.CENTER_LEFT);
        // The buttons go onto a second line where the window is too narrow for them all.
        FlowPane top = new FlowPane(8, 4, chosen, draft, change, review);
        top.setAlignment(Pos.CENTER_LEFT);
        status.setId("planStatus");
        limits.setId("planLimits");
        limits.setWrapText(true);
        // Wrapped lines keep their height: on a low window the pane scrolls instead.
        limits.setMinHeight(Region.USE_PREF_SIZE);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        var grid = Forms.grid();
        ComboBox<PlanGoal> goalBox = Cells.choice("planGoal", i18n, PlanGoal.values());
        goalBox.valueProperty().bindBidirectional(form.goal);
        Forms.row(grid, 0, i18n.get("plan.goal"), goalBox, form.goalProblem);
        TextArea wishesArea = MultiLine.area("planWishes", form.wishes, 2);
        Forms.row(grid, 1, i18n.get("plan.wishes"), wishesArea, null);
        FirstProblem.focusOnRefusal(grid, form.problems);
        Button saveGoal = new Button(i18n.get("plan.saveGoal"));
        saveGoal.setId("planSaveGoal");
        saveGoal.setOnAction(e -> form.save());

        activities.setId("planActivities");
        Rows.selectOnFocus(activities);
        Cells.fillOrScroll(activities);
        activities.setPlaceholder(new Label(i18n.get("plan.noActivities")));
        // The dates stay whole; an activity's name, its provider and the description wrap.
        activities
                .getColumns()
                .setAll(List.of(
                        Cells.wrapping(
                                Cells.<Activity>column(i18n.get("activity.column.kind"), 240, a -> name(i18n, a)),
                                Cells.names(i18n, ActivityKind.values())),
                        Cells.wrapping(
                                Cells.<Activity>column(i18n.get("activity.column.provider"), 160, Activity::provider)),
                        Cells.keepWhole(
                                Cells.<Activity>column(
                                        i18n.get("activity.column.start"), 95, a -> i18n.date(a.startOn())),
                                i18n.date(Cells.WIDEST_DATE)),
                        Cells.keepWhole(
                                Cells.<Activity>column(
                                        i18n.get("activity.column.end"),
                                        95,
                                        a -> a.lastDay().isBefore(a.startOn())
                                                ? i18n.get("activity.notStarted")
                                                : i18n.date(a.lastDay())),
                                i18n.date(Cells.WIDEST_DATE)),
                        Cells.wrapping(Cells.<Activity>column(
                                i18n.get("activity.column.description"),
                                200,
                                a -> a.description() == null ? "" : a.description()))));
        VBox.setVgrow(activities, Priority.ALWAYS);
        Label activityProblem = new Label();
        activityProblem.getStyleClass().add("field-problem");
        activityProblem.setId("planActivitiesProblem");
        activityProblem.textProperty().bind(form.activitiesProblem);

        Button add = new Button(i18n.get("plan.addActivity"));
        add.setId("planAddActivity");
        add.setOnAction(e -> activityDialog(model, ui));
        Button remove = new Button(i18n.get("plan.removeActivity"));
        remove.setId("planRemoveActivity");
        remove.setOnAction(e -> {
            Activity a = activities.getSelectionModel().getSelectedItem();
            if (a != null
                    && dialogs.confirm(
                            i18n.get("plan.removeActivity.title"),
                            i18n.get("plan.removeActivity.question", i18n.of(a.kind())),
                            i18n.get("plan.removeActivity.yes"))) {
                model.removeActivity(versions.getValue(), a);
            }
        });
        Button approve = new Button(i18n.get("plan.approve"));
        approve.setId("planApprove");
        approve.setOnAction(e -> {
            if (form.readyForApproval()) {
                approvalDialog(model, ui);
            }
        });
        Button print = new Button(i18n.get("plan.print"));
        print.setId("planPrint");
        FileExport printing = model.printing();
        print.disableProperty().bind(versions.valueProperty().isNull().or(printing.runningProperty()));
        String printTitle = i18n.get("plan.print").replace("_", "");
        // Into the documents folder without a question, then opened in the PDF reader, which prints.
        print.setOnAction(e -> model.printPlan(
                versions.getValue(),
                dialogs.printout(model.printoutName()),
                saved -> dialogs.showInformation(
                        printTitle,
                        i18n.get(dialogs.showFile(saved) ? "plan.printed" : "plan.printed.notShown", saved))));
        ProgressBar printProgress = new ProgressBar();
        printProgress.setId("planPrintProgress");
        printProgress.progressProperty().bind(printing.progressProperty());
        Label printStatus = new Label();
        printStatus
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> printing.fileProperty().get() == null
                                ? ""
                                : i18n.get(
                                        "plan.printing",
                                        printing.fileProperty().get().getFileName()),
                        printing.fileProperty()));
        HBox printRow = new HBox(8, printStatus, printProgress);
        printRow.setAlignment(Pos.CENTER_LEFT);
        printRow.visibleProperty().bind(printing.runningProperty());
        HBox actions = new HBox(8, add, remove, approve, print, printRow);
        actions.setAlignment(Pos.CENTER_LEFT);

        var editable = Bindings.createBooleanBinding(
                () -> versions.getValue() != null
                        && !versions.getValue().isApproved()
                        && isNewest(model)
                        && model.pageProperty().get().isOpen(),
                versions.valueProperty(),
                model.pageProperty());
        for (var node : List.of(goalBox, wishesArea, saveGoal, add, approve)) {
            node.disableProperty().bind(editable.not());
        }
        remove.disableProperty()
                .bind(editable.not()
                        .or(activities
                                .getSelectionModel()
                                .selectedItemProperty()
                                .isNull()));
        draft.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.pageProperty().get() == null
                                || !model.pageProperty().get().isOpen()
                                || model.pageProperty().get().newest().isPresent(),
                        model.pageProperty()));
        var noNewVersion = Bindings.createBooleanBinding(
                () -> model.pageProperty().get() == null
                        || !model.pageProperty().get().isOpen()
                        || model.pageProperty()
                                .get()
                                .newest()
                                .map(p -> !p.isApproved())
                                .orElse(true),
                model.pageProperty());
        change.disableProperty().bind(noNewVersion);
        review.disableProperty().bind(noNewVersion);

        activities.setMinHeight(110);
        wishesArea.setPrefRowCount(1);
        grid.add(saveGoal, 2, 2);
        getChildren()
                .setAll(
                        top,
                        status,
                        limits,
                        grid,
                        Forms.formError("planError", form.problems.errorProperty()),
                        activities,
                        activityProblem,
                        actions);

        versions.valueProperty().addListener((o, old, plan) -> {
            if (refilling) {
                return;
            }
            if (form.wouldDiscard(plan)) {
                // Another version chosen with the goal typed but not saved: asked, never discarded.
                switch (dialogs.askUnsaved(i18n.get("unsaved.title"), i18n.get("unsaved.plan", old.version()))) {
                    case SAVE -> {
                        form.save(() -> show(model, versions.getValue(), i18n));
                        return;
                    }
                    case CANCEL -> {
                        refilling = true;
                        try {
                            versions.setValue(old);
                        } finally {
                            refilling = false;
                        }
                        return;
                    }
                    case DISCARD -> {}
                }
            }
            show(model, plan, i18n);
        });
        ChangeListener<WorkPage> onWork = (o, old, work) -> {
            if (work == null) {
                return;
            }
            int shown = versions.getValue() == null ? 0 : versions.getValue().version();
            ActivityPlan newest = work.newest().orElse(null);
            // A new version is shown as soon as it exists; otherwise the one the coach looked at.
            boolean grew = newest != null && newest.version() > newestShown;
            newestShown = newest == null ? 0 : newest.version();
            // Refilling the list empties the choice for a moment: that is no choice of the coach's,
            // and must not reach the goal form (it would discard the goal typed).
            refilling = true;
            try {
                versions.getItems().setAll(work.versions());
                versions.setValue(
                        grew
                                ? newest
                                : work.versions().stream()
                                        .filter(p -> p.version() == shown)
                                        .findFirst()
                                        .orElse(newest));
            } finally {
                refilling = false;
            }
            limits.setText(i18n.get("plan.limits", work.limit())
                    + (work.reviewDue() != null ? " " + i18n.get("plan.reviewDue", work.reviewDue()) : ""));
            show(model, versions.getValue(), i18n);
        };
        WeakListeners.whileAlive(this, model.pageProperty(), onWork);
        // A view built for work already loaded (a rebuilt view) shows it at once.
        onWork.changed(model.pageProperty(), null, model.pageProperty().get());
    }

    /** An activity's name: the kind, or what the coach wrote for "other". */
    static String name(I18n i18n, Activity a) {
        return a.kind() == ActivityKind.OTHER && a.otherText() != null ? a.otherText() : i18n.of(a.kind());
    }

    private boolean isNewest(WorkViewModel model) {
        var work = model.pageProperty().get();
        return work != null
                && work.newest().map(p -> p.equals(versions.getValue())).orElse(false);
    }

    private void show(WorkViewModel model, ActivityPlan plan, I18n i18n) {
        var work = model.pageProperty().get();
        model.plan.show(work == null ? null : plan);
        if (plan == null || work == null) {
            status.setText(i18n.get("plan.none"));
            activities.getItems().clear();
            return;
        }
        status.setText(
                plan.isApproved()
                        ? i18n.get("plan.status.approved", plan.approvedOn(), plan.approvedBy())
                        : i18n.get("plan.status.draft"));
        activities.getItems().setAll(work.activitiesOf(plan.id()));
    }

    private void activityDialog(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        ActivityViewModel form = model.newActivity(versions.getValue());
        var grid = Forms.grid();
        ComboBox<ActivityKind> kind = Cells.choice("activityKind", i18n, ActivityKind.values());
        kind.valueProperty().bindBidirectional(form.kind);
        Forms.required(
                Forms.row(grid, 0, i18n.get("activity.kind"), kind, form.problems.of(ActivityDraft.FIELD_KIND)), i18n);
        TextField otherField = Forms.text("activityOther", form.otherText);
        otherField.disableProperty().bind(form.otherAsked.not());
        Forms.row(grid, 1, i18n.get("activity.other"), otherField, form.problems.of(ActivityDraft.FIELD_OTHER));
        Forms.required(
                Forms.row(
                        grid,
                        2,
                        i18n.get("activity.provider"),
                        Forms.text("activityProvider", form.provider),
                        form.problems.of(ActivityDraft.FIELD_PROVIDER)),
                i18n);
        Forms.row(grid, 3, i18n.get("activity.description"), Forms.text("activityDescription", form.description), null);
        var startPicker = Forms.date("activityStart", i18n.get("date.prompt"), form.start, form.startUnreadable);
        var endPicker = Forms.date("activityEnd", i18n.get("date.prompt"), form.end, form.endUnreadable);
        Forms.required(
                Forms.row(
                        grid, 4, i18n.get("activity.start"), startPicker, form.problems.of(ActivityDraft.FIELD_START)),
                i18n);
        Forms.row(grid, 5, i18n.get("activity.end"), endPicker, form.problems.of(ActivityDraft.FIELD_END));
        grid.add(Forms.formError("activityError", form.problems.errorProperty()), 1, 12);
        new FormDialog<Activity>(
                        ui,
                        "activityDialog",
                        i18n.get("activity.title"),
                        i18n.get("activity.header"),
                        grid,
                        i18n.get("activity.save"),
                        form.problems,
                        (done, failed) -> {
                            Forms.commit(startPicker);
                            Forms.commit(endPicker);
                            form.save(done);
                        },
                        kind)
                .showAndWait();
        model.closed(form);
    }

    private void approvalDialog(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        ApprovalViewModel form = model.newApproval(versions.getValue());
        var grid = Forms.grid();
        TextField byField = Forms.text("approvedBy", form.approvedBy);
        Forms.required(Forms.row(grid, 0, i18n.get("approval.by"), byField, form.approvedByProblem), i18n);
        var picker = Forms.date("approvedOn", i18n.get("date.prompt"), form.approvedOn, form.approvedOnUnreadable);
        Forms.required(Forms.row(grid, 1, i18n.get("approval.on"), picker, form.approvedOnProblem), i18n);
        Label planProblems = new Label();
        planProblems.getStyleClass().add("field-problem");
        planProblems.setWrapText(true);
        planProblems.textProperty().bind(form.planProblems);
        grid.add(planProblems, 1, 4);
        grid.add(Forms.formError("approvalError", form.problems.errorProperty()), 1, 5);
        new FormDialog<ActivityPlan>(
                        ui,
                        "approvalDialog",
                        i18n.get("approval.title"),
                        i18n.get("approval.header", form.version().version()),
                        grid,
                        i18n.get("approval.save"),
                        form.problems,
                        (done, failed) -> {
                            Forms.commit(picker);
                            form.save(done);
                        },
                        byField)
                .showAndWait();
        model.closed(form);
    }
}
