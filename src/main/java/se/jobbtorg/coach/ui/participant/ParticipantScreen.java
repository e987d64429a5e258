package se.jobbtorg.coach.ui.participant;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.ui.common.UiContext;

/**
 * A participant's page built from the UI context, with what is done from it: registering,
 * enrolling, changing the details and (for a team lead) giving an enrolment to another coach.
 */
public final class ParticipantScreen {
    private final UiContext ui;
    private final ParticipantViewModel model;
    private final ParticipantView view;
    private final Runnable changed;

    /**
     * @param changed what a change on the page means for the rest of the window (the caseload reads again)
     * @param workFor builds the work area of one of the participant's enrolments
     */
    public ParticipantScreen(
            UiContext ui, UUID participantId, Runnable changed, BiFunction<UUID, ParticipantViewModel, Node> workFor) {
        this.ui = ui;
        this.changed = changed;
        model = new ParticipantViewModel(
                ui.services().caseload(),
                ui.services().coaches(),
                ui.tasks(),
                e -> ui.dialogs().showError("error.participantFailed", e),
                participantId);
        view = new ParticipantView(
                model,
                ui.i18n(),
                () -> enrol(ui, participantId, () -> {
                    changed.run();
                    model.load();
                }),
                enrolmentId -> workFor.apply(enrolmentId, model),
                this::edit,
                this::reassign,
                ui.teamLead());
    }

    public ParticipantViewModel model() {
        return model;
    }

    public ParticipantView view() {
        return view;
    }

    /** Registers a new person; registered receives them once saved. */
    public static void register(UiContext ui, Consumer<Participant> registered) {
        var model = new RegistrationViewModel(ui.services().caseload(), ui.tasks(), ui.i18n());
        new RegistrationDialog(ui, model).showAndWait().ifPresent(registered);
    }

    /** Enrols a person (their details and the coaches are read first); enrolled runs once saved. */
    public static void enrol(UiContext ui, UUID participantId, Runnable enrolled) {
        enrol(ui, participantId, enrolled, () -> {});
    }

    /** As {@link #enrol(UiContext, UUID, Runnable)}; cancelled runs when the form is closed unsaved. */
    public static void enrol(UiContext ui, UUID participantId, Runnable enrolled, Runnable cancelled) {
        ui.tasks()
                .run(
                        () -> new EnrolmentContext(
                                ui.services()
                                        .caseload()
                                        .participant(participantId)
                                        .orElseThrow(),
                                ui.services().coaches().coaches(),
                                ui.services().caseload().enrolments(participantId).stream()
                                        .filter(Enrolment::isOpen)
                                        .findFirst()
                                        .orElse(null)),
                        context -> {
                            if (context.open() != null) {
                                // Said before the form, not after it has been filled in for nothing.
                                ui.dialogs()
                                        .showInformation(
                                                ui.i18n().get("enrolment.title"),
                                                ui.i18n()
                                                        .get(
                                                                "enrolment.problem.alreadyOpen",
                                                                context.open().enrolledOn()));
                                return;
                            }
                            var model = new EnrolmentViewModel(
                                    ui.services().caseload(),
                                    ui.tasks(),
                                    ui.i18n(),
                                    participantId,
                                    context.coaches(),
                                    ui.coach().get());
                            new EnrolmentDialog(ui, model, context.participant().fullName())
                                    .showAndWait()
                                    .ifPresentOrElse(e -> enrolled.run(), cancelled);
                        },
                        e -> ui.dialogs().showError("error.participantFailed", e));
    }

    /** open: the enrolment still running, if there is one (a new one starts after its exit). */
    private record EnrolmentContext(Participant participant, List<Coach> coaches, Enrolment open) {}

    /** Changes a person's details: the registration form, filled in. */
    private void edit() {
        Participant p = model.participantProperty().get();
        if (p == null) {
            return;
        }
        var form = RegistrationViewModel.forEditing(ui.services().caseload(), ui.tasks(), ui.i18n(), p);
        new RegistrationDialog(ui, form).showAndWait().ifPresent(saved -> {
            model.load();
            changed.run();
        });
    }

    /** A team lead gives an enrolment to another coach; it travels back in the next package. */
    private void reassign(UUID enrolmentId) {
        ui.tasks()
                .run(
                        () -> ui.services().coaches().coaches(),
                        coaches -> {
                            // The enrolment's coach is chosen at first: Enter alone changes nothing.
                            UUID current = model.enrolments().stream()
                                    .filter(r -> r.enrolment().id().equals(enrolmentId))
                                    .map(r -> r.enrolment().coachId())
                                    .filter(Objects::nonNull)
                                    .findFirst()
                                    .orElse(null);
                            Coach now = coaches.stream()
                                    .filter(c -> c.id().equals(current))
                                    .findFirst()
                                    .orElse(null);
                            ui.dialogs()
                                    .choose(
                                            "reassignDialog",
                                            ui.i18n().get("reassign.title"),
                                            ui.i18n().get("reassign.header"),
                                            ui.i18n().get("reassign.coach"),
                                            coaches,
                                            ParticipantScreen::withUnit,
                                            now)
                                    .filter(to -> !to.id().equals(current))
                                    .ifPresent(to -> ui.tasks()
                                            .run(
                                                    () -> {
                                                        ui.services().caseload().reassign(enrolmentId, to.id());
                                                        return null;
                                                    },
                                                    done -> {
                                                        model.load();
                                                        changed.run();
                                                    },
                                                    e -> ui.dialogs().showError("error.saveFailed", e)));
                        },
                        e -> ui.dialogs().showError("error.loadFailed", e));
    }

    private static String withUnit(Coach c) {
        return c.unit() == null || c.unit().isBlank() ? c.name() : c.name() + " (" + c.unit() + ")";
    }
}
