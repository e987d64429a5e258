package se.jobbtorg.coach.ui.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.FxDialogService;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * Locks the window after an idle time and on Ctrl+L: the caseload leaves the scene (the main
 * window's content is taken out, every other window's content hidden) and the passphrase form
 * takes its place. Unlocking puts everything back as it was, typed text included. When a dialog
 * is open (it would keep the main window from taking keys), the form comes in a window of its own
 * on top of it.
 */
public final class Lock {
    private static final Logger LOG = Logger.getLogger(Lock.class.getName());
    private final Stage stage;
    private final I18n i18n;
    private final TaskRunner tasks;
    private final Function<Passphrase, Boolean> unlocks;
    private final Runnable quit;
    private final PauseTransition idle;
    private final EventHandler<Event> activity;
    private final ListChangeListener<Window> newWindows;
    private Parent locked;
    private final List<Node> hidden = new ArrayList<>();
    private Stage lockWindow;
    private Runnable onUnlocked = () -> {};

    /**
     * @param quit what the lock's Quit does: what every other quit does (asks about unsaved
     *     text first), so a coach who locked with a form half typed is asked, not surprised
     */
    public Lock(
            Stage stage,
            I18n i18n,
            TaskRunner tasks,
            Function<Passphrase, Boolean> unlocks,
            Duration idleTime,
            Runnable quit) {
        this.stage = stage;
        this.i18n = i18n;
        this.tasks = tasks;
        this.unlocks = unlocks;
        this.quit = quit;
        this.idle = new PauseTransition(javafx.util.Duration.millis(idleTime.toMillis()));
        idle.setOnFinished(e -> lock());
        this.activity = e -> {
            if (!isLocked()) {
                idle.playFromStart();
            }
        };
        this.newWindows = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::listen);
            }
        };
    }

    /** What to do after each unlock (the daily backup, if due). */
    public void setOnUnlocked(Runnable onUnlocked) {
        this.onUnlocked = onUnlocked;
    }

    /** A new idle time, from now. */
    public void setIdleTime(Duration idleTime) {
        idle.setDuration(javafx.util.Duration.millis(idleTime.toMillis()));
        if (!isLocked()) {
            idle.playFromStart();
        }
    }

    /** Starts the idle timer; every window's keys and mouse reset it. */
    public void watch() {
        Window.getWindows().forEach(this::listen);
        Window.getWindows().addListener(newWindows);
        idle.playFromStart();
    }

    private void listen(Window window) {
        window.removeEventFilter(KeyEvent.ANY, activity);
        window.removeEventFilter(MouseEvent.MOUSE_MOVED, activity);
        window.removeEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        window.removeEventFilter(ScrollEvent.ANY, activity);
        window.addEventFilter(KeyEvent.ANY, activity);
        window.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        window.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        window.addEventFilter(ScrollEvent.ANY, activity);
    }

    public boolean isLocked() {
        return locked != null;
    }

    /** Locks now (nothing if locked already). */
    public void lock() {
        if (isLocked()) {
            return;
        }
        idle.stop();
        locked = stage.getScene().getRoot();
        Stage top = null;
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window instanceof PopupWindow popup) {
                // A menu, a list or a tooltip left open: closed (it would show a name, and it
                // cannot own the lock's window).
                popup.hide();
            } else if (window != stage && window.isShowing() && window.getScene() != null) {
                hidden.add(window.getScene().getRoot());
                window.getScene().getRoot().setVisible(false);
                if (window instanceof Stage s) {
                    top = s;
                }
            }
        }
        var model = new PassphraseViewModel(
                PassphraseViewModel.Mode.UNLOCK,
                i18n,
                tasks,
                PassphraseView::fxDelay,
                (passphrase, unused) -> unlocks.apply(passphrase)
                        ? PassphraseViewModel.Outcome.ACCEPTED
                        : PassphraseViewModel.Outcome.WRONG);
        model.setOnAccepted(outcome -> unlock());
        model.setOnFailed((key, error) -> {
            LOG.log(Level.WARNING, "the passphrase could not be checked", error);
            new FxDialogService(i18n, lockWindow != null ? lockWindow : stage).showError("lock.failed", error);
        });
        PassphraseView form = new PassphraseView(model, i18n, i18n.get("passphrase.quit"), quit);
        if (top == null) {
            stage.getScene().setRoot(form);
        } else {
            StackPane backdrop = new StackPane();
            backdrop.getStyleClass().add("passphrase-screen");
            stage.getScene().setRoot(backdrop);
            lockWindow = new Stage();
            lockWindow.initOwner(top);
            lockWindow.initModality(Modality.APPLICATION_MODAL);
            lockWindow.setTitle(i18n.get("lock.title"));
            lockWindow.setOnCloseRequest(Event::consume);
            Scene scene = new Scene(form);
            scene.getStylesheets().addAll(stage.getScene().getStylesheets());
            lockWindow.setScene(scene);
            lockWindow.show();
        }
        form.focusFirst();
    }

    private void unlock() {
        if (lockWindow != null) {
            lockWindow.setOnCloseRequest(null);
            lockWindow.close();
            lockWindow = null;
        }
        stage.getScene().setRoot(locked);
        hidden.forEach(root -> root.setVisible(true));
        hidden.clear();
        locked = null;
        idle.playFromStart();
        onUnlocked.run();
    }

    /**
     * No more locking (the window closes, the database is closed for a restore, or the window is
     * built anew). A lock engaged now stays on the screen until the caller replaces the content.
     */
    public void stop() {
        idle.stop();
        Window.getWindows().removeListener(newWindows);
        for (Window window : Window.getWindows()) {
            window.removeEventFilter(KeyEvent.ANY, activity);
            window.removeEventFilter(MouseEvent.MOUSE_MOVED, activity);
            window.removeEventFilter(MouseEvent.MOUSE_PRESSED, activity);
            window.removeEventFilter(ScrollEvent.ANY, activity);
        }
        if (lockWindow != null) {
            lockWindow.setOnCloseRequest(null);
            lockWindow.close();
            lockWindow = null;
        }
    }
}
