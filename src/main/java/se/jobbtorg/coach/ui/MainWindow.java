package se.jobbtorg.coach.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.service.Version;
import se.jobbtorg.coach.ui.caseload.CaseloadView;
import se.jobbtorg.coach.ui.caseload.CaseloadViewModel;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FilePicker;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.common.UiServices;
import se.jobbtorg.coach.ui.participant.EnrolmentDialog;
import se.jobbtorg.coach.ui.participant.EnrolmentViewModel;
import se.jobbtorg.coach.ui.participant.ParticipantView;
import se.jobbtorg.coach.ui.participant.ParticipantViewModel;
import se.jobbtorg.coach.ui.participant.RegistrationDialog;
import se.jobbtorg.coach.ui.participant.RegistrationViewModel;
import se.jobbtorg.coach.ui.summary.SummaryView;
import se.jobbtorg.coach.ui.summary.SummaryViewModel;
import se.jobbtorg.coach.ui.today.TodayView;
import se.jobbtorg.coach.ui.today.TodayViewModel;
import se.jobbtorg.coach.ui.workflow.WorkView;
import se.jobbtorg.coach.ui.workflow.WorkViewModel;

/**
 * The main window: menus, navigation on the left, the work in tabs (the caseload, and one tab
 * per open participant), and a status bar that shows when work runs in the background.
 */
public final class MainWindow extends BorderPane implements CaseloadView.Actions {
    private final Stage stage;
    private final UiServices services;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObjectProperty<Coach> coach = new SimpleObjectProperty<>();
    private final TabPane tabs = new TabPane();
    private final CaseloadViewModel caseloadModel;
    private final CaseloadView caseloadView;
    private final Tab caseloadTab;
    private final FilePicker files;
    private final TodayViewModel todayModel;
    private final SummaryViewModel summaryModel;
    private final Tab summaryTab;
    private final Tab todayTab;
    private final se.jobbtorg.coach.ui.sync.SyncViewModel syncModel;
    private final Tab syncTab;
    private ProgramActions program = ProgramActions.NONE;

    /**
     * What the window asks of the program around it: lock the window, change the passphrase,
     * restore a backup (the database is closed and opened again for that).
     */
    public record ProgramActions(Runnable lock, Runnable changePassphrase, Runnable restoreBackup) {
        public static final ProgramActions NONE = new ProgramActions(() -> { }, () -> { }, () -> { });
    }

    public void setProgramActions(ProgramActions actions) {
        this.program = actions;
    }

    /** Where to go when a participant's page opens from the Today screen: which enrolment, which tab. */
    private record Pending(UUID enrolmentId, String workTab) {
    }

    private final java.util.Map<UUID, Pending> pending = new java.util.HashMap<>();
    /** The work areas shown, by enrolment. */
    private final java.util.Map<UUID, WorkView> openWork = new java.util.HashMap<>();

    public MainWindow(Stage stage, UiServices services, I18n i18n, Coach currentCoach, Runnable openSettings) {
        this(stage, services, i18n, currentCoach, openSettings, FilePicker.SAVE_DIALOG);
    }

    /** With another way of choosing where files are saved (tests use a folder of their own). */
    public MainWindow(Stage stage, UiServices services, I18n i18n, Coach currentCoach, Runnable openSettings,
            FilePicker files) {
        this.files = files;
        this.stage = stage;
        this.services = services;
        this.i18n = i18n;
        this.dialogs = new DialogService(i18n, stage);
        this.coach.set(currentCoach);
        getStyleClass().add("main-window");

        Consumer<Throwable> loadFailed = e -> dialogs.showError("error.loadFailed", e);
        caseloadModel = new CaseloadViewModel(services.caseload(), () -> coach.get().id(), services.tasks(), loadFailed);
        caseloadModel.setCoachList(services.coaches()::coaches);
        caseloadView = new CaseloadView(caseloadModel, i18n, this);
        caseloadTab = new Tab(i18n.get("nav.caseload"), caseloadView);
        caseloadTab.setClosable(false);
        caseloadTab.setId("caseloadTab");
        todayModel = new TodayViewModel(services.today(), services.workflow(), () -> coach.get().id(), services.tasks(),
                loadFailed);
        todayTab = new Tab(i18n.get("nav.today"), new TodayView(todayModel, i18n, dialogs, () -> stage,
                (item, workTab) -> {
                    pending.put(item.participant().id(), new Pending(item.enrolment().id(), workTab));
                    open(item.participant().id());
                }));
        todayTab.setClosable(false);
        todayTab.setId("todayTab");
        summaryModel = new SummaryViewModel(services.indicators(), services.tasks(), i18n, loadFailed,
                e -> dialogs.showError("error.saveFailed", e));
        summaryTab = new Tab(i18n.get("nav.summary"), new SummaryView(summaryModel, i18n, dialogs, () -> stage,
                files));
        summaryTab.setClosable(false);
        summaryTab.setId("summaryTab");
        syncModel = new se.jobbtorg.coach.ui.sync.SyncViewModel(services.sync(), services.tasks(), i18n, loadFailed,
                this::afterImport);
        syncTab = new Tab(i18n.get("nav.sync"), new se.jobbtorg.coach.ui.sync.SyncView(syncModel, i18n, dialogs, () -> stage,
                () -> coach.get() == null ? null : coach.get().name()));
        syncTab.setClosable(false);
        syncTab.setId("syncTab");
        tabs.getTabs().setAll(todayTab, caseloadTab, summaryTab, syncTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> {
            if (tab == todayTab) {
                todayModel.refresh();
            }
            if (tab == syncTab) {
                syncModel.refresh();
            }
        });

        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                se.jobbtorg.coach.ui.common.VisibleMnemonics.install(scene);
            }
        });
        setTop(menus(openSettings));
        setLeft(navigation());
        setCenter(tabs);
        setBottom(statusBar());
        caseloadModel.refresh();
        todayModel.refresh();
    }

    public Coach coach() {
        return coach.get();
    }

    /** Called after settings changed the coach's name. */
    public void setCoach(Coach current) {
        coach.set(current);
        caseloadModel.refresh();
    }

    private MenuBar menus(Runnable openSettings) {
        MenuItem register = item("menu.file.register", "Shortcut+N", this::register);
        MenuItem enrol = item("menu.file.enrol", "Shortcut+E", this::enrolSelected);
        MenuItem calendar = item("menu.file.calendar", null, this::exportCalendar);
        MenuItem settings = item("menu.file.settings", "Shortcut+COMMA", openSettings);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", stage::close);
        MenuItem lock = item("menu.file.lock", "Shortcut+L", () -> program.lock().run());
        MenuItem changePassphrase = item("menu.file.changePassphrase", null, () -> program.changePassphrase().run());
        MenuItem restore = item("menu.file.restore", null, () -> program.restoreBackup().run());
        Menu file = new Menu(i18n.get("menu.file"), null, register, enrol, new SeparatorMenuItem(), calendar,
                new SeparatorMenuItem(), settings, lock, changePassphrase, restore,
                new SeparatorMenuItem(), quit);

        MenuItem showToday = item("menu.view.today", "Shortcut+0", () -> tabs.getSelectionModel().select(todayTab));
        MenuItem showCaseload = item("menu.view.caseload", "Shortcut+1", this::showCaseload);
        MenuItem showSummaryItem = item("menu.view.summary", "Shortcut+2", this::showSummary);
        MenuItem showSync = item("menu.view.sync", "Shortcut+3", () -> tabs.getSelectionModel().select(syncTab));
        MenuItem search = item("menu.view.search", "Shortcut+F", () -> {
            showCaseload();
            caseloadView.focusSearch();
        });
        MenuItem refresh = item("menu.view.refresh", "F5", () -> {
            caseloadModel.refresh();
            todayModel.refresh();
        });
        MenuItem closeTab = item("menu.view.closeTab", "Shortcut+W", this::closeCurrentTab);
        Menu view = new Menu(i18n.get("menu.view"), null, showToday, showCaseload, showSummaryItem, showSync, search, refresh, new SeparatorMenuItem(),
                closeTab);

        MenuItem about = item("menu.help.about", null, () -> dialogs.showInformation(i18n.get("about.title"),
                i18n.get("about.text", Version.current())));
        Menu help = new Menu(i18n.get("menu.help"), null, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(key);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton today = new ToggleButton(i18n.get("nav.today.button"));
        today.setId("navToday");
        today.setToggleGroup(group);
        today.setMaxWidth(Double.MAX_VALUE);
        today.setOnAction(e -> {
            today.setSelected(true);
            tabs.getSelectionModel().select(todayTab);
        });
        ToggleButton summary = new ToggleButton(i18n.get("nav.summary.button"));
        summary.setId("navSummary");
        summary.setToggleGroup(group);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setOnAction(e -> showSummary());
        ToggleButton sync = new ToggleButton(i18n.get("nav.sync.button"));
        sync.setId("navSync");
        sync.setToggleGroup(group);
        sync.setMaxWidth(Double.MAX_VALUE);
        sync.setOnAction(e -> tabs.getSelectionModel().select(syncTab));
        ToggleButton caseload = new ToggleButton(i18n.get("nav.caseload.button"));
        caseload.setId("navCaseload");
        caseload.setToggleGroup(group);
        caseload.setMaxWidth(Double.MAX_VALUE);
        today.setSelected(true);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> {
            today.setSelected(tab == todayTab);
            caseload.setSelected(tab == caseloadTab);
            summary.setSelected(tab == summaryTab);
            sync.setSelected(tab == syncTab);
        });
        caseload.setOnAction(e -> {
            caseload.setSelected(true);
            showCaseload();
        });
        Label title = new Label(i18n.get("app.name"));
        title.getStyleClass().add("nav-title");
        VBox nav = new VBox(6, title, today, caseload, summary, sync);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12));
        nav.setPrefWidth(180);
        return nav;
    }

    private HBox statusBar() {
        Label who = new Label();
        who.setId("statusCoach");
        who.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> coach.get() == null ? "" : i18n.get("status.coach", coach.get().name()), coach));
        ProgressBar progress = new ProgressBar();
        progress.setId("busyIndicator");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(services.tasks().busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, who, grow, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }

    private void showCaseload() {
        tabs.getSelectionModel().select(caseloadTab);
    }

    /** The coach's planned meetings as an .ics file for Outlook or another calendar. */
    private void exportCalendar() {
        java.io.File file = files.saveAs(stage, i18n.get("menu.file.calendar").replace("_", ""),
                i18n.get("calendar.fileName"), "ics");
        if (file == null) {
            return;
        }
        UUID me = coach.get().id();
        services.tasks().run(() -> {
            var entries = services.today().plannedMeetings(me).stream()
                    .map(p -> new se.jobbtorg.coach.report.MeetingCalendar.Entry(p.participant(), p.meeting())).toList();
            new se.jobbtorg.coach.report.MeetingCalendar(i18n).write(entries, file.toPath());
            return entries.size();
        }, count -> dialogs.showInformation(i18n.get("menu.file.calendar").replace("_", ""),
                i18n.get("calendar.saved", count, file.toPath())), e -> dialogs.showError("error.saveFailed", e));
    }

    /** The summary, computed for its period the first time it is shown. */
    private void showSummary() {
        tabs.getSelectionModel().select(summaryTab);
        if (summaryModel.resultProperty().get() == null) {
            summaryModel.compute();
        }
    }

    private void closeCurrentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable()) {
            tabs.getTabs().remove(tab);
            if (tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
                forget(m);
            }
        }
    }

    private void enrolSelected() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getUserData() instanceof UUID id) {
            enrol(id);
        } else {
            caseloadView.selectedParticipant().ifPresentOrElse(this::enrol,
                    () -> dialogs.showInformation(i18n.get("enrolment.title"), i18n.get("enrolment.chooseFirst")));
        }
    }

    @Override
    public void register() {
        var model = new RegistrationViewModel(services.caseload(), services.tasks(), i18n);
        new RegistrationDialog(stage, model, i18n, dialogs).showAndWait().ifPresent(p -> {
            caseloadModel.refresh();
            enrol(p.id());
        });
    }

    @Override
    public void enrol(UUID participantId) {
        services.tasks().run(() -> new EnrolmentContext(
                services.caseload().participant(participantId).orElseThrow(),
                services.coaches().coaches()), context -> {
                    var model = new EnrolmentViewModel(services.caseload(), services.tasks(), i18n, participantId,
                            context.coaches(), coach.get());
                    new EnrolmentDialog(stage, model, i18n, dialogs, context.participant().fullName())
                            .showAndWait().ifPresent(e -> {
                                caseloadModel.refresh();
                                refreshParticipantTab(participantId);
                            });
                }, e -> dialogs.showError("error.participantFailed", e));
    }

    /** Changes a person's details: the registration form, filled in. */
    private void editParticipant(ParticipantViewModel model) {
        Participant p = model.participantProperty().get();
        if (p == null) {
            return;
        }
        var form = RegistrationViewModel.forEditing(services.caseload(), services.tasks(), i18n, p);
        new RegistrationDialog(stage, form, i18n, dialogs).showAndWait().ifPresent(saved -> {
            model.load();
            caseloadModel.refresh();
        });
    }

    /** A team lead gives an enrolment to another coach; it travels back in the next package. */
    private void reassign(UUID enrolmentId, ParticipantViewModel model) {
        services.tasks().run(() -> services.coaches().coaches(), coaches -> {
            java.util.List<String> names = coaches.stream()
                    .map(c -> c.unit() == null || c.unit().isBlank() ? c.name() : c.name() + " (" + c.unit() + ")")
                    .toList();
            // The enrolment's coach is chosen at first: Enter alone changes nothing.
            UUID current = model.enrolments().stream().filter(r -> r.enrolment().id().equals(enrolmentId))
                    .map(r -> r.enrolment().coachId()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String currentName = java.util.stream.IntStream.range(0, coaches.size())
                    .filter(i -> coaches.get(i).id().equals(current)).mapToObj(names::get).findFirst().orElse(null);
            javafx.scene.control.ChoiceDialog<String> choose = new javafx.scene.control.ChoiceDialog<>(currentName, names);
            choose.initOwner(stage);
            choose.setTitle(i18n.get("reassign.title"));
            choose.setHeaderText(i18n.get("reassign.header"));
            choose.setContentText(i18n.get("reassign.coach"));
            choose.getDialogPane().setId("reassignDialog");
            choose.showAndWait().map(names::indexOf).filter(i -> i >= 0).map(coaches::get)
                    .filter(to -> !to.id().equals(current))
                    .ifPresent(to -> services.tasks().run(() -> {
                services.caseload().reassign(enrolmentId, to.id());
                return null;
            }, done -> {
                model.load();
                caseloadModel.refresh();
            }, e -> dialogs.showError("error.saveFailed", e)));
        }, e -> dialogs.showError("error.loadFailed", e));
    }

    /** A package opened from the file manager: the sync screen, with the package ready to import. */
    public void offerPackage(java.nio.file.Path file) {
        tabs.getSelectionModel().select(syncTab);
        syncModel.offer(file);
    }

    /** After packages came in: every screen reads again. */
    private void afterImport() {
        caseloadModel.refresh();
        todayModel.refresh();
        for (Tab tab : tabs.getTabs()) {
            if (tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
                m.load();
            }
        }
    }

    private record EnrolmentContext(Participant participant, java.util.List<Coach> coaches) {
    }

    @Override
    public void open(UUID participantId) {
        for (Tab tab : tabs.getTabs()) {
            if (participantId.equals(tab.getUserData())) {
                tabs.getSelectionModel().select(tab);
                Pending go = pending.get(participantId);
                if (go != null && tab.getContent() instanceof ParticipantView page) {
                    page.selectEnrolment(go.enrolmentId());
                    WorkView work = openWork.get(go.enrolmentId());
                    if (work != null) {
                        pending.remove(participantId);
                        work.show(go.workTab());
                    }
                }
                return;
            }
        }
        var model = new ParticipantViewModel(services.caseload(), services.coaches(), services.tasks(),
                e -> dialogs.showError("error.participantFailed", e), participantId);
        ParticipantView page = new ParticipantView(model, i18n, () -> enrol(participantId),
                enrolmentId -> openWork.computeIfAbsent(enrolmentId, id -> workView(id, model)),
                () -> editParticipant(model), enrolmentId -> reassign(enrolmentId, model));
        Tab tab = new Tab(i18n.get("participant.loading"), page);
        Pending go = pending.get(participantId);
        if (go != null) {
            page.selectEnrolment(go.enrolmentId());
        }
        tab.setUserData(participantId);
        tab.setId("participant-" + participantId);
        model.participantProperty().addListener((o, old, p) -> {
            if (p != null) {
                tab.setText(p.listName());
            }
        });
        model.missingProperty().addListener((o, was, missing) -> {
            if (missing) {
                tab.setText(i18n.get("participant.missing.tab"));
            }
        });
        tab.getProperties().put(ParticipantViewModel.class, model);
        tab.setOnClosed(e -> forget(model));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        model.load();
    }

    /** The work area of one enrolment; a change there refreshes the participant and the caseload. */
    private WorkView workView(UUID enrolmentId, ParticipantViewModel participant) {
        var model = new WorkViewModel(services, i18n, e -> dialogs.showError("error.saveFailed", e), enrolmentId);
        model.setOnChange(() -> {
            participant.load();
            caseloadModel.refresh();
            todayModel.refresh();
        });
        model.load();
        WorkView view = new WorkView(model, i18n, dialogs, () -> stage, files);
        Pending go = pending.get(participant.participantId());
        if (go != null && go.enrolmentId().equals(enrolmentId)) {
            pending.remove(participant.participantId());
            view.show(go.workTab());
        }
        return view;
    }

    /** Drops the work areas of a closed participant's enrolments. */
    private void forget(ParticipantViewModel participant) {
        participant.enrolments().forEach(row -> openWork.remove(row.enrolment().id()));
    }

    private void refreshParticipantTab(UUID participantId) {
        for (Tab tab : tabs.getTabs()) {
            if (participantId.equals(tab.getUserData())
                    && tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
                m.load();
            }
        }
    }
}
