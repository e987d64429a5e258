package se.jobbtorg.coach.ui.workflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FieldProblems;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.i18n.I18n;

/**
 * Follow-up meetings: planned and held, at the desk, by phone or on a visit. Entries are only
 * added; recording what happened at a planned meeting adds an entry that supersedes it, and the
 * full history stays one click away.
 */
final class MeetingsPane extends VBox {
    private final TableView<Meeting> table = new TableView<>();

    MeetingsPane(WorkViewModel model, I18n i18n, DialogService dialogs, Supplier<Window> owner) {
        setSpacing(8);
        setPadding(new Insets(12));
        table.setId("meetings");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("meeting.none")));
        table.getColumns().setAll(List.of(
                Cells.<Meeting>column(i18n.get("meeting.column.at"), 130,
                        m -> i18n.date(m.at().toLocalDate()) + " " + m.at().toLocalTime()),
                Cells.<Meeting>column(i18n.get("meeting.column.kind"), 120, m -> i18n.of(m.kind())),
                Cells.<Meeting>column(i18n.get("meeting.column.outcome"), 110, m -> i18n.of(m.outcome())),
                Cells.<Meeting>column(i18n.get("meeting.column.reported"), 110, m -> i18n.date(m.reportedOn())),
                Cells.<Meeting>column(i18n.get("meeting.column.notes"), 250, m -> join(m.notes(), m.nextSteps())),
                Cells.<Meeting>column(i18n.get("meeting.column.followUps"), 250, m -> followUps(model, i18n, m))));
        VBox.setVgrow(table, Priority.ALWAYS);
        ToggleButton history = new ToggleButton(i18n.get("meeting.history"));
        history.setId("meetingHistory");
        Button plan = new Button(i18n.get("meeting.plan"));
        plan.setId("meetingPlan");
        plan.setOnAction(e -> dialog(model, i18n, dialogs, owner.get(), null, MeetingOutcome.PLANNED));
        Button record = new Button(i18n.get("meeting.record"));
        record.setId("meetingRecord");
        record.setOnAction(e -> {
            // With a current entry selected this records its outcome or corrects it; history
            // entries are never corrected twice.
            Meeting selected = history.isSelected() ? null : table.getSelectionModel().getSelectedItem();
            dialog(model, i18n, dialogs, owner.get(), selected, selected == null
                    || selected.outcome() == MeetingOutcome.PLANNED ? MeetingOutcome.ATTENDED : selected.outcome());
        });
        var closed = javafx.beans.binding.Bindings.createBooleanBinding(() -> model.workProperty().get() == null
                || !model.workProperty().get().enrolment().isOpen(), model.workProperty());
        plan.disableProperty().bind(closed);
        record.disableProperty().bind(closed);
        getChildren().setAll(new HBox(8, plan, record, history), table);

        Runnable fill = () -> {
            var work = model.workProperty().get();
            if (work != null) {
                table.getItems().setAll(history.isSelected() ? work.meetingHistory() : work.meetings());
            }
        };
        model.workProperty().addListener((o, old, work) -> fill.run());
        history.selectedProperty().addListener((o, was, now) -> fill.run());
    }

    private static String followUps(WorkViewModel model, I18n i18n, Meeting m) {
        var work = model.workProperty().get();
        if (work == null) {
            return "";
        }
        return String.join("; ", work.followUpsOf(m.id()).stream().map(f -> work.activities().stream()
                .filter(a -> a.id().equals(f.activityId())).findFirst()
                .map(a -> PlanPane.name(i18n, a) + ": " + f.note()).orElse(f.note())).toList());
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + " – " + b;
    }

    /** Plans a meeting, or records what happened at one (superseding the planned entry). */
    private void dialog(WorkViewModel model, I18n i18n, DialogService dialogs, Window owner, Meeting earlier,
            MeetingOutcome defaultOutcome) {
        FieldProblems form = new FieldProblems(i18n);
        var grid = Forms.grid();
        SimpleObjectProperty<LocalDate> date = new SimpleObjectProperty<>(earlier != null
                ? earlier.at().toLocalDate() : model.today());
        SimpleBooleanProperty dateBad = new SimpleBooleanProperty();
        var datePicker = Forms.date("meetingDate", i18n.get("date.prompt"), date, dateBad);
        Forms.row(grid, 0, i18n.get("meeting.date"), datePicker, form.of(MeetingDraft.FIELD_AT));
        SimpleStringProperty time = new SimpleStringProperty(earlier != null ? earlier.at().toLocalTime().toString()
                : "09:00");
        TextField timeField = Forms.text("meetingTime", time);
        timeField.setPromptText("09:00");
        Forms.row(grid, 1, i18n.get("meeting.time"), timeField, form.of("time"));
        ComboBox<MeetingKind> kind = Cells.choice("meetingKind", i18n, MeetingKind.values());
        kind.setValue(earlier != null ? earlier.kind() : MeetingKind.DESK);
        Forms.row(grid, 2, i18n.get("meeting.kind"), kind, form.of(MeetingDraft.FIELD_KIND));
        ComboBox<MeetingOutcome> outcome = Cells.choice("meetingOutcome", i18n, MeetingOutcome.values());
        outcome.setValue(defaultOutcome);
        Forms.row(grid, 3, i18n.get("meeting.outcome"), outcome, null);
        SimpleStringProperty attendees = new SimpleStringProperty(earlier != null && earlier.attendees() != null
                ? earlier.attendees() : "");
        Forms.row(grid, 4, i18n.get("meeting.attendees"), Forms.text("meetingAttendees", attendees), null);
        CheckBox joint = new CheckBox(i18n.get("meeting.joint"));
        joint.setId("meetingJoint");
        joint.setSelected(earlier != null && earlier.socialSecretaryJoined());
        grid.add(joint, 1, 10);
        TextArea notes = new TextArea(earlier != null && earlier.notes() != null ? earlier.notes() : "");
        notes.setId("meetingNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        Forms.row(grid, 6, i18n.get("meeting.notes"), notes, null);
        SimpleStringProperty next = new SimpleStringProperty(earlier != null && earlier.nextSteps() != null
                ? earlier.nextSteps() : "");
        Forms.row(grid, 7, i18n.get("meeting.nextSteps"), Forms.text("meetingNextSteps", next), null);
        SimpleObjectProperty<LocalDate> duty = new SimpleObjectProperty<>(earlier == null ? null : earlier.dutyExplainedOn());
        SimpleBooleanProperty dutyBad = new SimpleBooleanProperty();
        var dutyPicker = Forms.date("meetingDuty", i18n.get("date.prompt"), duty, dutyBad);
        Forms.row(grid, 8, i18n.get("meeting.duty"), dutyPicker, form.of(MeetingDraft.FIELD_DUTY));
        SimpleObjectProperty<LocalDate> reported = new SimpleObjectProperty<>(earlier == null ? null : earlier.reportedOn());
        SimpleBooleanProperty reportedBad = new SimpleBooleanProperty();
        var reportedPicker = Forms.date("meetingReported", i18n.get("date.prompt"), reported, reportedBad);
        reportedPicker.disableProperty().bind(outcome.valueProperty().isNotEqualTo(MeetingOutcome.NOT_ATTENDED));
        Forms.row(grid, 9, i18n.get("meeting.reported"), reportedPicker, form.of(MeetingDraft.FIELD_REPORTED));
        // One line per running activity: every activity is followed up (001).
        var work = model.workProperty().get();
        java.util.Map<java.util.UUID, TextField> followUps = new java.util.LinkedHashMap<>();
        int row = 11;
        for (var activity : work.activitiesInForce()) {
            if (!activity.isRunning(model.today())) {
                continue;
            }
            TextField field = new TextField();
            field.setId("followUp-" + activity.kind().code());
            followUps.put(activity.id(), field);
            Forms.row(grid, row++, i18n.get("meeting.followUp", PlanPane.name(i18n, activity), activity.provider()),
                    field, null);
        }

        new FormDialog<Meeting>(owner, i18n, dialogs, "meetingDialog",
                i18n.get(defaultOutcome == MeetingOutcome.PLANNED ? "meeting.plan.title" : "meeting.record.title"),
                earlier == null ? i18n.get("meeting.header") : i18n.get("meeting.header.correcting",
                        i18n.date(earlier.at().toLocalDate()) + " " + earlier.at().toLocalTime(), i18n.of(earlier.outcome())),
                grid, i18n.get("meeting.save"), form, (done, failed) -> {
                    for (var p : List.of(datePicker, dutyPicker, reportedPicker)) {
                        Forms.commit(p);
                    }
                    LocalTime at;
                    try {
                        at = LocalTime.parse(time.get().strip().length() == 4 ? "0" + time.get().strip()
                                : time.get().strip());
                    } catch (DateTimeParseException e) {
                        form.show(List.of(Problem.of("time", "meeting.problem.time")));
                        return;
                    }
                    if (dateBad.get() || dutyBad.get() || reportedBad.get()) {
                        form.show(List.of(Problem.of(dateBad.get() ? MeetingDraft.FIELD_AT
                                : dutyBad.get() ? MeetingDraft.FIELD_DUTY : MeetingDraft.FIELD_REPORTED, "validation.date")));
                        return;
                    }
                    model.recordMeeting(earlier == null ? null : earlier.id(),
                            date.get() == null ? null : LocalDateTime.of(date.get(), at), kind.getValue(),
                            outcome.getValue(), attendees.get(), joint.isSelected(), notes.getText(), next.get(),
                            duty.get(), outcome.getValue() == MeetingOutcome.NOT_ATTENDED ? reported.get() : null,
                            followUps.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                    java.util.Map.Entry::getKey, e -> e.getValue().getText())),
                            form, done);
                }, datePicker).showAndWait();
    }
}
