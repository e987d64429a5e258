package se.jobbtorg.coach.ui.workflow;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.DialogService.Unsaved;

/**
 * The question before something would discard typed text (a participant's tab closing, the
 * program quitting, the window built anew in another language, a restore): save it first,
 * discard it, or cancel. Nothing is asked when nothing is unsaved.
 */
public final class UnsavedWork {
    private UnsavedWork() {}

    /** Whose work it is, as the question names it (the tab's name), and the work itself. */
    public record Holder(String name, WorkViewModel work) {}

    /**
     * Asks about the holders' unsaved work, then runs proceed: at once when nothing is unsaved
     * or the answer is Discard, once everything is stored when it is Save, never on Cancel. A
     * save refused (a date that is wrong, say) stops there: reveal has then shown that holder's
     * work with the problem next to its field, and nothing is discarded.
     *
     * @param named whether the question may name the people (not while the window is locked)
     * @param ask the question (a dialog), given the sentence
     * @param reveal shows a holder's page, at the first step with unsaved text
     */
    public static void thenRun(
            I18n i18n,
            List<Holder> holders,
            boolean named,
            Function<String, Unsaved> ask,
            Consumer<Holder> reveal,
            Runnable proceed) {
        List<Holder> unsaved =
                holders.stream().filter(h -> h.work().hasUnsavedWork()).toList();
        if (unsaved.isEmpty()) {
            proceed.run();
            return;
        }
        switch (ask.apply(named ? i18n.get("unsaved.text", where(i18n, unsaved)) : i18n.get("unsaved.hidden"))) {
            case SAVE -> saveInTurn(unsaved, 0, reveal, proceed);
            case DISCARD -> proceed.run();
            case CANCEL -> {
                if (named) {
                    reveal.accept(unsaved.get(0));
                }
            }
        }
    }

    private static void saveInTurn(List<Holder> unsaved, int next, Consumer<Holder> reveal, Runnable done) {
        if (next == unsaved.size()) {
            done.run();
            return;
        }
        Holder holder = unsaved.get(next);
        reveal.accept(holder);
        holder.work().saveAll(() -> saveInTurn(unsaved, next + 1, reveal, done));
    }

    /** "Amina Yilmaz (Mapping, Activity plan); Dragan Petrović (Exit)". */
    static String where(I18n i18n, List<Holder> unsaved) {
        return String.join(
                "; ",
                unsaved.stream()
                        .map(h -> i18n.get(
                                "unsaved.where",
                                h.name(),
                                String.join(
                                        ", ",
                                        h.work().unsavedTabs().stream()
                                                .map(t -> i18n.get(t.titleKey()).replace("_", ""))
                                                .toList())))
                        .toList());
    }
}
