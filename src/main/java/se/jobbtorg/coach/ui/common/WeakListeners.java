package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

/**
 * Listeners a view puts on a view model that outlives it (a work page's model stays while its
 * view is built anew, after the lock say). The model holds them weakly and the node strongly,
 * so a view let go is collected with its listeners instead of being kept alive by the model.
 */
public final class WeakListeners {
    private static final Object KEY = new Object();

    private WeakListeners() {}

    /** Listens to value for as long as owner is alive. */
    public static <T> void whileAlive(Node owner, ObservableValue<T> value, ChangeListener<? super T> listener) {
        @SuppressWarnings("unchecked")
        List<Object> held = (List<Object>) owner.getProperties().computeIfAbsent(KEY, k -> new ArrayList<>());
        held.add(listener);
        value.addListener(new WeakChangeListener<>(listener));
    }
}
