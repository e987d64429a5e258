package se.jobbtorg.coach.ui.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MnemonicCheckBox;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.WeakListeners;

/**
 * Follow-up meetings: planned and held, at the desk, by phone or on a visit. Entries are only
 * added; recording what happened at a planned meeting adds an entry that supersedes it, and the
 * full history stays one click away.
 */
final class MeetingsPane extends VBox {
    private final TableView<Meeting> table = new TableView<>();

    MeetingsPane(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        setSpacing(8);
        setPadding(new Insets(12));
        table.setId("meetings");
        Rows.selectOnFocus(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(i18n.get("meeting.none")));
        // The list says when, how and what came of each meeting; what was written at it is read
        // whole in the detail beside it (the follow-ups also below), never cut in a cell. The
        // time and the date reported stay whole; a kind or an outcome of several words wraps
        // (never a word cut: "Kontaktförsök,").
        table.getColumns()
                .setAll(List.of(
                        Cells.keepWhole(
                                Cells.<Meeting>column(
                                        i18n.get("meeting.column.at"),
                                        130,
                                        m -> i18n.date(m.at().toLocalDate()) + " " + m.at().toLocalTime()),
                                i18n.date(Cells.WIDEST_DATE) + " 00:00"),
                        // The usual kind on one line: the rows stay low, more of them in view.
                        Cells.keepWhole(
                                Cells.wrapping(
                                        Cells.<Meeting>column(
                                                i18n.get("meeting.column.kind"), 110, m -> i18n.of(m.kind())),
                                        Cells.names(i18n, MeetingKind.values())),
                                i18n.of(MeetingKind.DESK)),
                        Cells.wrapping(
                                Cells.<Meeting>column(
                                        i18n.get("meeting.column.outcome"), 110, m -> i18n.of(m.outcome())),
                                Cells.names(i18n, MeetingOutcome.values())),
                        Cells.keepWhole(
                                Cells.<Meeting>column(
                                        i18n.get("meeting.column.reported"), 95, m -> i18n.date(m.reportedOn())),
                                i18n.date(Cells.WIDEST_DATE))));
        for (int i : new int[] {0, 3}) {
            table.getColumns().get(i).setMaxWidth(table.getColumns().get(i).getMinWidth() + 20);
        }
        // A voided entry stays in the history, struck through, with why it was voided.
        TableColumn<Meeting, String> voided = Cells.wrapping(Voiding.show(table, model, i18n, Meeting::id));
        ToggleButton history = new ToggleButton(i18n.get("meeting.history"));
        history.setId("meetingHistory");
        Button plan = new Button(i18n.get("meeting.plan"));
        plan.setId("meetingPlan");
        plan.setOnAction(e -> dialog(model, ui, null, MeetingOutcome.PLANNED));
        Button record = new Button(i18n.get("meeting.record"));
        record.setId("meetingRecord");
        record.setOnAction(e -> {
            // With a current entry selected this records its outcome or corrects it; history
            // entries are never corrected twice.
            Meeting selected =
                    history.isSelected() ? null : table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                recordChosen(model, ui);
                return;
            }
            dialog(
                    model,
                    ui,
                    selected,
                    selected == null || selected.outcome() == MeetingOutcome.PLANNED
                            ? MeetingOutcome.ATTENDED
                            : selected.outcome());
        });
        Button voidButton = Voiding.button(
                "meetingVoid",
                i18n.get("meeting.void"),
                table,
                model,
                ui,
                EntryVoid.Kind.MEETING,
                Meeting::id,
                m -> i18n.get(
                        "void.header.meeting",
                        i18n.date(m.at().toLocalDate()) + " " + m.at().toLocalTime(),
                        i18n.of(m.outcome())));
        var closed = Bindings.createBooleanBinding(
                () -> model.pageProperty().get() == null
                        || !model.pageProperty().get().isOpen(),
                model.pageProperty());
        plan.disableProperty().bind(closed);
        record.disableProperty().bind(closed);
        Voiding.EntryList<ActivityFollowUp> followUps = followUps(model, ui);
        Voiding.EntryList<DeadlineReason> reasons = reasons(model, ui);
        // The two lists share the width evenly and narrow together on a small window; their
        // columns shrink to fit rather than push the second list off the edge.
        for (Voiding.EntryList<?> half : List.of(followUps, reasons)) {
            HBox.setHgrow(half, Priority.ALWAYS);
            half.setPrefWidth(400);
            half.setMinWidth(0);
            // A long follow-up or reason wraps in its cell rather than end in "…".
            Cells.wrapping(half.table);
        }
        // The selected meeting whole, beside the list: a note is never only what fits in a cell.
        TextArea detail = new TextArea();
        detail.setId("meetingDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText(i18n.get("meeting.detail.none"));
        MultiLine.tabMovesFocus(detail);
        Label detailLabel = new Label(i18n.get("meeting.detail"));
        detailLabel.setMnemonicParsing(true);
        detailLabel.setLabelFor(detail);
        VBox detailBox = new VBox(4, detailLabel, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        // The list keeps its columns whole (about 500 px); the detail, to be read, takes the rest.
        table.setPrefWidth(520);
        detailBox.setMinWidth(200);
        detailBox.setPrefWidth(260);
        HBox.setHgrow(table, Priority.SOMETIMES);
        HBox.setHgrow(detailBox, Priority.ALWAYS);
        HBox split = new HBox(8, table, detailBox);
        VBox.setVgrow(split, Priority.ALWAYS);
        Runnable showDetail = () -> {
            Meeting m = table.getSelectionModel().getSelectedItem();
            var work = model.pageProperty().get();
            detail.setText(m == null || work == null ? "" : whole(work, m, i18n));
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> showDetail.run());
        WeakListeners.whileAlive(this, model.pageProperty(), (o, old, work) -> showDetail.run());
        getChildren().setAll(new HBox(8, plan, record, voidButton, history), split, new HBox(16, followUps, reasons));
        voided.visibleProperty().bind(history.selectedProperty());

        Runnable fill = () -> {
            var work = model.pageProperty().get();
            if (work != null) {
                // The meeting chosen stays chosen across a reload, so its follow-ups stay in view.
                Meeting chosen = table.getSelectionModel().getSelectedItem();
                table.getItems().setAll(history.isSelected() ? work.meetingHistory() : work.meetings());
                if (chosen != null) {
                    table.getItems().stream()
                            .filter(m -> m.id().equals(chosen.id()))
                            .findFirst()
                            .ifPresent(m -> table.getSelectionModel().select(m));
                }
            }
        };
        WeakListeners.whileAlive(this, model.pageProperty(), (o, old, work) -> fill.run());
        fill.run();
        history.selectedProperty().addListener((o, was, now) -> fill.run());
    }

    /**
     * An outcome with no entry selected: the coach says which planned meeting it closes, or that
     * the meeting was not planned. With none planned there is nothing to ask.
     */
    private void recordChosen(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        List<WorkViewModel.MeetingToClose> choices = model.meetingsToClose();
        Optional<WorkViewModel.MeetingToClose> chosen = choices.size() == 1
                ? Optional.of(choices.get(0))
                : ui.dialogs()
                        .choose(
                                "meetingCloses",
                                i18n.get("meeting.record.title"),
                                i18n.get("meeting.closes.header"),
                                i18n.get("meeting.closes"),
                                choices,
                                c -> c.planned() == null
                                        ? i18n.get("meeting.closes.unplanned")
                                        : i18n.get(
                                                "meeting.closes.planned",
                                                i18n.date(c.planned().at().toLocalDate()) + " "
                                                        + c.planned().at().toLocalTime(),
                                                i18n.of(c.planned().kind())),
                                model.likelyMeetingToClose(choices));
        chosen.ifPresent(c -> dialog(model, ui, c.planned(), MeetingOutcome.ATTENDED));
    }

    /**
     * How the selected meeting followed up each activity, those entered in error too (struck
     * through), with "Makulera…" for one entered in error: it then counts nowhere, and the
     * meetings' own column leaves it out.
     */
    private Voiding.EntryList<ActivityFollowUp> followUps(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        Voiding.EntryList<ActivityFollowUp> list = Voiding.list(
                model,
                ui,
                "followUps",
                i18n.get("meeting.followUps"),
                i18n.get("meeting.followUps.none"),
                List.of(
                        // The activity followed up, its longest word whole ("Utredning/kartläggning").
                        Cells.wrapping(
                                Cells.<ActivityFollowUp>column(
                                        i18n.get("meeting.column.activity"), 220, f -> activityName(model, i18n, f)),
                                Cells.names(i18n, ActivityKind.values())),
                        Cells.<ActivityFollowUp>column(i18n.get("meeting.column.followUp"), 320, f -> f.note())),
                "followUpVoid",
                i18n.get("meeting.followUp.void"),
                EntryVoid.Kind.ACTIVITY_FOLLOW_UP,
                ActivityFollowUp::id,
                f -> {
                    Meeting meeting = table.getSelectionModel().getSelectedItem();
                    return i18n.get(
                            "void.header.followUp",
                            activityName(model, i18n, f),
                            meeting == null
                                    ? ""
                                    : i18n.date(meeting.at().toLocalDate()) + " "
                                            + meeting.at().toLocalTime());
                });
        TableView<ActivityFollowUp> lines = list.table;
        Label none = (Label) lines.getPlaceholder();
        Runnable fill = () -> {
            var work = model.pageProperty().get();
            Meeting meeting = table.getSelectionModel().getSelectedItem();
            lines.getItems().setAll(work == null || meeting == null ? List.of() : work.followUpHistoryOf(meeting.id()));
            // Without a meeting the list says how to fill it; with one, that it has none.
            none.setText(i18n.get(meeting == null ? "meeting.followUps.none" : "meeting.followUps.noneForMeeting"));
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> fill.run());
        WeakListeners.whileAlive(this, model.pageProperty(), (o, old, work) -> fill.run());
        return list;
    }

    /**
     * Why deadlines were passed, as the coach gave it on Today, those entered in error too
     * (struck through), with "Makulera…" for one entered in error: the deadline then has the
     * reason given before it, or none.
     */
    private Voiding.EntryList<DeadlineReason> reasons(WorkViewModel model, UiContext ui) {
        I18n i18n = ui.i18n();
        Voiding.EntryList<DeadlineReason> list = Voiding.list(
                model,
                ui,
                "deadlineReasons",
                i18n.get("meeting.reasons"),
                i18n.get("meeting.reasons.none"),
                List.of(
                        Cells.keepWhole(
                                Cells.<DeadlineReason>column(
                                        i18n.get("today.column.date"), 95, r -> i18n.date(r.dueOn())),
                                i18n.date(Cells.WIDEST_DATE)),
                        Cells.<DeadlineReason>column(i18n.get("today.column.what"), 160, r -> i18n.of(r.kind())),
                        Cells.<DeadlineReason>column(i18n.get("today.column.reason"), 160, DeadlineReason::reason)),
                "reasonVoid",
                i18n.get("meeting.reason.void"),
                EntryVoid.Kind.DEADLINE_REASON,
                DeadlineReason::id,
                r -> i18n.get("void.header.reason", i18n.of(r.kind()), i18n.date(r.dueOn()), r.reason()));
        TableView<DeadlineReason> lines = list.table;
        Runnable fill = () -> {
            var work = model.pageProperty().get();
            List<DeadlineReason> newestFirst = new ArrayList<>(work == null ? List.of() : work.reasons());
            Collections.reverse(newestFirst);
            lines.getItems().setAll(newestFirst);
        };
        WeakListeners.whileAlive(this, model.pageProperty(), (o, old, work) -> fill.run());
        fill.run();
        return list;
    }

    private static String activityName(WorkViewModel model, I18n i18n, ActivityFollowUp f) {
        var work = model.pageProperty().get();
        return work == null
                ? ""
                : work.activity(f.activityId()).map(a -> PlanPane.name(i18n, a)).orElse("");
    }

    /**
     * A meeting as the detail shows it: when, how and what came of it, then every line written at
     * it (the timeline's), and why it was entered in error if it was.
     */
    private static String whole(WorkPage page, Meeting m, I18n i18n) {
        List<String> lines = new ArrayList<>();
        lines.add(i18n.get(
                "meeting.detail.heading",
                i18n.date(m.at().toLocalDate()) + " " + m.at().toLocalTime(),
                i18n.of(m.kind()),
                i18n.of(m.outcome())));
        page.voidOf(m.id()).ifPresent(v -> lines.add(i18n.get("meeting.detail.voided", v.reason())));
        if (m.socialSecretaryJoined()) {
            lines.add(i18n.get("meeting.detail.joint"));
        }
        if (m.reportedOn() != null) {
            lines.add(i18n.get("meeting.detail.reported", i18n.date(m.reportedOn())));
        }
        lines.add("");
        lines.addAll(Timeline.meetingLines(page, m, i18n));
        return String.join("\n", lines).strip();
    }

    /** Plans a meeting, or records what happened at one (superseding the planned entry). */
    private void dialog(WorkViewModel model, UiContext ui, Meeting earlier, MeetingOutcome defaultOutcome) {
        I18n i18n = ui.i18n();
        MeetingViewModel form = model.newMeeting(earlier, defaultOutcome);
        var grid = Forms.grid();
        var datePicker = Forms.date("meetingDate", i18n.get("date.prompt"), form.date, form.dateUnreadable);
        Forms.required(
                Forms.row(grid, 0, i18n.get("meeting.date"), datePicker, form.problems.of(MeetingDraft.FIELD_AT)),
                i18n);
        TextField timeField = Forms.text("meetingTime", form.time);
        timeField.setPromptText("09:00");
        Forms.required(
                Forms.row(grid, 1, i18n.get("meeting.time"), timeField, form.problems.of(MeetingViewModel.FIELD_TIME)),
                i18n);
        ComboBox<MeetingKind> kind = Cells.choice("meetingKind", i18n, MeetingKind.values());
        kind.valueProperty().bindBidirectional(form.kind);
        Forms.required(
                Forms.row(grid, 2, i18n.get("meeting.kind"), kind, form.problems.of(MeetingDraft.FIELD_KIND)), i18n);
        // Where a visit takes place: the calendar file carries it (only a visit has a place).
        TextField place = Forms.text("meetingPlace", form.place);
        place.setPromptText(i18n.get("meeting.place.prompt"));
        place.disableProperty().bind(form.placeAsked.not());
        Forms.row(grid, 3, i18n.get("meeting.place"), place, form.problems.of(MeetingDraft.FIELD_PLACE));
        ComboBox<MeetingOutcome> outcome = Cells.choice("meetingOutcome", i18n, MeetingOutcome.values());
        outcome.valueProperty().bindBidirectional(form.outcome);
        Forms.row(grid, 4, i18n.get("meeting.outcome"), outcome, null);
        Forms.row(grid, 5, i18n.get("meeting.attendees"), Forms.text("meetingAttendees", form.attendees), null);
        CheckBox joint = new MnemonicCheckBox(i18n.get("meeting.joint"));
        joint.setId("meetingJoint");
        joint.selectedProperty().bindBidirectional(form.socialSecretaryJoined);
        grid.add(joint, 1, 12);
        TextArea notes = MultiLine.area("meetingNotes", form.notes, 3);
        Forms.row(grid, 7, i18n.get("meeting.notes"), notes, null);
        Forms.row(grid, 8, i18n.get("meeting.nextSteps"), Forms.text("meetingNextSteps", form.nextSteps), null);
        var dutyPicker = Forms.date("meetingDuty", i18n.get("date.prompt"), form.dutyExplainedOn, form.dutyUnreadable);
        Forms.row(grid, 9, i18n.get("meeting.duty"), dutyPicker, form.problems.of(MeetingDraft.FIELD_DUTY));
        var reportedPicker =
                Forms.date("meetingReported", i18n.get("date.prompt"), form.reportedOn, form.reportedUnreadable);
        reportedPicker.disableProperty().bind(form.reportAsked.not());
        Forms.row(
                grid, 10, i18n.get("meeting.reported"), reportedPicker, form.problems.of(MeetingDraft.FIELD_REPORTED));
        // One line per running activity: every activity is followed up (001).
        int row = 12;
        for (var line : form.followUps) {
            Activity activity = line.activity();
            TextField field = Forms.text("followUp-" + activity.kind().code(), line.note());
            Forms.row(
                    grid,
                    row++,
                    i18n.get("meeting.followUp", PlanPane.name(i18n, activity), activity.provider()),
                    field,
                    null);
        }
        grid.add(Forms.formError("meetingError", form.problems.errorProperty()), 1, row * 2);

        new FormDialog<Meeting>(
                        ui,
                        "meetingDialog",
                        i18n.get(
                                defaultOutcome == MeetingOutcome.PLANNED
                                        ? "meeting.plan.title"
                                        : "meeting.record.title"),
                        earlier == null
                                ? i18n.get("meeting.header")
                                : i18n.get(
                                        "meeting.header.correcting",
                                        i18n.date(earlier.at().toLocalDate()) + " "
                                                + earlier.at().toLocalTime(),
                                        i18n.of(earlier.outcome())),
                        grid,
                        i18n.get("meeting.save"),
                        form.problems,
                        (done, failed) -> {
                            for (var p : List.of(datePicker, dutyPicker, reportedPicker)) {
                                Forms.commit(p);
                            }
                            form.save(done);
                        },
                        datePicker)
                .showAndWait();
        model.closed(form);
    }
}
