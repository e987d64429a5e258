package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.ValidationException;

/**
 * The problem shown next to each field of a form, and saving the form in the background:
 * a refusal puts its sentences next to their fields; anything else goes to the error dialog,
 * or, for a form that shows its own, to {@link #errorProperty()}.
 */
public final class FieldProblems {
    private static final Logger LOG = Logger.getLogger(FieldProblems.class.getName());

    private final I18n i18n;
    private final Map<String, StringProperty> byField = new LinkedHashMap<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final IntegerProperty refusals = new SimpleIntegerProperty();
    /** The form's own rules, without the database: null when the form has none of its own. */
    private Supplier<List<Problem>> rules;

    public FieldProblems(I18n i18n) {
        this.i18n = i18n;
    }

    /** The message property for a field, empty while the field is fine. */
    public StringProperty of(String field) {
        return byField.computeIfAbsent(field, f -> new SimpleStringProperty(""));
    }

    /** Every field's message property. */
    public Collection<StringProperty> all() {
        return byField.values();
    }

    /** True while a save runs: the save button is disabled, a second press does nothing. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    /**
     * What went wrong with the last save that no field shows (the record gone, the database
     * failing), as a sentence; empty otherwise. What the user typed stays in the form.
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Shows these problems, the first one for each field, and clears the others. Returns the
     * problems no field of this form shows, for the caller to tell in another way.
     */
    public List<Problem> show(List<Problem> problems) {
        byField.values().forEach(p -> p.set(""));
        error.set("");
        List<Problem> elsewhere = new ArrayList<>();
        boolean shown = false;
        for (Problem problem : problems) {
            StringProperty target = byField.get(problem.field());
            if (target == null) {
                elsewhere.add(problem);
            } else if (target.get().isEmpty()) {
                target.set(i18n.problem(problem));
                shown = true;
            }
        }
        if (shown) {
            refusals.set(refusals.get() + 1);
        }
        return elsewhere;
    }

    /**
     * Counts the times problems were put next to fields (a refused save, a failed check): the
     * form moves the focus to the first wrong field when it changes.
     */
    public ReadOnlyIntegerProperty refusalsProperty() {
        return refusals;
    }

    /** The form's own rules (the domain's, no database), which say when a field has been put right. */
    public void checkWith(Supplier<List<Problem>> rules) {
        this.rules = rules;
    }

    /**
     * A field's problem goes as soon as the user has corrected it: when one of these inputs
     * changes, the field's message is what the form's rules now find for it, or nothing. A
     * field that shows no problem gets none while the user is still typing.
     */
    public void watch(String field, Observable... inputs) {
        StringProperty message = of(field);
        for (Observable input : inputs) {
            input.addListener(x -> {
                if (!message.get().isEmpty()) {
                    message.set(firstFor(field));
                }
            });
        }
    }

    /**
     * Checks one field by the form's rules, as the user leaves it. An empty field is said only
     * when the form is saved: the coach may be on the way to it.
     */
    public void check(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            if (!of(field).get().isEmpty()) {
                of(field).set(firstFor(field));
            }
            return;
        }
        of(field).set(firstFor(field));
    }

    private String firstFor(String field) {
        if (rules == null) {
            return "";
        }
        return rules.get().stream()
                .filter(p -> field.equals(p.field()))
                .findFirst()
                .map(i18n::problem)
                .orElse("");
    }

    /** Runs the save off the FX thread unless one is already running. */
    public <T> void save(TaskRunner tasks, Callable<T> work, Consumer<T> onSaved, Consumer<Throwable> onError) {
        if (saving.get()) {
            return;
        }
        saving.set(true);
        tasks.job(progress -> work.call())
                .onSuccess(onSaved)
                .onValidation(refused -> {
                    List<Problem> elsewhere = show(refused.problems());
                    if (!elsewhere.isEmpty()) {
                        // e.g. "the enrolment has ended": no field to put it next to, so a dialog says it
                        onError.accept(new ValidationException(elsewhere));
                    }
                })
                .onFailure(onError)
                .always(() -> saving.set(false))
                .start();
    }

    /**
     * The same for a form that shows its own failures: a refusal no field shows, and every
     * other failure, becomes {@link #errorProperty()}'s sentence (the detail goes to the log).
     */
    public <T> void save(TaskRunner tasks, Callable<T> work, Consumer<T> onSaved) {
        save(tasks, work, onSaved, failure -> {
            ErrorSentences.Kind kind = ErrorSentences.kindOf(failure);
            if (kind.logged()) {
                LOG.log(Level.SEVERE, "save failed", failure);
            }
            error.set(ErrorSentences.sentence(i18n, failure));
        });
    }
}
