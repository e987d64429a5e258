package se.jobbtorg.coach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.store.DatabaseDamagedException;
import se.jobbtorg.coach.store.DatabaseInUseException;
import se.jobbtorg.coach.store.Storage;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.common.DialogService;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.settings.SettingsDialog;
import se.jobbtorg.coach.ui.settings.SettingsViewModel;

/**
 * Start-up: show the window at once, open the database off the FX thread, welcome a new user,
 * then the caseload. Anything that goes wrong on the way is a sentence, never a stack trace.
 */
public final class CoachApplication extends Application {
    private static final Logger LOG = Logger.getLogger(CoachApplication.class.getName());
    public static final String STYLESHEET = "/se/jobbtorg/coach/ui/coach.css";
    private static final long DEMO_SEED = 20261124L;
    private static final int DEMO_SIZE = 80;

    private final Clock clock = Clock.systemDefaultZone();
    private AppPaths paths;
    private Options options;
    private Settings settings;
    private I18n i18n;
    private AppContext context;
    private Stage stage;
    private MainWindow mainWindow;
    /** A package to offer once the main window is there (opened with it, or handed over early). */
    private Path pendingPackage;
    private boolean firstScreenShown;

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
        i18n = new I18n(options.language() != null ? options.language()
                : settings.language().orElse(Locale.forLanguageTag("sv-SE")));
        // The date picker's calendar and other built-in texts follow the default locale.
        Locale.setDefault(i18n.locale());
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        // Anything no one else caught is logged and told as a sentence, never a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "uncaught on " + thread.getName(), error);
            Runnable tell = () -> new DialogService(i18n, stage).showInformation(i18n.get("error.title"),
                    i18n.get("error.unexpected"));
            if (Platform.isFxApplicationThread()) {
                tell.run();
            } else {
                Platform.runLater(tell);
            }
        });
        stage.setTitle(i18n.get("app.name"));
        stage.getIcons().setAll(Icons.all());
        Label opening = new Label(i18n.get("startup.opening"));
        VBox splash = new VBox(12, new ProgressIndicator(), opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash, WindowPlacement.WIDTH, WindowPlacement.HEIGHT);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        WindowPlacement.show(stage, settings.window());
        WindowPlacement.track(stage, settings::setWindow);
        // Saved when the window closes, not only in stop(): a logout may end the program without it.
        stage.setOnHidden(e -> saveSettings());
        options.rest().stream().filter(CoachApplication::isPackageName).findFirst()
                .ifPresent(name -> offer(Path.of(name)));
        if (mailbox != null) {
            mailbox.deliverTo(lines -> Platform.runLater(() -> received(lines)));
        }
        openDatabase(options.db() != null ? options.db() : paths.defaultDatabase());
    }

    static boolean isPackageName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".caseload.zip");
    }

    /** A later start's message: the window comes forward, with the package it was opened with. */
    private void received(java.util.List<String> lines) {
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

    private record Opened(AppContext context, Optional<Coach> coach, boolean onNetwork) {
    }

    private void openDatabase(Path file) {
        Task<Opened> open = new Task<>() {
            @Override
            protected Opened call() {
                boolean onNetwork = Storage.isNetwork(file);
                AppContext opened = AppContext.open(file, clock);
                return new Opened(opened, opened.coaches().currentCoach(), onNetwork);
            }
        };
        open.setOnSucceeded(e -> {
            context = open.getValue().context();
            if (open.getValue().onNetwork()) {
                LOG.warning("database on a network file system");
                new DialogService(i18n, stage).showInformation(i18n.get("startup.network.title"),
                        i18n.get("startup.network.text", file));
            }
            open.getValue().coach().ifPresentOrElse(me -> prepare(me, null, options.demo()), this::welcome);
        });
        open.setOnFailed(e -> openFailed(file, open.getException()));
        background(open);
    }

    private void openFailed(Path file, Throwable error) {
        DialogService dialogs = new DialogService(i18n, stage);
        if (error instanceof DatabaseDamagedException damaged && damaged.lastBackup().isPresent()) {
            LOG.log(Level.SEVERE, "database damaged", error);
            Path backup = damaged.lastBackup().get();
            if (dialogs.confirm(i18n.get("startup.damaged.title"),
                    i18n.get("startup.damaged.restore", backup.getFileName()), i18n.get("startup.damaged.yes"))) {
                restore(file, backup);
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

    /**
     * Puts the backup in place of the damaged file, which is kept beside it under a new name.
     * The copy is made first, so that a failure leaves the damaged file where it was.
     */
    private void restore(Path file, Path backup) {
        Task<Void> restore = new Task<>() {
            @Override
            protected Void call() throws IOException {
                String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                Path copy = Path.of(file + ".restoring");
                Files.copy(backup, copy, StandardCopyOption.REPLACE_EXISTING);
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Path f = Path.of(file + suffix);
                    if (Files.exists(f)) {
                        Files.move(f, Path.of(file + ".damaged-" + stamp + suffix));
                    }
                }
                Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
                return null;
            }
        };
        restore.setOnSucceeded(e -> openDatabase(file));
        restore.setOnFailed(e -> {
            new DialogService(i18n, stage).showError("startup.restoreFailed", restore.getException());
            Platform.exit();
        });
        background(restore);
    }

    /** First run of this database: who the coach is, the language, and a demo caseload or not. */
    private void welcome() {
        if (options.demo()) {
            // --demo on a new database: straight to a working caseload, no questions.
            prepare(null, new SettingsViewModel.Choice(i18n.get("welcome.demoCoach"), i18n.get("welcome.demoUnit"),
                    i18n.locale(), true), true);
            return;
        }
        var model = new SettingsViewModel(i18n, "", "", i18n.locale(), true);
        Optional<SettingsViewModel.Choice> choice = new SettingsDialog(stage, model, i18n).showAndWait();
        if (choice.isEmpty()) {
            Platform.exit();
            return;
        }
        applyLanguage(choice.get().language());
        prepare(null, choice.get(), choice.get().demo());
    }

    /** Saves a new coach if there is a choice, fills the demo caseload if asked, then the window. */
    private void prepare(Coach known, SettingsViewModel.Choice choice, boolean demo) {
        Task<Coach> prepare = new Task<>() {
            @Override
            protected Coach call() {
                Coach me = known != null ? known : context.coaches().setCurrentCoach(choice.coachName(), choice.unit());
                if (demo && context.caseload().participantCount() == 0) {
                    context.demo().populate(DEMO_SEED, DEMO_SIZE, me);
                }
                return me;
            }
        };
        prepare.setOnSucceeded(e -> showMain(prepare.getValue()));
        prepare.setOnFailed(e -> {
            new DialogService(i18n, stage).showError("startup.failed", prepare.getException());
            Platform.exit();
        });
        background(prepare);
    }

    private void showMain(Coach me) {
        stage.setTitle(i18n.get("app.title", context.databaseFile().getFileName()));
        mainWindow = new MainWindow(stage, context.ui(), i18n, me, this::openSettings);
        stage.getScene().setRoot(mainWindow);
        if (pendingPackage != null) {
            mainWindow.offerPackage(pendingPackage);
            pendingPackage = null;
        }
        if (!firstScreenShown) {
            // The installer's test waits for this line: the first screen has been laid out to draw.
            firstScreenShown = true;
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                LOG.info("first screen shown");
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
    }

    private void openSettings() {
        Coach me = mainWindow.coach();
        var model = new SettingsViewModel(i18n, me.name(), me.unit(), i18n.locale(), false);
        new SettingsDialog(stage, model, i18n).showAndWait().ifPresent(choice ->
                context.ui().tasks().run(() -> context.coaches().setCurrentCoach(choice.coachName(), choice.unit()),
                        updated -> {
                            if (applyLanguage(choice.language())) {
                                showMain(updated);
                            } else {
                                mainWindow.setCoach(updated);
                            }
                        }, error -> new DialogService(i18n, stage).showError("settings.failed", error)));
    }

    /** Saves the language; returns true if it changed, and the window is then built anew in it. */
    private boolean applyLanguage(Locale language) {
        if (language == null || language.getLanguage().equals(i18n.locale().getLanguage())) {
            return false;
        }
        i18n = new I18n(language);
        Locale.setDefault(i18n.locale());
        settings.setLanguage(language);
        try {
            settings.save();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "settings not saved", e);
        }
        return true;
    }

    private void saveSettings() {
        try {
            settings.save();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "settings not saved", e);
        }
    }

    private static void background(Task<?> task) {
        Thread t = new Thread(task, "startup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        saveSettings();
        if (context != null) {
            context.close();
        }
        if (instance != null) {
            instance.close();
        }
    }
}
