package se.jobbtorg.coach.ui.workflow;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.DeadlineReason;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.PlanLanguage;
import se.jobbtorg.coach.report.PlanPdf;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.MissingRecordException;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.common.FileExport;
import se.jobbtorg.coach.ui.common.TaskRunner;
import se.jobbtorg.coach.ui.common.UiServices;

/**
 * The work in one enrolment as the participant page shows it, and its forms: mapping, the
 * plan's goal, the exit and the check after it, and the dialog open now (an activity, the
 * approval, a meeting). Every change goes to the service in the background and the page
 * reloads from the database afterwards, so what is shown is always what is stored; what the
 * coach has typed lives in the forms' models, so a rebuilt view shows it again.
 */
public final class WorkViewModel {
    private final UiServices services;
    private final I18n i18n;
    private final WorkflowService workflow;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    private final BiConsumer<Path, Throwable> onFileError;
    private final FileExport printing;
    private final UUID enrolmentId;
    private final ObjectProperty<EnrolmentWork> work = new SimpleObjectProperty<>();
    /** The reasons given for passed deadlines, read with the work and set just before it. */
    private List<DeadlineReason> reasons = List.of();

    private final ObjectBinding<WorkPage> page = Bindings.createObjectBinding(
            () -> work.get() == null ? null : WorkPage.of(work.get(), reasons, today()), work);
    private Runnable onChange = () -> {};
    private long loads;

    final MappingViewModel mapping;
    final PlanViewModel plan;
    final ExitViewModel exit;
    final ExitCheckViewModel exitCheck;
    /** The form of the dialog open now, if any: its typed text counts as unsaved too. */
    private final ObjectProperty<ReadOnlyBooleanProperty> dialogDirty = new SimpleObjectProperty<>();

    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(false);
    private Supplier<String> participantName = () -> "";

    public WorkViewModel(UiServices services, I18n i18n, Consumer<Throwable> onError, UUID enrolmentId) {
        this(services, i18n, onError, (file, e) -> onError.accept(e), enrolmentId);
    }

    /** onFileError hears of a file that could not be written (the plan's PDF), with the file. */
    public WorkViewModel(
            UiServices services,
            I18n i18n,
            Consumer<Throwable> onError,
            BiConsumer<Path, Throwable> onFileError,
            UUID enrolmentId) {
        this.services = services;
        this.i18n = i18n;
        this.workflow = services.workflow();
        this.tasks = services.tasks();
        this.onError = onError;
        this.onFileError = onFileError;
        this.printing = new FileExport(tasks);
        this.enrolmentId = enrolmentId;
        this.mapping = new MappingViewModel(this);
        this.plan = new PlanViewModel(this);
        this.exit = new ExitViewModel(this);
        this.exitCheck = new ExitCheckViewModel(this);
        for (Observable o : List.of(
                mapping.dirty.dirtyProperty(),
                plan.dirty.dirtyProperty(),
                exit.dirty.dirtyProperty(),
                exitCheck.dirty.dirtyProperty(),
                dialogDirty)) {
            o.addListener(x -> recomputeUnsaved());
        }
        dialogDirty.addListener((o, old, now) -> {
            if (now != null) {
                now.addListener(x -> recomputeUnsaved());
            }
        });
    }

    private void recomputeUnsaved() {
        ReadOnlyBooleanProperty dialog = dialogDirty.get();
        unsaved.set(mapping.dirty.isDirty()
                || plan.dirty.isDirty()
                || exit.dirty.isDirty()
                || exitCheck.dirty.isDirty()
                || dialog != null && dialog.get());
    }

    /**
     * True while any form of this enrolment holds text not saved: what a question before
     * discarding it (closing the tab, quitting, the idle lock) asks about.
     */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public boolean hasUnsavedWork() {
        return unsaved.get();
    }

    /** The steps whose forms hold unsaved text, in the order of the tabs. */
    public List<WorkTab> unsavedTabs() {
        List<WorkTab> found = new ArrayList<>();
        if (mapping.dirty.isDirty()) {
            found.add(WorkTab.MAPPING);
        }
        if (plan.dirty.isDirty()) {
            found.add(WorkTab.PLAN);
        }
        if (exit.dirty.isDirty() || exitCheck.dirty.isDirty()) {
            found.add(WorkTab.EXIT);
        }
        return found;
    }

    /**
     * Saves every form that holds unsaved text, one after the other, each by its own rules (the
     * exit is checked and asked about as its button does); saved runs once all are stored. A
     * refusal or a no stops there, with any problems next to the fields and the text kept, and
     * saved never runs: the
     * question that asked to save leaves everything open for the coach to correct.
     */
    public void saveAll(Runnable saved) {
        List<Consumer<Runnable>> steps = new ArrayList<>();
        if (mapping.dirty.isDirty()) {
            steps.add(mapping::save);
        }
        if (plan.dirty.isDirty()) {
            steps.add(plan::save);
        }
        if (exitCheck.dirty.isDirty()) {
            steps.add(exitCheck::save);
        }
        if (exit.dirty.isDirty()) {
            // As its button does: checked, then asked, before the enrolment ends.
            steps.add(exit::confirmAndSave);
        }
        runInTurn(steps, 0, saved);
    }

    private static void runInTurn(List<Consumer<Runnable>> steps, int next, Runnable done) {
        if (next == steps.size()) {
            done.run();
        } else {
            steps.get(next).accept(() -> runInTurn(steps, next + 1, done));
        }
    }

    /** Called after every saved change, e.g. to refresh the caseload. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** The work as the service answered: for the forms' models (and their tests), not for the panes. */
    public ObjectProperty<EnrolmentWork> workProperty() {
        return work;
    }

    /** What the panes show of the work loaded; null until the first load. */
    ObservableObjectValue<WorkPage> pageProperty() {
        return page;
    }

    public LocalDate today() {
        return workflow.today();
    }

    I18n i18n() {
        return i18n;
    }

    TaskRunner tasks() {
        return tasks;
    }

    WorkflowService workflow() {
        return workflow;
    }

    CoachService coaches() {
        return services.coaches();
    }

    /** The form that marks an entry as entered in error; it counts as unsaved until closed. */
    VoidViewModel newVoid(EntryVoid.Kind kind, UUID entryId) {
        return opened(new VoidViewModel(this, kind, entryId));
    }

    UUID enrolmentId() {
        return enrolmentId;
    }

    /** Reloads; an answer overtaken by a newer load is dropped, so the page never goes back. */
    public void load() {
        long asked = ++loads;
        tasks.job(progress -> new Loaded(workflow.work(enrolmentId), workflow.deadlineReasons(enrolmentId)))
                .onSuccess(read -> {
                    if (asked == loads) {
                        EnrolmentWork loaded = read.work();
                        // The forms first: the panes' listeners then find them up to date.
                        mapping.reloaded(loaded);
                        exit.reloaded(loaded);
                        exitCheck.reloaded(loaded);
                        reasons = read.reasons();
                        work.set(loaded);
                    }
                })
                .onFailure(onError)
                .start();
    }

    private record Loaded(EnrolmentWork work, List<DeadlineReason> reasons) {}

    /** After a saved change: the page reads the database again, and the caseload hears of it. */
    void changed() {
        load();
        onChange.run();
    }

    /** The draft to work on: the current one, or a new version of the approved plan. */
    public void draft(boolean review) {
        tasks.run(() -> workflow.draft(enrolmentId, review), p -> changed(), onError);
    }

    public void removeActivity(ActivityPlan version, Activity activity) {
        tasks.run(
                () -> {
                    workflow.removeActivity(version.id(), activity.id());
                    return activity;
                },
                a -> changed(),
                onError);
    }

    /** The form of a new activity in this plan version; it counts as unsaved until closed. */
    ActivityViewModel newActivity(ActivityPlan version) {
        return opened(new ActivityViewModel(this, version));
    }

    /** The approval of this plan version by the social-services unit. */
    ApprovalViewModel newApproval(ActivityPlan version) {
        return opened(new ApprovalViewModel(this, version));
    }

    /**
     * What an outcome recorded without a meeting chosen closes: a planned meeting still open, or
     * (planned null) a meeting that was not planned.
     */
    record MeetingToClose(Meeting planned) {}

    /**
     * The planned meetings still open, earliest first, then "a meeting that was not planned":
     * an outcome that named none of them would leave its planned meeting open for ever (entries
     * are only added).
     */
    List<MeetingToClose> meetingsToClose() {
        List<MeetingToClose> choices = new ArrayList<>();
        EnrolmentWork loaded = work.get();
        if (loaded != null) {
            loaded.meetings().stream()
                    .filter(m -> m.outcome() == MeetingOutcome.PLANNED)
                    .sorted(Comparator.comparing(Meeting::at))
                    .forEach(m -> choices.add(new MeetingToClose(m)));
        }
        choices.add(new MeetingToClose(null));
        return choices;
    }

    /** The choice offered first: the planned meeting nearest today, the one a coach most likely means. */
    MeetingToClose likelyMeetingToClose(List<MeetingToClose> choices) {
        LocalDate today = today();
        return choices.stream()
                .filter(c -> c.planned() != null)
                .min(Comparator.comparingLong(c ->
                        Math.abs(ChronoUnit.DAYS.between(today, c.planned().at().toLocalDate()))))
                .orElse(choices.get(choices.size() - 1));
    }

    /** The form of what happened at the chosen meeting: it closes a planned one, or stands alone. */
    MeetingViewModel newOutcome(MeetingToClose closes) {
        return newMeeting(closes.planned(), MeetingOutcome.ATTENDED);
    }

    /** Plans a meeting (earlier null) or records what happened at one, superseding it. */
    MeetingViewModel newMeeting(Meeting earlier, MeetingOutcome outcome) {
        return opened(new MeetingViewModel(this, earlier, outcome));
    }

    private <F extends DialogForm> F opened(F form) {
        dialogDirty.set(form.dirtyProperty());
        return form;
    }

    /** The dialog is gone (saved or cancelled): its text no longer counts. */
    void closed(DialogForm form) {
        if (dialogDirty.get() == form.dirtyProperty()) {
            dialogDirty.set(null);
        }
    }

    /** A dialog's form, as the parent sees it. */
    interface DialogForm {
        ReadOnlyBooleanProperty dirtyProperty();
    }

    /** The plan's PDF being written, if it is: its file and how far it has come. */
    FileExport printing() {
        return printing;
    }

    /**
     * How the person reaches the enrolment's coach: the name and unit (with the unit's address
     * from the city's list); the phone and e-mail the user gave in the settings only when that
     * coach is the user, for a team lead printing a colleague's plan must not give their own.
     */
    private PlanPdf.Contact contact(Coach coach) {
        if (coach == null) {
            return new PlanPdf.Contact("", "", "", null, null);
        }
        var coaches = services.coaches();
        String address = coach.unit() == null
                ? null
                : coaches.units().addressOf(coach.unit()).orElse(null);
        boolean me = coaches.currentCoach().map(c -> c.id().equals(coach.id())).orElse(false);
        CoachContact reach = me ? coaches.contact() : new CoachContact("", "");
        return new PlanPdf.Contact(coach.name(), reach.phone(), reach.email(), coach.unit(), address);
    }

    /**
     * The file name of the plan printed today for the person: the initials of their name and the
     * date ("Aktivitetsplan DP 2026-12-03.pdf"), so that a folder of printouts names nobody in full.
     */
    public String printoutName() {
        return i18n.get("plan.print.fileName", initials(participantName.get()), today());
    }

    /** Where the person's name is read from when a file is named for them (the participant's page). */
    public void setParticipantName(Supplier<String> participantName) {
        this.participantName = participantName;
    }

    /** "DP" for "Dragan Petrović", "ÅÖ" for "Åsa Öberg", "AMY" for "Anna-Maria Yilmaz". */
    static String initials(String fullName) {
        StringBuilder initials = new StringBuilder();
        for (String word : fullName.strip().split("[\\s\\-]+")) {
            if (!word.isEmpty()) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return initials.toString();
    }

    /**
     * The plan version as a PDF for the person: its activities, the meetings still planned, and
     * how to reach the coach. A one-page file: it shows how far it has come, with no cancel.
     */
    public void printPlan(ActivityPlan version, Path out, Consumer<Path> done) {
        if (printing.isRunning()) {
            return;
        }
        printing.job(out, progress -> {
                    progress.report(0, 3);
                    EnrolmentWork w = workflow.work(enrolmentId);
                    var participant = services.caseload()
                            .participant(w.enrolment().participantId())
                            .orElseThrow(() -> new MissingRecordException("participant"));
                    var coach = services.coaches().coaches().stream()
                            .filter(c -> c.id().equals(w.enrolment().coachId()))
                            .findFirst()
                            .orElse(null);
                    progress.report(1, 3);
                    var coming = w.meetings().stream()
                            .filter(m -> m.outcome() == MeetingOutcome.PLANNED
                                    && !m.at().toLocalDate().isBefore(today()))
                            .toList();
                    var status = w.status(today());
                    new PlanPdf()
                            .write(
                                    new PlanPdf.Content(
                                            participant.fullName(),
                                            version,
                                            w.activitiesOf(version.id()),
                                            coming,
                                            version.isApproved() ? status.reviewDue() : null,
                                            status.limit(),
                                            contact(coach),
                                            PlanLanguage.besideSwedish(
                                                            w.enrolment().language())
                                                    .orElse(null),
                                            today()),
                                    out);
                    services.audit()
                            .reportMade(AuditAction.Report.PLAN, About.enrolment(participant.id(), enrolmentId));
                    progress.report(3, 3);
                    return out;
                })
                .onSuccess(done::accept)
                // The enrolment or the person gone is no fault of the file; anything else is told by it.
                .onMissingRecord(onError::accept)
                .onFailure(e -> onFileError.accept(out, e))
                .start();
    }
}
