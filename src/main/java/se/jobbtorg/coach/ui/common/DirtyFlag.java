package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Whether a form holds something not saved: its fields compared with what was last loaded or
 * saved. Typing a letter and deleting it again leaves the form clean, so a later question
 * "discard what you typed?" is asked only when there is something to lose.
 */
public final class DirtyFlag {
    private final List<ObservableValue<?>> fields = new ArrayList<>();
    private final List<Object> baseline = new ArrayList<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    /** True while the form is filled from stored data: no field counts as typed meanwhile. */
    private boolean filling;

    /** Watches these fields; their values now are the clean state. */
    public DirtyFlag(ObservableValue<?>... watched) {
        watch(watched);
    }

    /** Adds fields (a form whose fields depend on the data, e.g. one line per activity). */
    public void watch(ObservableValue<?>... watched) {
        for (ObservableValue<?> field : watched) {
            fields.add(field);
            baseline.add(field.getValue());
            field.addListener((o, old, now) -> recompute());
        }
        recompute();
    }

    /** What the fields hold now is saved (or freshly loaded): the form is clean. */
    public void reset() {
        for (int i = 0; i < fields.size(); i++) {
            baseline.set(i, fields.get(i).getValue());
        }
        dirty.set(false);
    }

    /**
     * Fills the form from what is stored and takes that as the clean state, without the flag
     * going up between the first field set and the reset (an "unsaved" mark that blinks, and a
     * question that would ask about nothing typed).
     */
    public void refill(Runnable fill) {
        filling = true;
        try {
            fill.run();
        } finally {
            filling = false;
        }
        reset();
    }

    private void recompute() {
        if (filling) {
            return;
        }
        boolean changed = false;
        for (int i = 0; i < fields.size() && !changed; i++) {
            changed = !Objects.equals(normal(fields.get(i).getValue()), normal(baseline.get(i)));
        }
        dirty.set(changed);
    }

    /** A field emptied is the same as one never filled: "" and null are alike. */
    private static Object normal(Object value) {
        return value instanceof String s && s.isEmpty() ? null : value;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
