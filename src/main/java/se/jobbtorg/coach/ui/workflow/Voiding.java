package se.jobbtorg.coach.ui.workflow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.Cells;
import se.jobbtorg.coach.ui.common.FormDialog;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.MultiLine;
import se.jobbtorg.coach.ui.common.Rows;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * "Makulera…" as every list of append-only entries offers it (decision 0009): the entry chosen
 * is voided with a reason, and stays in its list struck through, with the reason beside it.
 */
final class Voiding {
    /** The style class of a row entered in error (struck through, coach.css). */
    static final String VOIDED = "voided";

    /** The style class of the column that says why: read, not struck through. */
    static final String REASON = "void-reason";

    private Voiding() {}

    /** The void of an entry on the page loaded, if it was entered in error. */
    static Optional<EntryVoid> of(WorkViewModel model, UUID entryId) {
        var work = model.pageProperty().get();
        return work == null ? Optional.empty() : work.voidOf(entryId);
    }

    /**
     * A list of entries that are only ever added: its section title, the table (the entry with
     * the focus selected, the last column taking the width left, those entered in error struck
     * through with why beside them) and its "Makulera…" button under it. A few rows high and
     * spaced as the meetings' lists are; a pane that wants otherwise sets it on what it gets.
     */
    static <T> EntryList<T> list(
            WorkViewModel model,
            UiContext ui,
            String id,
            String title,
            String placeholder,
            List<? extends TableColumn<T, ?>> columns,
            String buttonId,
            String buttonText,
            EntryVoid.Kind kind,
            Function<T, UUID> idOf,
            Function<T, String> header) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        Rows.selectOnFocus(table);
        Cells.fillOrScroll(table);
        table.setPlaceholder(new Label(placeholder));
        table.getColumns().setAll(columns);
        show(table, model, ui.i18n(), idOf);
        table.setPrefHeight(110);
        table.setMinHeight(90);
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        Button button = button(buttonId, buttonText, table, model, ui, kind, idOf, header);
        return new EntryList<>(table, heading, button);
    }

    /** What {@link #list} makes: the title, the table and its button, one under the other. */
    static final class EntryList<T> extends VBox {
        final TableView<T> table;

        private EntryList(TableView<T> table, Label heading, Button button) {
            super(4, heading, table, button);
            this.table = table;
        }
    }

    /** Strikes through the rows of the entries voided, and adds the column that says why. */
    static <T> TableColumn<T, String> show(TableView<T> table, WorkViewModel model, I18n i18n, Function<T, UUID> id) {
        TableColumn<T, String> why = Cells.<T>column(
                i18n.get("meeting.column.voided"),
                200,
                e -> of(model, id.apply(e))
                        .map(v -> i18n.get("void.shown", i18n.date(v.voidedOn()), v.reason()))
                        .orElse(""));
        why.getStyleClass().add(REASON);
        table.getColumns().add(why);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(VOIDED);
                if (!empty && item != null && of(model, id.apply(item)).isPresent()) {
                    getStyleClass().add(VOIDED);
                }
            }
        });
        return why;
    }

    /**
     * A "Makulera…" button for the entry selected in the table: enabled on an entry not yet
     * voided while the enrolment is open; header gives the dialog's words about the entry.
     */
    static <T> Button button(
            String buttonId,
            String text,
            TableView<T> table,
            WorkViewModel model,
            UiContext ui,
            EntryVoid.Kind kind,
            Function<T, UUID> id,
            Function<T, String> header) {
        Button button = new Button(text);
        button.setId(buttonId);
        button.setOnAction(e -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && of(model, id.apply(selected)).isEmpty()) {
                ask(model, ui, kind, id.apply(selected), header.apply(selected));
            }
        });
        BooleanBinding unavailable = Bindings.createBooleanBinding(
                () -> {
                    var page = model.pageProperty().get();
                    T selected = table.getSelectionModel().getSelectedItem();
                    return page == null
                            || !page.isOpen()
                            || selected == null
                            || of(model, id.apply(selected)).isPresent();
                },
                table.getSelectionModel().selectedItemProperty(),
                model.pageProperty());
        button.disableProperty().bind(unavailable);
        return button;
    }

    /** Asks why the entry was entered in error and voids it; it stays in the history. */
    static void ask(WorkViewModel model, UiContext ui, EntryVoid.Kind kind, UUID entryId, String header) {
        ask(
                model,
                ui,
                kind,
                entryId,
                ui.i18n().get("void.title"),
                header,
                ui.i18n().get("void.save"));
    }

    /** The same, in the words of what is undone (an exit is undone rather than voided). */
    static void ask(
            WorkViewModel model,
            UiContext ui,
            EntryVoid.Kind kind,
            UUID entryId,
            String title,
            String header,
            String save) {
        I18n i18n = ui.i18n();
        VoidViewModel form = model.newVoid(kind, entryId);
        var grid = Forms.grid();
        TextArea reason = MultiLine.area("voidReason", form.reason, 3);
        Forms.required(
                Forms.row(grid, 0, i18n.get("void.reason"), reason, form.problems.of(EntryVoid.FIELD_REASON)), i18n);
        grid.add(Forms.formError("voidError", form.problems.errorProperty()), 1, 2);
        new FormDialog<EntryVoid>(
                        ui,
                        "voidDialog",
                        title,
                        header,
                        grid,
                        save,
                        form.problems,
                        (done, failed) -> form.save(done),
                        reason)
                .showAndWait();
        model.closed(form);
    }
}
