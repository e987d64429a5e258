package se.jobbtorg.coach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.SecurityService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.DatabaseDamagedException;
import se.jobbtorg.coach.store.DatabaseInUseException;
import se.jobbtorg.coach.store.OnlyBackupOpensException;
import se.jobbtorg.coach.store.Storage;
import se.jobbtorg.coach.store.WrongPassphraseException;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.ui.common.FxDialogService;
import se.jobbtorg.coach.ui.common.FxTaskRunner;
import se.jobbtorg.coach.ui.lock.Lock;
import se.jobbtorg.coach.ui.lock.PassphraseView;
import se.jobbtorg.coach.ui.lock.PassphraseViewModel;
import se.jobbtorg.coach.ui.settings.SettingsDialog;
import se.jobbtorg.coach.ui.settings.SettingsViewModel;

/**
 * Start-up: show the window at once, ask for the passphrase, open the database with it off the
 * FX thread, welcome a new user, then the caseload; the window locks when left idle or on
 * Ctrl+L. Anything that goes wrong on the way is a sentence, never a stack trace.
 */
public final class CoachApplication extends Application {
    private static final Logger LOG = Logger.getLogger(CoachApplication.class.getName());
    public static final String STYLESHEET = "/se/jobbtorg/coach/ui/coach.css";
    private static final long DEMO_SEED = 20261124L;
    private static final int DEMO_SIZE = 80;
    /** How long the start's wait is before it gets a spinner. */
    private static final Duration SPINNER_AFTER = Duration.ofMillis(700);
    /**
     * The bench's start probe (a system property naming a passphrase file): the window opens the
     * database with the passphrase from that file instead of asking, logs the first screen drawn
     * and exits once the caseload is drawn too, so a child process can time a cold start from
     * outside. Only the bench sets it; the passphrase is never an argument.
     */
    public static final String START_PROBE = "jobbtorg.startProbe";

    /**
     * With the start probe: exit not at the caseload drawn but once the work a start leaves for
     * after the first screen is done too (the integrity check, the day's backup), logging the
     * resident memory then: what the window holds with the database open, as a coach's day
     * begins.
     */
    public static final String START_PROBE_SETTLE = "jobbtorg.startProbe.settle";

    /** With {@link #START_PROBE_SETTLE}: the caseload is drawn; and the start's work after it is done. */
    private boolean probeDrawn;

    private boolean probeSettled;

    private final Clock clock = Clock.systemDefaultZone();
    private final FxTaskRunner startupTasks = new FxTaskRunner();
    /** The unlock's own thread: it must not wait behind a long import or export. */
    private final FxTaskRunner lockTasks = new FxTaskRunner();

    private AppPaths paths;
    private Options options;
    private Settings settings;
    private I18n i18n;
    /** The program's dialogs, in the language chosen, owned by the window. */
    private DialogService dialogs;

    private Path file;
    private AppContext context;
    private Stage stage;
    private MainWindow mainWindow;
    private Lock lock;
    /** A package to offer once the main window is there (opened with it, or handed over early). */
    private Path pendingPackage;

    private boolean firstScreenShown;
    /** The opening whose integrity check has been started. */
    private AppContext checkedContext;
    /** Whether the opening had a coach already, and so something to back up. */
    private boolean backupAfterCheck;

    /**
     * Set by Main before launch, since JavaFX makes this object itself: the claim on this
     * database, and the messages of later starts (bring the window forward, offer a package).
     */
    private static SingleInstance instance;

    private static SingleInstance.Mailbox mailbox;

    static void handOff(SingleInstance claimed, SingleInstance.Mailbox messages) {
        instance = claimed;
        mailbox = messages;
    }

    @Override
    public void init() {
        options = Options.parse(getParameters().getRaw().toArray(String[]::new));
        paths = AppPaths.detect();
        AppLog.configure(paths.logFolder());
        settings = Settings.load(paths.settingsFile());
        i18n = new I18n(
                options.language() != null
                        ? options.language()
                        : settings.language().orElse(Locale.forLanguageTag("sv-SE")));
        // The date picker's calendar and other built-in texts follow the default locale.
        Locale.setDefault(i18n.locale());
        dialogs = new FxDialogService(i18n, () -> stage);
        LOG.info(() -> "start: settings and texts read " + sinceStart());
    }

    /**
     * The time since the process began, for the start's steps in the log: where a slow start
     * spends its time is then read from the log of the laptop it happened on.
     */
    static String sinceStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(began -> "+" + Duration.between(began, Instant.now()).toMillis() + " ms")
                .orElse("");
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        // Anything no one else caught is logged and told as a sentence, never a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "uncaught on " + thread.getName(), error);
            Runnable tell = () -> dialogs.showInformation(i18n.get("error.title"), i18n.get("error.unexpected"));
            if (Platform.isFxApplicationThread()) {
                tell.run();
            } else {
                Platform.runLater(tell);
            }
        });
        stage.setTitle(i18n.get("app.name"));
        Label opening = new Label(i18n.get("startup.opening"));
        VBox splash = new VBox(12, opening);
        splash.setAlignment(Pos.CENTER);
        // A spinner only for a wait long enough to need one (a migration, a large file on a slow
        // disk): an open is over before it would show, and its animation took a core's time
        // from the open's key derivation (decision 0017).
        PassphraseView.fxDelay(SPINNER_AFTER, () -> {
            if (stage.getScene() != null && stage.getScene().getRoot() == splash) {
                splash.getChildren().add(0, new ProgressIndicator());
            }
        });
        Scene scene = new Scene(splash, WindowPlacement.WIDTH, WindowPlacement.HEIGHT);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        WindowPlacement.show(stage, settings.window());
        LOG.info(() -> "start: window shown " + sinceStart());
        // The icons' seven pictures decoded once the window is up, while the database opens or
        // the passphrase is typed, not before the window is shown.
        Platform.runLater(() -> stage.getIcons().setAll(Icons.all()));
        WindowPlacement.track(stage, settings::setWindow);
        // Saved when the window closes, not only in stop(): a logout may end the program without it.
        stage.setOnHidden(e -> saveSettingsNow());
        options.rest().stream()
                .filter(CoachApplication::isPackageName)
                .findFirst()
                .ifPresent(name -> offer(Path.of(name)));
        if (mailbox != null) {
            mailbox.deliverTo(lines -> Platform.runLater(() -> received(lines)));
        }
        file = options.db() != null ? options.db() : paths.defaultDatabase();
        String probe = System.getProperty(START_PROBE);
        if (probe != null) {
            openForProbe(Path.of(probe));
            return;
        }
        startupTasks.run(() -> Database.stateOf(file), state -> askPassphrase(state, null), this::openFailed);
    }

    /** The bench's start: as a typed passphrase would open it, with the passphrase from a file. */
    private void openForProbe(Path passphraseFile) {
        LOG.info("start probe: passphrase from a file, exit once the first screen and the caseload are drawn");
        startupTasks.run(
                () -> {
                    try (Passphrase passphrase =
                            Passphrase.of(Files.readAllLines(passphraseFile).get(0))) {
                        AppContext fresh = AppContext.unlock(file, clock, passphrase, List.of());
                        LOG.info(() -> "start: database open " + sinceStart());
                        return new Opened(
                                fresh,
                                fresh.coaches().currentCoach(),
                                fresh.coaches().role(),
                                false);
                    }
                },
                this::opened,
                this::openFailed);
    }

    /**
     * The probe's times, then its end: the first screen drawn (the first layout pulse after
     * Today has read its items: the window is usable), then the caseload drawn (its table filled,
     * once it has joined the window after the first screen, decision 0016). The table is looked
     * up at each pulse: it joins the window only then, inside a scroll pane whose skin is made at
     * its first layout.
     */
    private void probeFirstScreenThenCaseload() {
        Scene scene = stage.getScene();
        MainWindow window = mainWindow;
        boolean[] firstDrawn = {false};
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (!firstDrawn[0]) {
                if (!window.firstScreenRead().get()) {
                    Platform.requestNextPulse();
                    return;
                }
                firstDrawn[0] = true;
                LOG.info("start probe: first screen drawn " + sinceStart());
            }
            if (!(scene.lookup("#caseloadTable") instanceof TableView<?> table)
                    || table.getItems().isEmpty()) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(once[0]);
            LOG.info("start probe: caseload drawn " + sinceStart() + ", " + ProcessMemory.describe());
            probeDrawn = true;
            exitProbeWhenSettled();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * The probe's exit, once the caseload is drawn: at once, or with {@link #START_PROBE_SETTLE}
     * once the start's later work is done too (which on a small file may end first).
     */
    private void exitProbeWhenSettled() {
        if (!probeDrawn) {
            return;
        }
        if (!Boolean.getBoolean(START_PROBE_SETTLE)) {
            Platform.exit();
        } else if (probeSettled) {
            LOG.info("start probe: settled " + sinceStart() + ", " + ProcessMemory.describe());
            Platform.exit();
        }
    }

    /**
     * The first screen: choose a passphrase (a new or a plain database) or type it. The database
     * opens with it off the FX thread; a wrong one gets a sentence and a growing wait. restoreFrom:
     * a backup to put in the database's place first (it must open with the passphrase typed).
     */
    private void askPassphrase(Database.FileState state, Path restoreFrom) {
        PassphraseViewModel.Mode mode = switch (state) {
            case NEW -> PassphraseViewModel.Mode.CREATE;
            case PLAIN -> PassphraseViewModel.Mode.CONVERT;
            case ENCRYPTED -> PassphraseViewModel.Mode.OPEN;
        };
        AtomicReference<Opened> opened = new AtomicReference<>();
        // Wrong passphrases typed before the right one: the trail gets them once the database is open.
        List<Instant> failed = new CopyOnWriteArrayList<>();
        var model = new PassphraseViewModel(mode, i18n, startupTasks, PassphraseView::fxDelay, (passphrase, unused) -> {
            try (passphrase) {
                if (restoreFrom != null) {
                    Database.restore(file, restoreFrom, clock, passphrase);
                }
                boolean onNetwork = Storage.isNetwork(file);
                AppContext fresh = AppContext.unlock(file, clock, passphrase, failed);
                LOG.info(() -> "start: database open " + sinceStart());
                opened.set(new Opened(
                        fresh, fresh.coaches().currentCoach(), fresh.coaches().role(), onNetwork));
                return PassphraseViewModel.Outcome.ACCEPTED;
            } catch (WrongPassphraseException e) {
                failed.add(clock.instant());
                return PassphraseViewModel.Outcome.WRONG;
            }
        });
        model.setOnAccepted(outcome -> opened(opened.get()));
        model.setOnFailed((key, error) -> openFailed(error));
        PassphraseView view = new PassphraseView(model, i18n, i18n.get("passphrase.quit"), Platform::exit);
        stage.getScene().setRoot(view);
        view.focusFirst();
        announceFirstScreen();
    }

    static boolean isPackageName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".caseload.zip");
    }

    /** A later start's message: the window comes forward, with the package it was opened with. */
    private void received(List<String> lines) {
        LOG.info("a later start came to this window");
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        for (String line : lines) {
            if (line.startsWith(SingleInstance.OPEN)) {
                offer(Path.of(line.substring(SingleInstance.OPEN.length())));
            }
        }
    }

    /** The sync screen with this package ready to import; only an existing package file is offered. */
    private void offer(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!isPackageName(absolute.getFileName().toString()) || !Files.isRegularFile(absolute)) {
            LOG.warning("a file to open that is not a caseload package was ignored");
            return;
        }
        LOG.info("package offered for import");
        if (mainWindow != null) {
            mainWindow.offerPackage(absolute);
        } else {
            pendingPackage = absolute;
        }
    }

    private record Opened(AppContext context, Optional<Coach> coach, Role role, boolean onNetwork) {}

    /** The user of the database and their role, as the window is built for them. */
    private record Me(Coach coach, Role role) {}

    /** Whether this database's user has a role set (false: a database made before roles). */
    private volatile boolean roleChosen = true;

    private void opened(Opened opened) {
        context = opened.context();
        // opened runs on the FX thread: from here on a query there fails instead of freezing the window.
        context.forbidStoreOn(Thread.currentThread());
        if (opened.onNetwork()) {
            LOG.warning("database on a network file system");
            dialogs.showInformation(i18n.get("startup.network.title"), i18n.get("startup.network.text", file));
        }
        if (context.security().convertedFromPlain()) {
            dialogs.showInformation(i18n.get("passphrase.convert.title"), i18n.get("passphrase.converted"));
        }
        // The daily backup, kept as long as the settings say: off the FX thread, never in the way.
        // Not of a database made a moment ago: there is nothing in it to keep.
        AppContext current = context;
        current.security().keepBackupsFor(Period.ofDays(settings.backupDays()));
        backupAfterCheck = opened.coach().isPresent();
        opened.coach().ifPresentOrElse(me -> prepare(new Me(me, opened.role()), null, options.demo()), this::welcome);
    }

    /**
     * After the first screen: the integrity check the open left for later (at city size it reads
     * gigabytes), then the day's backup, so that a damaged file never becomes the newest backup.
     * A damaged file leaves the window for the same choice a damaged file gets at the start.
     */
    private void checkThenBackup(AppContext current, boolean backup) {
        current.ui()
                .tasks()
                .run(
                        () -> {
                            current.security().checkIntegrity();
                            if (backup) {
                                // Corrections' old values first, so the day's backup lacks them.
                                current.ui().sync().rectify();
                                current.security().backupIfDue();
                            }
                            return null;
                        },
                        done -> {
                            if (System.getProperty(START_PROBE) != null) {
                                probeSettled = true;
                                exitProbeWhenSettled();
                            }
                        },
                        error -> {
                            if (error instanceof DatabaseDamagedException && context == current) {
                                context = null;
                                if (lock != null) {
                                    lock.stop();
                                }
                                startupTasks.run(
                                        () -> {
                                            current.close();
                                            return null;
                                        },
                                        done -> openFailed(error),
                                        this::openFailed);
                            } else {
                                LOG.log(Level.WARNING, "integrity check or daily backup failed", error);
                                if (System.getProperty(START_PROBE) != null) {
                                    probeSettled = true;
                                    exitProbeWhenSettled();
                                }
                            }
                        });
    }

    /** The day's backup if none was taken today; off the FX thread, never in the way. */
    private void dailyBackup(AppContext current) {
        current.ui()
                .tasks()
                .run(
                        () -> {
                            // Corrections' old values first, so the day's backup lacks them.
                            current.ui().sync().rectify();
                            current.security().backupIfDue();
                            return null;
                        },
                        done -> {},
                        error -> LOG.log(Level.WARNING, "daily backup failed", error));
    }

    private void openFailed(Throwable error) {
        if (error instanceof OnlyBackupOpensException onlyBackup) {
            LOG.log(Level.WARNING, "the passphrase opens the newest backup, not the database", error);
            // Damaged, or a passphrase from before a change: the user knows which; retyping is the default.
            Path backup = onlyBackup.lastBackup().orElseThrow();
            if (dialogs.confirm(
                    i18n.get("startup.damaged.title"),
                    i18n.get("startup.backupOpens.text", BackupLabels.label(backup, i18n)),
                    i18n.get("startup.damaged.yes"))) {
                askPassphrase(Database.FileState.ENCRYPTED, backup);
            } else {
                askPassphrase(Database.FileState.ENCRYPTED, null);
            }
            return;
        }
        if (error instanceof DatabaseDamagedException damaged
                && damaged.lastBackup().isPresent()) {
            LOG.log(Level.SEVERE, "database damaged", error);
            Path backup = damaged.lastBackup().get();
            if (dialogs.confirm(
                    i18n.get("startup.damaged.title"),
                    i18n.get("startup.damaged.restore", backup.getFileName()),
                    i18n.get("startup.damaged.yes"))) {
                askPassphrase(Database.FileState.ENCRYPTED, backup);
                return;
            }
        } else if (error instanceof DatabaseDamagedException) {
            LOG.log(Level.SEVERE, "database damaged, no backup", error);
            dialogs.showInformation(i18n.get("startup.damaged.title"), i18n.get("startup.damaged.noBackup", file));
        } else if (error instanceof DatabaseInUseException) {
            dialogs.showInformation(i18n.get("startup.inUse.title"), i18n.get("startup.inUse.text", file));
        } else {
            dialogs.showError("startup.failed", error);
        }
        Platform.exit();
    }

    /** First run of this database: who the coach is, their role, the language, and a demo caseload or not. */
    private void welcome() {
        if (options.demo()) {
            // --demo on a new database: straight to a working caseload, no questions; the demo
            // user is a team lead, so that a demonstration shows everything.
            prepare(
                    null,
                    new SettingsViewModel.Choice(
                            i18n.get("welcome.demoCoach"),
                            i18n.get("welcome.demoUnit"),
                            i18n.locale(),
                            true,
                            settings.lockMinutes(),
                            settings.backupDays(),
                            Role.TEAM_LEAD,
                            null),
                    true);
            return;
        }
        var model = new SettingsViewModel(
                        i18n, "", "", i18n.locale(), true, settings.lockMinutes(), settings.backupDays())
                .withUnits(context.coaches().units().names());
        Optional<SettingsViewModel.Choice> choice = new SettingsDialog(stage, model, i18n).showAndWait();
        if (choice.isEmpty()) {
            Platform.exit();
            return;
        }
        applyLanguage(choice.get().language());
        settings.setLockMinutes(choice.get().lockMinutes());
        saveSettings();
        prepare(null, choice.get(), choice.get().demo());
    }

    /**
     * Saves a new coach and their role if there is a choice (the first start), fills the demo
     * caseload if asked, then the window.
     */
    private void prepare(Me known, SettingsViewModel.Choice choice, boolean demo) {
        startupTasks.run(
                () -> {
                    Me me = known != null
                            ? known
                            : new Me(
                                    context.coaches().begin(choice.coachName(), choice.unit(), choice.role()),
                                    choice.role());
                    if (demo && context.caseload().participantCount() == 0) {
                        context.demo().populate(DEMO_SEED, DEMO_SIZE, me.coach());
                    }
                    roleChosen = context.coaches().roleChosen();
                    return me;
                },
                this::showMain,
                error -> {
                    dialogs.showError("startup.failed", error);
                    Platform.exit();
                });
    }

    private void showMain(Me me) {
        stage.setTitle(i18n.get("app.title", context.databaseFile().getFileName()));
        mainWindow = new MainWindow(stage, context.ui(), i18n, me.coach(), me.role(), this::openSettings);
        mainWindow.setUnusualReadingLimit(settings::unusualReading);
        mainWindow.setRetentionYears(settings::retentionYears);
        mainWindow.setRoleChosen(roleChosen);
        context.ui().sync().setRectifyAfter(Period.ofDays(settings.rectificationDays()));
        LOG.info(() -> "start: main window built " + sinceStart());
        AppContext current = context;
        boolean wasLocked = lock != null && lock.isLocked();
        if (lock != null) {
            lock.stop();
        }
        lock = new Lock(
                stage,
                i18n,
                lockTasks,
                current.security()::unlocks,
                Duration.ofMinutes(settings.lockMinutes()),
                mainWindow::quit);
        // A laptop left running for days gets its daily backup at an unlock, not only at a start.
        lock.setOnUnlocked(() -> dailyBackup(current));
        mainWindow.setProgramActions(
                new MainWindow.ProgramActions(lock::lock, this::changePassphrase, this::restoreBackup));
        stage.getScene().setRoot(mainWindow);
        if (pendingPackage != null) {
            mainWindow.offerPackage(pendingPackage);
            pendingPackage = null;
        }
        announceFirstScreen();
        if (System.getProperty(START_PROBE) != null) {
            probeFirstScreenThenCaseload();
        }
        if (checkedContext != current) {
            // Once per opening, not at each rebuild of the window (a change of language). A coach
            // just made has nothing to back up yet.
            checkedContext = current;
            checkThenBackup(current, backupAfterCheck);
        }
        lock.watch();
        if (wasLocked) {
            // Built anew (a language change) while locked: it stays locked.
            lock.lock();
        }
    }

    /**
     * Logs once that the first screen (the passphrase screen, as a rule) has been laid out to
     * draw: the installer's test waits for this line.
     */
    private void announceFirstScreen() {
        if (firstScreenShown) {
            return;
        }
        firstScreenShown = true;
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            LOG.info("first screen shown " + sinceStart());
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The passphrase changed in a window of its own; the database and its backups re-encrypted. */
    private void changePassphrase() {
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(i18n.get("passphrase.change.title"));
        AppContext current = context;
        AtomicReference<SecurityService.Change> result = new AtomicReference<>();
        var model = new PassphraseViewModel(
                PassphraseViewModel.Mode.CHANGE, i18n, current.ui().tasks(), PassphraseView::fxDelay, (now, next) -> {
                    result.set(current.security().changePassphrase(now, next));
                    return result.get().changed()
                            ? PassphraseViewModel.Outcome.ACCEPTED
                            : PassphraseViewModel.Outcome.WRONG;
                });
        model.setOnAccepted(outcome -> {
            dialog.close();
            int left = result.get().backupsLeft();
            dialogs.showInformation(
                    i18n.get("passphrase.change.title"),
                    left == 0 ? i18n.get("passphrase.changed") : i18n.get("passphrase.changedBackupsLeft", left));
        });
        model.setOnFailed(
                (key, error) -> new FxDialogService(i18n, dialog).showError("passphrase.change.title", error));
        PassphraseView view = new PassphraseView(model, i18n, i18n.get("button.cancel"), dialog::close);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(STYLESHEET);
        dialog.setScene(scene);
        view.focusFirst();
        dialog.showAndWait();
    }

    /**
     * Restore from a backup: the backups listed by date, newest first; the chosen one replaces
     * the database once the passphrase has been typed again (the database as it was becomes a
     * backup itself, so a restore can be undone the same way).
     */
    private void restoreBackup() {
        AppContext current = context;
        current.ui()
                .tasks()
                .run(
                        () -> current.security().backups(),
                        backups -> {
                            if (backups.isEmpty()) {
                                dialogs.showInformation(i18n.get("restore.title"), i18n.get("restore.none"));
                                return;
                            }
                            List<Path> newestFirst = List.copyOf(backups);
                            dialogs.choose(
                                            "restoreDialog",
                                            i18n.get("restore.title"),
                                            i18n.get("restore.choose"),
                                            i18n.get("restore.backup"),
                                            newestFirst,
                                            backup -> BackupLabels.label(backup, i18n),
                                            newestFirst.get(0))
                                    .ifPresent(backup -> {
                                        if (dialogs.confirm(
                                                i18n.get("restore.title"),
                                                i18n.get("restore.confirm", BackupLabels.label(backup, i18n)),
                                                i18n.get("restore.yes"))) {
                                            context = null;
                                            mainWindow.retire();
                                            lock.stop();
                                            startupTasks.run(
                                                    () -> {
                                                        current.close();
                                                        return null;
                                                    },
                                                    done -> askPassphrase(Database.FileState.ENCRYPTED, backup),
                                                    this::openFailed);
                                        }
                                    });
                        },
                        error -> dialogs.showError("restore.title", error));
    }

    private void openSettings() {
        openSettings(
                stage,
                mainWindow,
                context,
                i18n,
                settings.lockMinutes(),
                settings.backupDays(),
                model -> {
                    // The access log's limit: a number of this laptop's settings file, like the idle lock.
                    settings.setUnusualReading(model.unusualReading());
                    settings.setRetentionYears(model.retentionYears());
                },
                choice -> {
                    if (choice.language() != null
                            && !choice.language()
                                    .getLanguage()
                                    .equals(i18n.locale().getLanguage())) {
                        // The window is built anew in the new language: typed text is asked about first,
                        // and Cancel keeps everything as it was, the settings too (a new role excepted:
                        // it is saved and shown already).
                        mainWindow.afterAsking(() -> applySettings(choice));
                    } else {
                        applySettings(choice);
                    }
                });
    }

    /**
     * The settings dialog over the main window. A new role is taken in the dialog itself (with
     * the passphrase, checked by the service off the FX thread), and the window shows or hides
     * the team-lead actions at once; the rest of the choice goes to apply. The window tests open
     * the settings through here too.
     */
    static void openSettings(
            Stage owner,
            MainWindow window,
            AppContext context,
            I18n i18n,
            int lockMinutes,
            int backupDays,
            Consumer<SettingsViewModel.Choice> apply) {
        openSettings(owner, window, context, i18n, lockMinutes, backupDays, model -> {}, apply);
    }

    /** As above; chosen also gets the dialog's model once it was closed with OK (the limits it holds). */
    static void openSettings(
            Stage owner,
            MainWindow window,
            AppContext context,
            I18n i18n,
            int lockMinutes,
            int backupDays,
            Consumer<SettingsViewModel> chosen,
            Consumer<SettingsViewModel.Choice> apply) {
        Coach me = window.coach();
        // The phone and e-mail are in the database, which is read off the FX thread.
        context.ui()
                .tasks()
                .run(
                        () -> context.coaches().contact(),
                        contact -> {
                            var model = new SettingsViewModel(
                                            i18n, me.name(), me.unit(), i18n.locale(), false, lockMinutes, backupDays)
                                    .withUnits(context.coaches().units().names())
                                    .withContact(contact)
                                    .withRole(
                                            window.roleChosen() ? window.role() : null,
                                            context.ui().tasks(),
                                            context.security()::changeRole)
                                    .withUnusualReading(window.unusualReadingLimit())
                                    .withRetentionYears(window.retentionYears());
                            new SettingsDialog(owner, model, i18n).showAndWait().ifPresent(choice -> {
                                // Saved: a role not chosen before was set with the passphrase.
                                window.setRoleChosen(true);
                                if (choice.role() != window.role()) {
                                    window.setRole(choice.role());
                                }
                                chosen.accept(model);
                                apply.accept(choice);
                            });
                        },
                        error -> new FxDialogService(i18n, owner).showError("error.title", error));
    }

    private void applySettings(SettingsViewModel.Choice choice) {
        settings.setLockMinutes(choice.lockMinutes());
        settings.setBackupDays(choice.backupDays());
        lock.setIdleTime(Duration.ofMinutes(choice.lockMinutes()));
        context.security().keepBackupsFor(Period.ofDays(choice.backupDays()));
        boolean newLanguage = applyLanguage(choice.language());
        context.ui()
                .tasks()
                .run(
                        () -> {
                            settings.save();
                            if (choice.contact() != null) {
                                context.coaches().setContact(choice.contact());
                            }
                            return context.coaches().setCurrentCoach(choice.coachName(), choice.unit());
                        },
                        updated -> {
                            if (newLanguage) {
                                // The participants' pages open again in the new language.
                                MainWindow.Shown before = mainWindow.shown();
                                Role role = mainWindow.role();
                                mainWindow.retire();
                                showMain(new Me(updated, role));
                                mainWindow.show(before);
                            } else {
                                mainWindow.setCoach(updated);
                            }
                        },
                        error -> dialogs.showError("settings.failed", error));
    }

    /** Changes the language; returns true if it changed, and the window is then built anew in it. */
    private boolean applyLanguage(Locale language) {
        if (language == null || language.getLanguage().equals(i18n.locale().getLanguage())) {
            return false;
        }
        i18n = new I18n(language);
        dialogs = new FxDialogService(i18n, () -> stage);
        Locale.setDefault(i18n.locale());
        settings.setLanguage(language);
        return true;
    }

    /** Saves the settings file off the FX thread; a failure is logged (the defaults then apply next time). */
    private void saveSettings() {
        startupTasks.run(
                () -> {
                    settings.save();
                    return null;
                },
                done -> {},
                error -> LOG.log(Level.WARNING, "settings not saved", error));
    }

    /** At the close: the window's place and size kept, on the FX thread (the program is ending). */
    private void saveSettingsNow() {
        try {
            settings.save();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "settings not saved", e);
        }
    }

    @Override
    public void stop() {
        if (lock != null) {
            lock.stop();
        }
        startupTasks.close();
        saveSettingsNow();
        if (context != null) {
            context.close();
        }
        if (instance != null) {
            instance.close();
        }
    }
}
