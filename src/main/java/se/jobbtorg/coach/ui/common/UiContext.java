package se.jobbtorg.coach.ui.common;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;

/**
 * What every screen is built from: the use cases and the runner that keeps them off the FX
 * thread, the texts, the dialogs, the window that owns them, and the coach using the program.
 * One value instead of the same four or five parameters in every constructor.
 *
 * @param owner the window dialogs belong to, asked when one opens (the window may be built later)
 * @param coach the coach using the program now (settings may change the name)
 * @param role the user's role now (settings may change it with the passphrase): what is shown
 */
public record UiContext(
        UiServices services,
        I18n i18n,
        DialogService dialogs,
        Supplier<Window> owner,
        Supplier<Coach> coach,
        ObservableValue<Role> role) {

    /** For a coach: the role that sees least. */
    public UiContext(
            UiServices services, I18n i18n, DialogService dialogs, Supplier<Window> owner, Supplier<Coach> coach) {
        this(services, i18n, dialogs, owner, coach, new ReadOnlyObjectWrapper<>(Role.COACH));
    }

    /** True while the user is a team lead: the team-lead actions are shown. */
    public BooleanBinding teamLead() {
        return Bindings.createBooleanBinding(
                () -> role.getValue() != null && role.getValue().isTeamLead(), role);
    }

    public TaskRunner tasks() {
        return services.tasks();
    }
}
