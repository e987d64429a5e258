package se.jobbtorg.coach.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.MeetingCalendar;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CalendarExport;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.service.Version;
import se.jobbtorg.coach.ui.audit.AuditScreen;
import se.jobbtorg.coach.ui.caseload.CaseloadScreen;
import se.jobbtorg.coach.ui.caseload.CaseloadView;
import se.jobbtorg.coach.ui.common.AfterLayout;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.DialogService.FileType;
import se.jobbtorg.coach.ui.common.FilePicker;
import se.jobbtorg.coach.ui.common.FocusKeeper;
import se.jobbtorg.coach.ui.common.Forms;
import se.jobbtorg.coach.ui.common.FxDialogService;
import se.jobbtorg.coach.ui.common.UiContext;
import se.jobbtorg.coach.ui.common.UiServices;
import se.jobbtorg.coach.ui.common.VisibleMnemonics;
import se.jobbtorg.coach.ui.participant.ParticipantScreen;
import se.jobbtorg.coach.ui.participant.ParticipantView;
import se.jobbtorg.coach.ui.participant.ParticipantViewModel;
import se.jobbtorg.coach.ui.retention.RetentionScreen;
import se.jobbtorg.coach.ui.summary.SummaryScreen;
import se.jobbtorg.coach.ui.sync.SyncScreen;
import se.jobbtorg.coach.ui.today.TodayRow;
import se.jobbtorg.coach.ui.today.TodayScreen;
import se.jobbtorg.coach.ui.workflow.UnsavedWork;
import se.jobbtorg.coach.ui.workflow.WorkTab;
import se.jobbtorg.coach.ui.workflow.WorkView;
import se.jobbtorg.coach.ui.workflow.WorkViewModel;

/**
 * The main window's frame: menus, navigation on the left, the work in tabs (Today, the caseload,
 * the summary, the exchange, and one tab per open participant), and a status bar that shows when
 * work runs in the background. Each screen is built by its package's factory from one
 * {@link UiContext}. The team-lead actions (the summary, reassigning an enrolment) are shown only
 * while the user's role is team lead; a change of role shows or hides them at once.
 */
public final class MainWindow extends BorderPane implements CaseloadView.Actions {
    private final Stage stage;
    private final UiServices services;
    private final I18n i18n;
    private final DialogService dialogs;
    private final UiContext ui;
    private final ObjectProperty<Coach> coach = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.COACH);
    /** True while the team-lead actions are shown. */
    private final BooleanBinding teamLead;

    private final TabPane tabs = new TabPane();
    private final CaseloadScreen caseload;
    private final TodayScreen today;
    /** The screens behind the first: each made when it is first needed (see Later). */
    private final Later<SummaryScreen> summary;

    private final Later<SyncScreen> sync;
    private final Tab caseloadTab;
    private final Tab summaryTab;
    private final Later<AuditScreen> audit;
    private final Tab auditTab;
    private final Later<RetentionScreen> retention;
    private final Tab retentionTab;
    /** Years after the last entry that a person is kept (the settings). */
    private IntSupplier retentionYears = () -> RetentionService.DEFAULT_PERIOD.getYears();
    /** How many people outside one's own caseload opened in a day make the reading unusual. */
    private IntSupplier unusualReading = () -> AuditService.DEFAULT_UNUSUAL;

    private final Tab todayTab;
    /** The later tabs' contents, made when they join the window (see laterTab). */
    private final Map<Tab, Supplier<Node>> waiting = new HashMap<>();

    private final Tab syncTab;
    private ProgramActions program = ProgramActions.NONE;

    /**
     * What the window asks of the program around it: lock the window, change the passphrase,
     * restore a backup (the database is closed and opened again for that).
     */
    public record ProgramActions(Runnable lock, Runnable changePassphrase, Runnable restoreBackup) {
        public static final ProgramActions NONE = new ProgramActions(() -> {}, () -> {}, () -> {});
    }

    public void setProgramActions(ProgramActions actions) {
        this.program = actions;
    }

    /** Where to go when a participant's page opens from the Today screen: which enrolment, which tab. */
    private record Pending(UUID enrolmentId, WorkTab workTab) {}

    private final Map<UUID, Pending> pending = new HashMap<>();
    /** The work areas shown, by enrolment. */
    private final Map<UUID, WorkView> openWork = new HashMap<>();

    /** For a coach: the role that sees least. */
    public MainWindow(Stage stage, UiServices services, I18n i18n, Coach currentCoach, Runnable openSettings) {
        this(stage, services, i18n, currentCoach, Role.COACH, openSettings, null);
    }

    /** For a coach, with another way of choosing where files are saved (see below). */
    public MainWindow(
            Stage stage, UiServices services, I18n i18n, Coach currentCoach, Runnable openSettings, FilePicker files) {
        this(stage, services, i18n, currentCoach, Role.COACH, openSettings, files);
    }

    /** For a user in this role: the caller has read it (CoachService.role), off the FX thread. */
    public MainWindow(
            Stage stage, UiServices services, I18n i18n, Coach currentCoach, Role currentRole, Runnable openSettings) {
        this(stage, services, i18n, currentCoach, currentRole, openSettings, null);
    }

    /**
     * For a user in this role, with another way of choosing where files are saved (tests use a
     * folder of their own; null: the platform's).
     */
    public MainWindow(
            Stage stage,
            UiServices services,
            I18n i18n,
            Coach currentCoach,
            Role currentRole,
            Runnable openSettings,
            FilePicker files) {
        this.stage = stage;
        this.services = services;
        this.i18n = i18n;
        this.dialogs = new FxDialogService(i18n, () -> stage, files);
        this.role.set(currentRole == null ? Role.COACH : currentRole);
        this.ui = new UiContext(services, i18n, dialogs, () -> stage, coach::get, role);
        this.teamLead = ui.teamLead();
        this.coach.set(currentCoach);
        getStyleClass().add("main-window");

        caseload = new CaseloadScreen(ui, this);
        caseloadTab = laterTab("caseloadTab", "nav.caseload", caseload::view);
        today = new TodayScreen(ui, this::openFromToday);
        todayTab = screenTab("todayTab", "nav.today", today.view());
        summary = new Later<>(() -> new SummaryScreen(ui, this::open));
        summaryTab = laterTab("summaryTab", "nav.summary", () -> summary.get().view());
        sync = new Later<>(() -> new SyncScreen(ui, this::afterImport));
        syncTab = laterTab("syncTab", "nav.sync", () -> sync.get().view());
        audit = new Later<>(() -> new AuditScreen(ui, () -> unusualReading.getAsInt(), this::open));
        // Opened when asked for (Ctrl+4) and closable: an occasional look, not a fifth tab in
        // the way of the participants' pages on a narrow window.
        auditTab = laterTab("auditTab", "nav.audit", () -> audit.get().view());
        auditTab.setClosable(true);
        retention = new Later<>(() -> new RetentionScreen(ui, () -> retentionYears.getAsInt(), () -> {
            caseload.model().refresh();
            today.model().refresh();
        }));
        retentionTab = laterTab(
                "retentionTab", "retention.title", () -> retention.get().view());
        retentionTab.setClosable(true);
        tabs.getTabs().setAll(todayTab, caseloadTab, summaryTab, syncTab);
        if (!teamLead.get()) {
            tabs.getTabs().remove(summaryTab);
        }
        teamLead.addListener((o, was, now) -> showTeamLeadTabs(now));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> {
            if (tab == todayTab) {
                today.model().refresh();
            }
            if (tab == syncTab) {
                sync.get().shown();
            }
            if (tab == auditTab) {
                audit.get().shown();
            }
            if (tab == retentionTab) {
                retention.get().shown();
            }
        });

        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                VisibleMnemonics.install(scene);
                FocusKeeper.install(scene, () -> {
                    Tab shown = tabs.getSelectionModel().getSelectedItem();
                    return shown == null ? null : shown.getContent();
                });
            }
        });
        // The window's own close (its x, Alt+F4, a logout) asks like Ctrl+Q does.
        stage.setOnCloseRequest(e -> {
            if (!unsavedHolders().isEmpty()) {
                e.consume();
                quit();
            }
        });
        setTop(menus(openSettings));
        setLeft(navigation());
        setCenter(tabs);
        setBottom(statusBar());
        // Today first: it is the first screen, and the two queries take turns on the one reader.
        today.model().refresh();
        caseload.model().refresh();
        joinWhenFirstScreenDrawn(caseloadTab);
    }

    /**
     * True once the first screen (Today) has read its items; the start probe times the first
     * screen drawn from here.
     */
    public ReadOnlyBooleanProperty firstScreenRead() {
        return today.model().read();
    }

    /**
     * The tab's content joins the window right after the first screen has been read and laid out
     * (or when the tab is shown first, whichever comes first): the caseload is one key away, and
     * the first screen does not wait for its styling (decision 0016).
     */
    private void joinWhenFirstScreenDrawn(Tab tab) {
        ChangeListener<Boolean> read = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    return;
                }
                o.removeListener(this);
                AfterLayout.run(getScene(), () -> join(tab));
            }
        };
        firstScreenRead().addListener(read);
    }

    private Tab screenTab(String id, String titleKey, Region content) {
        // On a low or narrow window the screen scrolls instead of cutting off what is below.
        Tab tab = new Tab(i18n.get(titleKey), Forms.scrolling(content));
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    /**
     * A screen's tab whose content is made and joins the window when the tab is first shown:
     * until then it costs the start nothing to build, style or lay out (the summary and the sync
     * screens are large forms, and the first screen waited for them).
     */
    private Tab laterTab(String id, String titleKey, Supplier<? extends Region> content) {
        Tab tab = new Tab(i18n.get(titleKey));
        tab.setClosable(false);
        tab.setId(id);
        waiting.put(tab, () -> Forms.scrolling(content.get()));
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    join(tab);
                }
            }
        });
        return tab;
    }

    /** A later tab's content is made and joins the window (once; nothing if it has already). */
    private void join(Tab tab) {
        Supplier<Node> whole = waiting.remove(tab);
        if (whole != null) {
            tab.setContent(whole.get());
        }
    }

    /**
     * A screen made when it is first needed (its tab shown, a package offered to it), once: the
     * start builds only what the first screen shows (decision 0017).
     */
    private static final class Later<T> implements Supplier<T> {
        private Supplier<T> make;
        private T made;

        Later(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            if (made == null) {
                made = make.get();
                make = null;
            }
            return made;
        }
    }

    /** An item acted on in Today: the participant's page, at the enrolment and the work tab it concerns. */
    private void openFromToday(TodayRow item, WorkTab workTab) {
        if (item.enrolmentId() == null || workTab == null) {
            // A person never enrolled: their page, where "Skriv in…" is.
            open(item.participantId());
            return;
        }
        pending.put(item.participantId(), new Pending(item.enrolmentId(), workTab));
        open(item.participantId());
    }

    public Coach coach() {
        return coach.get();
    }

    private boolean roleChosen = true;

    /** False for a database made before roles: the settings then ask for the role. */
    public void setRoleChosen(boolean chosen) {
        this.roleChosen = chosen;
    }

    public boolean roleChosen() {
        return roleChosen;
    }

    /** Where the access log reads its limit of unusual reading from (the settings). */
    public void setUnusualReadingLimit(IntSupplier limit) {
        this.unusualReading = limit;
    }

    public int unusualReadingLimit() {
        return unusualReading.getAsInt();
    }

    /** Where retention reads its period in years from (the settings). */
    public void setRetentionYears(IntSupplier years) {
        this.retentionYears = years;
    }

    public int retentionYears() {
        return retentionYears.getAsInt();
    }

    public Role role() {
        return role.get();
    }

    /** Called after settings changed the role (with the passphrase): the team-lead actions show or go. */
    public void setRole(Role now) {
        role.set(now);
    }

    /**
     * The summary's tab after the caseload's while the user is a team lead; it and the access
     * log's gone for a coach.
     */
    private void showTeamLeadTabs(boolean shown) {
        if (shown && !tabs.getTabs().contains(summaryTab)) {
            tabs.getTabs().add(tabs.getTabs().indexOf(caseloadTab) + 1, summaryTab);
        }
        if (!shown) {
            tabs.getTabs().removeAll(summaryTab, auditTab, retentionTab);
        }
    }

    /** Called after settings changed the coach's name. */
    public void setCoach(Coach current) {
        coach.set(current);
        caseload.model().refresh();
    }

    private MenuBar menus(Runnable openSettings) {
        MenuItem register = item("menu.file.register", "Shortcut+N", this::register);
        MenuItem enrol = item("menu.file.enrol", "Shortcut+E", this::enrolSelected);
        MenuItem calendar = item("menu.file.calendar", null, this::exportCalendar);
        MenuItem retentionItem = item("menu.file.retention", null, this::showRetention);
        // A team lead's: hidden for a coach.
        retentionItem.visibleProperty().bind(teamLead);
        retentionItem.disableProperty().bind(teamLead.not());
        MenuItem settings = item("menu.file.settings", "Shortcut+COMMA", openSettings);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", this::quit);
        MenuItem lock =
                item("menu.file.lock", "Shortcut+L", () -> program.lock().run());
        MenuItem changePassphrase = item(
                "menu.file.changePassphrase",
                null,
                () -> program.changePassphrase().run());
        // A restore closes the database under the open pages: their typed text is asked about first.
        MenuItem restore = item(
                "menu.file.restore",
                null,
                () -> afterAsking(() -> program.restoreBackup().run()));
        Menu file = new Menu(
                i18n.get("menu.file"),
                null,
                register,
                enrol,
                new SeparatorMenuItem(),
                calendar,
                retentionItem,
                new SeparatorMenuItem(),
                settings,
                lock,
                changePassphrase,
                restore,
                new SeparatorMenuItem(),
                quit);

        MenuItem showToday = item(
                "menu.view.today", "Shortcut+0", () -> tabs.getSelectionModel().select(todayTab));
        MenuItem showCaseload = item("menu.view.caseload", "Shortcut+1", this::showCaseload);
        MenuItem showSummaryItem = item("menu.view.summary", "Shortcut+2", this::showSummary);
        // A team-lead action: hidden for a coach, and disabled so that Ctrl+2 does nothing either.
        showSummaryItem.visibleProperty().bind(teamLead);
        showSummaryItem.disableProperty().bind(teamLead.not());
        MenuItem showSync = item(
                "menu.view.sync", "Shortcut+3", () -> tabs.getSelectionModel().select(syncTab));
        MenuItem showAudit = item("menu.view.audit", "Shortcut+4", this::showAudit);
        showAudit.visibleProperty().bind(teamLead);
        showAudit.disableProperty().bind(teamLead.not());
        MenuItem search = item("menu.view.search", "Shortcut+F", () -> {
            showCaseload();
            caseload.view().focusSearch();
        });
        MenuItem refresh = item("menu.view.refresh", "F5", () -> {
            caseload.model().refresh();
            today.model().refresh();
        });
        MenuItem closeTab = item("menu.view.closeTab", "Shortcut+W", this::closeCurrentTab);
        Menu view = new Menu(
                i18n.get("menu.view"),
                null,
                showToday,
                showCaseload,
                showSummaryItem,
                showSync,
                showAudit,
                search,
                refresh,
                new SeparatorMenuItem(),
                closeTab);

        MenuItem about = item(
                "menu.help.about",
                null,
                () -> dialogs.showInformation(i18n.get("about.title"), i18n.get("about.text", Version.current())));
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
        summary.visibleProperty().bind(teamLead);
        summary.managedProperty().bind(teamLead);
        ToggleButton sync = new ToggleButton(i18n.get("nav.sync.button"));
        sync.setId("navSync");
        sync.setToggleGroup(group);
        sync.setMaxWidth(Double.MAX_VALUE);
        sync.setOnAction(e -> tabs.getSelectionModel().select(syncTab));
        ToggleButton audit = new ToggleButton(i18n.get("nav.audit.button"));
        audit.setId("navAudit");
        audit.setToggleGroup(group);
        audit.setMaxWidth(Double.MAX_VALUE);
        audit.setOnAction(e -> showAudit());
        audit.visibleProperty().bind(teamLead);
        audit.managedProperty().bind(teamLead);
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
            audit.setSelected(tab == auditTab);
        });
        caseload.setOnAction(e -> {
            caseload.setSelected(true);
            showCaseload();
        });
        Label title = new Label(i18n.get("app.name"));
        title.getStyleClass().add("nav-title");
        VBox nav = new VBox(6, title, today, caseload, summary, sync, audit);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12));
        nav.setPrefWidth(180);
        return nav;
    }

    private HBox statusBar() {
        Label who = new Label();
        who.setId("statusCoach");
        who.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> coach.get() == null
                                ? ""
                                : i18n.get(
                                        teamLead.get() ? "status.teamLead" : "status.coach",
                                        coach.get().name()),
                        coach,
                        teamLead));
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
        String title = i18n.get("menu.file.calendar").replace("_", "");
        UUID me = coach.get().id();
        CalendarExport.Format ics = (meetings, file) -> new MeetingCalendar(i18n)
                .write(
                        meetings.stream()
                                .map(p -> new MeetingCalendar.Entry(p.participant(), p.meeting()))
                                .toList(),
                        file);
        dialogs.saveFile(title, i18n.get("calendar.fileName"), FileType.extension("ics"))
                .ifPresent(chosen -> services.tasks()
                        .run(
                                () -> services.calendar().export(me, chosen, ics),
                                done -> dialogs.showInformation(
                                        title, i18n.get("calendar.saved", done.meetings(), done.file())),
                                e -> dialogs.showError("error.saveFailed", e, chosen)));
    }

    /** Retention (a team lead's): who is past the period, read again each time it is shown. */
    private void showRetention() {
        if (teamLead.get()) {
            if (!tabs.getTabs().contains(retentionTab)) {
                tabs.getTabs().add(retentionTab);
            }
            tabs.getSelectionModel().select(retentionTab);
        }
    }

    /** The access log (a team lead's), read again each time it is shown. */
    private void showAudit() {
        if (teamLead.get()) {
            if (!tabs.getTabs().contains(auditTab)) {
                tabs.getTabs().add(tabs.getTabs().indexOf(syncTab) + 1, auditTab);
            }
            tabs.getSelectionModel().select(auditTab);
        }
    }

    /** The summary, computed for its period the first time it is shown. */
    private void showSummary() {
        if (!teamLead.get()) {
            return;
        }
        tabs.getSelectionModel().select(summaryTab);
        summary.get().shown();
    }

    private void closeCurrentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable()) {
            afterAsking(List.of(tab), () -> close(tab));
        }
    }

    private void close(Tab tab) {
        tabs.getTabs().remove(tab);
        if (tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
            forget(m);
        }
    }

    /**
     * Ctrl+Q, the window's close and the lock's Quit: the program ends once nothing typed would
     * be lost.
     */
    public void quit() {
        afterAsking(() -> {
            retire();
            stage.close();
        });
    }

    /**
     * Runs proceed once no open participant page holds unsaved text: at once if none does,
     * otherwise after the question (saved first, or discarded; never after Cancel).
     */
    public void afterAsking(Runnable proceed) {
        afterAsking(List.copyOf(tabs.getTabs()), proceed);
    }

    private void afterAsking(List<Tab> among, Runnable proceed) {
        Map<UnsavedWork.Holder, Runnable> reveal = new LinkedHashMap<>();
        for (Tab tab : among) {
            if (tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
                for (var row : m.enrolments()) {
                    WorkView work = openWork.get(row.enrolment().id());
                    if (work != null) {
                        reveal.put(new UnsavedWork.Holder(tab.getText(), work.model()), () -> {
                            tabs.getSelectionModel().select(tab);
                            if (tab.getProperties().get(ParticipantView.class) instanceof ParticipantView page) {
                                page.selectEnrolment(row.enrolment().id());
                            }
                            work.showUnsaved();
                        });
                    }
                }
            }
        }
        // While the lock hides the window, the question names no one.
        boolean shown = getScene() != null && getScene().getWindow() == stage;
        UnsavedWork.thenRun(
                i18n,
                List.copyOf(reveal.keySet()),
                shown,
                text -> dialogs.askUnsaved(i18n.get("unsaved.title"), text),
                holder -> {
                    if (shown) {
                        reveal.get(holder).run();
                    }
                },
                proceed);
    }

    private List<UnsavedWork.Holder> unsavedHolders() {
        List<UnsavedWork.Holder> found = new ArrayList<>();
        for (WorkView work : openWork.values()) {
            if (work.model().hasUnsavedWork()) {
                found.add(new UnsavedWork.Holder("", work.model()));
            }
        }
        return found;
    }

    /**
     * This window is being replaced (another language, a restore) or closed: what it held has
     * been asked about, and the window's close no longer asks about it.
     */
    public void retire() {
        openWork.clear();
    }

    /** The participants whose pages are open, in tab order, and the tab selected: kept across a rebuild. */
    public record Shown(List<UUID> participants, String selectedTab) {}

    public Shown shown() {
        List<UUID> open = tabs.getTabs().stream()
                .map(Tab::getUserData)
                .filter(UUID.class::isInstance)
                .map(UUID.class::cast)
                .toList();
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return new Shown(open, selected == null ? null : selected.getId());
    }

    /** Opens these participants' pages again (a window built anew in another language) and selects as before. */
    public void show(Shown before) {
        before.participants().forEach(this::open);
        tabs.getTabs().stream()
                .filter(t -> t.getId() != null && t.getId().equals(before.selectedTab()))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void enrolSelected() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getUserData() instanceof UUID id) {
            enrol(id);
        } else {
            caseload.view()
                    .selectedParticipant()
                    .ifPresentOrElse(
                            this::enrol,
                            () -> dialogs.showInformation(
                                    i18n.get("enrolment.title"), i18n.get("enrolment.chooseFirst")));
        }
    }

    @Override
    public void register() {
        ParticipantScreen.register(ui, p -> {
            caseload.view().choose(p.id());
            caseload.model().refresh();
            // Closed without enrolling: the person is registered all the same, and not in the
            // coach's own list (which holds enrolled people); say so, and where to go on.
            ParticipantScreen.enrol(
                    ui,
                    p.id(),
                    () -> enrolled(p.id()),
                    () -> ui.dialogs()
                            .showInformation(
                                    i18n.get("registration.title"),
                                    i18n.get("registration.notEnrolled", p.fullName())));
        });
    }

    @Override
    public void enrol(UUID participantId) {
        ParticipantScreen.enrol(ui, participantId, () -> enrolled(participantId));
    }

    private void enrolled(UUID participantId) {
        caseload.model().refresh();
        refreshParticipantTab(participantId);
    }

    /** A package opened from the file manager: the sync screen, with the package ready to import. */
    public void offerPackage(Path file) {
        tabs.getSelectionModel().select(syncTab);
        sync.get().offer(file);
    }

    /** After packages came in: every screen reads again. */
    private void afterImport() {
        caseload.model().refresh();
        today.model().refresh();
        for (Tab tab : tabs.getTabs()) {
            if (tab.getProperties().get(ParticipantViewModel.class) instanceof ParticipantViewModel m) {
                m.load();
            }
        }
    }

    @Override
    public void open(UUID participantId) {
        for (Tab tab : tabs.getTabs()) {
            if (participantId.equals(tab.getUserData())) {
                tabs.getSelectionModel().select(tab);
                Pending go = pending.get(participantId);
                if (go != null && tab.getProperties().get(ParticipantView.class) instanceof ParticipantView page) {
                    page.selectEnrolment(go.enrolmentId());
                    WorkView work = openWork.get(go.enrolmentId());
                    if (work != null) {
                        pending.remove(participantId);
                        work.show(go.workTab());
                    }
                }
                if (tab.getContent() instanceof ParticipantView page) {
                    page.focusWork();
                }
                return;
            }
        }
        var screen = new ParticipantScreen(
                ui,
                participantId,
                () -> caseload.model().refresh(),
                (enrolmentId, model) -> openWork.computeIfAbsent(enrolmentId, id -> workView(id, model)));
        ParticipantViewModel model = screen.model();
        ParticipantView page = screen.view();
        Tab tab = new Tab(i18n.get("participant.loading"), Forms.scrolling(page));
        tab.getProperties().put(ParticipantView.class, page);
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
        // The tab's x asks like Ctrl+W before typed text would go with the tab.
        tab.setOnCloseRequest(e -> {
            e.consume();
            afterAsking(List.of(tab), () -> close(tab));
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        page.focusWork();
        model.load();
    }

    /** The work area of one enrolment; a change there refreshes the participant and the caseload. */
    private WorkView workView(UUID enrolmentId, ParticipantViewModel participant) {
        var model = new WorkViewModel(
                services, i18n, e -> dialogs.showError("error.saveFailed", e), dialogs::showFileError, enrolmentId);
        model.setParticipantName(() -> participant.participantProperty().get() == null
                ? ""
                : participant.participantProperty().get().fullName());
        model.setOnChange(() -> {
            participant.load();
            caseload.model().refresh();
            today.model().refresh();
        });
        model.load();
        WorkView view = new WorkView(model, ui);
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
