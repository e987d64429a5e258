package se.jobbtorg.coach.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * The focus stays with the work. When the focused control goes away under the user (a save
 * button disabled while it saves, a form replaced after an exit, a page hidden by a new tab),
 * JavaFX gives the focus to the first control of the window: the navigation on the left. This
 * puts it instead on the nearest control still shown, and back on a button disabled for a
 * moment once it is enabled again. A move the user makes is never undone.
 */
public final class FocusKeeper {
    private FocusKeeper() {}

    /** fallback: where the work is when nothing near the lost control is left (the tab shown). */
    public static void install(Scene scene, Supplier<Node> fallback) {
        if (scene.getProperties().putIfAbsent(FocusKeeper.class, Boolean.TRUE) != null) {
            return;
        }
        // JavaFX may take the focus from a control disabled under it in two steps, to nothing
        // and then to the window's first control: the control lost is kept across the first.
        Node[] lostControl = {null};
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (was != null) {
                lostControl[0] = eligible(was, scene) ? null : was;
            }
            if (lostControl[0] == null || now == null) {
                return;
            }
            Node old = lostControl[0];
            lostControl[0] = null;
            // JavaFX moves the focus on as if the user had pressed Tab, and a scroll pane scrolls
            // to where it lands: the page would jump away from where the user is working.
            Runnable keepScrolled = scrolledAt(old);
            Platform.runLater(() -> {
                if (scene.getFocusOwner() != now) {
                    return; // someone has placed it since
                }
                // A button disabled only while it works (a save) has the focus back: now, if the
                // work was done before this ran, or else once it is enabled again.
                boolean stillThere = old.getScene() == scene && shown(old);
                if (stillThere && !old.isDisabled()) {
                    keepScrolled.run();
                    old.requestFocus();
                    return;
                }
                Node shownWork = fallback.get();
                if (shownWork != null && within(now, shownWork)) {
                    if (stillThere) {
                        keepScrolled.run();
                        returnWhenEnabled(old, now, scene);
                    }
                    return; // already in the work
                }
                Node target = nearest(old, scene);
                if (target == null) {
                    Node work = fallback.get();
                    target = work == null ? null : first(work, scene);
                }
                if (target == null || target == now) {
                    return;
                }
                target.requestFocus();
                if (stillThere) {
                    returnWhenEnabled(old, target, scene);
                }
            });
        });
    }

    /** Puts the scroll panes around the control back where they are now. */
    private static Runnable scrolledAt(Node control) {
        List<Runnable> back = new ArrayList<>();
        for (Node up = control.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane scroll) {
                double h = scroll.getHvalue();
                double v = scroll.getVvalue();
                back.add(() -> {
                    scroll.setHvalue(h);
                    scroll.setVvalue(v);
                });
            }
        }
        return () -> back.forEach(Runnable::run);
    }

    /** The control disabled while it works (a save) has the focus back when it is done. */
    private static void returnWhenEnabled(Node control, Node stand, Scene scene) {
        ChangeListener<Boolean> back = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean disabled) {
                if (disabled) {
                    return;
                }
                control.disabledProperty().removeListener(this);
                if (scene.getFocusOwner() == stand && eligible(control, scene)) {
                    control.requestFocus();
                }
            }
        };
        control.disabledProperty().addListener(back);
    }

    /** The first control that can take the focus in the closest part of the window still shown. */
    private static Node nearest(Node lost, Scene scene) {
        for (Node up = lost.getParent(); up != null; up = up.getParent()) {
            if (up.getScene() == scene && shown(up)) {
                Node found = first(up, scene);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first node under root, in the order of the window, that Tab would stop at. */
    public static Node first(Node root, Scene scene) {
        if (!root.isVisible() || root.isDisabled() || root.getScene() != scene) {
            return null;
        }
        if (root.isFocusTraversable()) {
            return root;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = first(child, scene);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean eligible(Node node, Scene scene) {
        return node.getScene() == scene && !node.isDisabled() && shown(node);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
