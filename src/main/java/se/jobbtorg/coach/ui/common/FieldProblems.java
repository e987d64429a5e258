package se.jobbtorg.coach.ui.common;

import se.jobbtorg.coach.i18n.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.service.ValidationException;

/**
 * The problem shown next to each field of a form, and saving the form in the background:
 * a refusal puts its sentences next to their fields; anything else goes to the error dialog.
 */
public final class FieldProblems {
    private final I18n i18n;
    private final Map<String, StringProperty> byField = new LinkedHashMap<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    public FieldProblems(I18n i18n) {
        this.i18n = i18n;
    }

    /** The message property for a field, empty while the field is fine. */
    public StringProperty of(String field) {
        return byField.computeIfAbsent(field, f -> new SimpleStringProperty(""));
    }

    /** Every field's message property. */
    public java.util.Collection<StringProperty> all() {
        return byField.values();
    }

    /** True while a save runs: the save button is disabled, a second press does nothing. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    /**
     * Shows these problems, the first one for each field, and clears the others. Returns the
     * problems no field of this form shows, for the caller to tell in another way.
     */
    public List<Problem> show(List<Problem> problems) {
        byField.values().forEach(p -> p.set(""));
        List<Problem> elsewhere = new java.util.ArrayList<>();
        for (Problem problem : problems) {
            StringProperty target = byField.get(problem.field());
            if (target == null) {
                elsewhere.add(problem);
            } else if (target.get().isEmpty()) {
                target.set(i18n.problem(problem));
            }
        }
        return elsewhere;
    }

    /** Runs the save off the FX thread unless one is already running. */
    public <T> void save(TaskRunner tasks, Callable<T> work, Consumer<T> onSaved, Consumer<Throwable> onError) {
        if (saving.get()) {
            return;
        }
        saving.set(true);
        tasks.run(work, result -> {
            saving.set(false);
            onSaved.accept(result);
        }, error -> {
            saving.set(false);
            if (error instanceof ValidationException refused) {
                List<Problem> elsewhere = show(refused.problems());
                if (!elsewhere.isEmpty()) {
                    // e.g. "the enrolment has ended": no field to put it next to, so a dialog says it
                    onError.accept(new ValidationException(elsewhere));
                }
            } else {
                onError.accept(error);
            }
        });
    }
}
