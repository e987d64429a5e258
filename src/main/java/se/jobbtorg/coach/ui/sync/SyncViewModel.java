package se.jobbtorg.coach.ui.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.TeamDevices;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.Refusal;
import se.jobbtorg.coach.ui.common.Job;
import se.jobbtorg.coach.ui.common.TaskRunner;

/**
 * The exchange of caseload packages: the folder, whom a package is for, exporting, importing
 * (or trying an import without changing anything), what each package did, and the conflicts a
 * person has to decide.
 */
public final class SyncViewModel {
    /** Whom to export for: everyone (a full copy) or a peer met before (what it lacks). */
    public record Recipient(String deviceId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One line of the results: a package and what happened to it, in words. */
    public record Outcome(String file, String from, String result, boolean refused) {}

    /** A conflict, described for a person. */
    public record ConflictRow(
            SyncService.Conflict conflict, String record, String field, String shown, String other, String otherFrom) {}

    /** One of the team's devices, in words: its name, fingerprint and standing. */
    public record DeviceRow(
            TeamDevices.Device device, String label, String fingerprint, String standing, String admittedBy) {
        public boolean canAdmit() {
            return device.standing() == TeamDevices.Standing.NOT_ADMITTED;
        }

        public boolean canWithdraw() {
            return device.standing() == TeamDevices.Standing.ADMITTED
                    || device.standing() == TeamDevices.Standing.UNSIGNED;
        }
    }

    private final SyncService sync;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Throwable> onError;
    private final Runnable onImported;

    final StringProperty folder = new SimpleStringProperty("");
    final ObservableList<Recipient> recipients = FXCollections.observableArrayList();
    final ObjectProperty<Recipient> recipient = new SimpleObjectProperty<>();
    final BooleanProperty dryRun = new SimpleBooleanProperty(false);
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    /** Progress is reported in thousandths: fine enough for a bar, whole numbers for the runner. */
    private static final long STEPS = 1000;
    /** The export or import under way, for {@link #cancel()}; null when none is. */
    private Job<?> current;

    final BooleanProperty working = new SimpleBooleanProperty(false);
    final StringProperty status = new SimpleStringProperty("");
    final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    /** A package opened from outside (the file manager), waiting for the person to import it. */
    final ObjectProperty<Path> offered = new SimpleObjectProperty<>();

    final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    final StringProperty ownFingerprint = new SimpleStringProperty("");
    final BooleanProperty teamPassphraseSet = new SimpleBooleanProperty(false);
    /** Set when a package was refused because its computer is not admitted: the team's computers are shown. */
    final BooleanProperty admissionWanted = new SimpleBooleanProperty(false);

    private volatile boolean admissionRefused;

    public SyncViewModel(
            SyncService sync, TaskRunner tasks, I18n i18n, Consumer<Throwable> onError, Runnable onImported) {
        this.sync = sync;
        this.tasks = tasks;
        this.i18n = i18n;
        this.onError = onError;
        this.onImported = onImported;
    }

    /** Reads the folder, the peers and the conflicts. */
    public void refresh() {
        record Loaded(
                String folder,
                List<Recipient> recipients,
                List<ConflictRow> conflicts,
                List<DeviceRow> devices,
                boolean passphrase) {}
        tasks.run(
                () -> {
                    List<Recipient> list = new ArrayList<>();
                    // A coach's full package is for the team lead; a lead's, for the leads.
                    list.add(new Recipient(
                            null, i18n.get(sync.teamLead() ? "sync.recipient.everyone" : "sync.recipient.teamLead")));
                    for (SyncService.Peer p : sync.peers()) {
                        list.add(new Recipient(
                                p.deviceId(),
                                p.label() != null ? p.label() : p.deviceId().substring(0, 8)));
                    }
                    return new Loaded(
                            sync.syncFolder().map(Path::toString).orElse(""),
                            list,
                            conflictRows(),
                            deviceRows(),
                            sync.team().hasTeamPassphrase());
                },
                loaded -> {
                    if (folder.get().isBlank()) {
                        folder.set(loaded.folder());
                    }
                    Recipient chosen = recipient.get();
                    recipients.setAll(loaded.recipients());
                    recipient.set(loaded.recipients().stream()
                            .filter(r -> chosen != null && Objects.equals(r.deviceId(), chosen.deviceId()))
                            .findFirst()
                            .orElse(loaded.recipients().get(0)));
                    conflicts.setAll(loaded.conflicts());
                    devices.setAll(loaded.devices());
                    ownFingerprint.set(
                            loaded.devices().isEmpty()
                                    ? ""
                                    : loaded.devices().get(0).fingerprint());
                    teamPassphraseSet.set(loaded.passphrase());
                },
                onError);
    }

    private List<DeviceRow> deviceRows() {
        List<DeviceRow> rows = new ArrayList<>();
        for (TeamDevices.Device d : sync.team().devices()) {
            String label = d.label() != null ? d.label() : d.deviceId().substring(0, 8);
            rows.add(new DeviceRow(
                    d,
                    label,
                    d.fingerprint() != null ? d.fingerprint() : i18n.get("sync.device.noKey"),
                    i18n.get("sync.device.standing." + d.standing().name().toLowerCase(Locale.ROOT)),
                    d.admittedBy() == null ? "" : d.admittedBy()));
        }
        return rows;
    }

    private List<ConflictRow> conflictRows() {
        List<ConflictRow> rows = new ArrayList<>();
        UnaryOperator<String> label = sync.peerLabels();
        for (SyncService.Conflict c : sync.conflicts()) {
            // Every other version, newest first: a three-way conflict shows all three.
            String others = String.join(
                    " | ", c.others().stream().map(o -> text(o.value())).toList());
            String from = String.join(
                    " | ", c.others().stream().map(o -> label.apply(o.device())).toList());
            rows.add(new ConflictRow(
                    c,
                    sync.describe(c),
                    fieldName(c.entity(), c.field()),
                    text(c.shown().value()),
                    others,
                    from));
        }
        return rows;
    }

    private String fieldName(String entity, String field) {
        String key = "sync.field." + entity + "." + field;
        return i18n.has(key) ? i18n.get(key) : field;
    }

    private String text(Object value) {
        return value == null ? i18n.get("sync.value.empty") : value.toString();
    }

    private Path folderPath() {
        String text = folder.get() == null ? "" : folder.get().trim();
        if (text.isEmpty()) {
            status.set(i18n.get("sync.problem.noFolder"));
            return null;
        }
        return Path.of(text);
    }

    /** A folder that is not there (a USB stick pulled out): said on the status line, not a fault. */
    private static final class FolderMissingException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderMissingException(Path folder) {
            super(folder.toString());
        }
    }

    /** Asked in the background: a disk or a network share can keep the FX thread waiting. */
    private static void requireFolder(Path dir) throws FolderMissingException {
        if (!Files.isDirectory(dir)) {
            throw new FolderMissingException(dir);
        }
    }

    /** Writes a package for the chosen recipient into the folder. */
    public void exportToFolder(String who) {
        Path dir = folderPath();
        if (dir == null || working.get()) {
            return;
        }
        Recipient to = recipient.get();
        start(
                p -> {
                    requireFolder(dir);
                    sync.setSyncFolder(dir);
                    Path target = dir.resolve(sync.packageName(who));
                    return export(to, target, p);
                },
                this::exported);
    }

    /** Writes a package for the chosen recipient to a file the user named (a mail attachment, say). */
    public void exportToFile(Path target) {
        if (target == null || working.get()) {
            return;
        }
        Recipient to = recipient.get();
        start(p -> export(to, target, p), this::exported);
    }

    private SyncService.Exported export(Recipient to, Path target, TaskRunner.Progress p) throws IOException {
        DoubleConsumer progressed = done -> {
            if (p.isCancelled()) {
                // Out through the package's whole-file write, which then leaves no file behind.
                throw new CancellationException();
            }
            p.report(Math.round(done * STEPS), STEPS);
        };
        return to == null || to.deviceId() == null
                ? sync.exportSnapshot(target, progressed)
                : sync.exportFor(to.deviceId(), target, progressed);
    }

    private void exported(SyncService.Exported exported) {
        status.set(i18n.get("sync.exported", exported.file().getFileName().toString(), exported.changes()));
    }

    /** A file name for a package made now by this user. */
    public String suggestedName(String who) {
        return sync.packageName(who);
    }

    /** Imports every package in the folder made by others. */
    public void importFolder() {
        Path dir = folderPath();
        if (dir == null || working.get()) {
            return;
        }
        boolean dry = dryRun.get();
        start(
                p -> {
                    requireFolder(dir);
                    sync.setSyncFolder(dir);
                    List<Path> files = sync.packagesIn(dir);
                    return importAll(files, dry, p);
                },
                this::imported);
    }

    /** Imports one package the user chose. */
    public void importFile(Path file) {
        if (file == null || working.get()) {
            return;
        }
        boolean dry = dryRun.get();
        start(p -> importAll(List.of(file), dry, p), this::imported);
    }

    private List<Outcome> importAll(List<Path> files, boolean dry, TaskRunner.Progress p) {
        admissionRefused = false;
        List<Outcome> result = new ArrayList<>();
        for (SyncService.PackageOutcome o : sync.importAll(files, dry, new SyncService.ImportListener() {
            @Override
            public void progressed(double done) {
                p.report(Math.round(done * STEPS), STEPS);
            }

            @Override
            public boolean stopRequested() {
                // Between packages only: each package is one transaction, in whole or not at all.
                return p.isCancelled();
            }
        })) {
            result.add(outcome(o, dry));
        }
        return result;
    }

    /** One sentence after another: a full stop between them, unless the first has one. */
    private static String then(String first, String next) {
        return first + (first.endsWith(".") ? " " : ". ") + next;
    }

    private Outcome outcome(SyncService.PackageOutcome o, boolean dry) {
        String name = o.file().getFileName().toString();
        if (o.imported() != null) {
            SyncService.Imported r = o.imported();
            admissionRefused |= !r.admitted();
            String said = i18n.get(
                    dry ? "sync.result.dry" : "sync.result",
                    r.created(),
                    r.updated(),
                    r.unchanged(),
                    r.conflicts(),
                    r.merged());
            if (r.released() > 0) {
                said = then(said, i18n.get("sync.result.released", r.released()));
            }
            if (!r.admitted()) {
                said = then(said, i18n.get("sync.result.notAdmitted"));
            }
            return new Outcome(name, r.user() == null ? "" : r.user(), said, !r.admitted());
        }
        if (o.refused() != null) {
            admissionRefused |= ADMISSION.contains(o.refused().refusal());
            return new Outcome(name, from(o.refused()), refusal(o.refused()), true);
        }
        return new Outcome(name, "", i18n.get("sync.failed"), true);
    }

    /** A refusal in words: the reason's own sentence, with what it names. */
    String refusal(PackageRefusedException e) {
        return i18n.get("sync.refused", reason(e));
    }

    private String reason(PackageRefusedException e) {
        return i18n.get(e.refusal().key(), e.args().toArray());
    }

    /** Who a refused package says it is from, where the reason names them first. */
    private static String from(PackageRefusedException e) {
        return BY_PRODUCER.contains(e.refusal())
                        && !e.args().isEmpty()
                        && !"null".equals(e.args().get(0))
                ? e.args().get(0)
                : "";
    }

    private static final Set<Refusal> BY_PRODUCER = EnumSet.of(
            Refusal.GAP,
            Refusal.NOT_ADMITTED,
            Refusal.UNSIGNED_NOT_ADMITTED,
            Refusal.SIGNATURE_KEY,
            Refusal.WITHDRAWN,
            Refusal.NOT_FOR_US,
            Refusal.TEAM_PASSPHRASE);

    /** Refusals a person answers in the team's computers: admitting a computer, or setting the passphrase. */
    private static final Set<Refusal> ADMISSION = EnumSet.of(
            Refusal.NOT_ADMITTED, Refusal.UNSIGNED_NOT_ADMITTED, Refusal.NOT_FOR_US, Refusal.TEAM_PASSPHRASE);

    private void imported(List<Outcome> result) {
        admissionWanted.set(false);
        admissionWanted.set(admissionRefused);
        outcomes.setAll(result);
        status.set(result.isEmpty() ? i18n.get("sync.nothingToImport") : i18n.get("sync.imported", result.size()));
        refresh();
        onImported.run();
    }

    /**
     * Runs one export or import as a job: the bar follows its progress, "Avbryt" stops it (an import
     * between two packages; an export at its next step, leaving no file), and the buttons come back
     * whatever happens.
     */
    private <T> void start(TaskRunner.Work<T> work, Consumer<T> done) {
        working.set(true);
        progress.set(0);
        status.set(i18n.get("sync.working"));
        Job<T> job = tasks.job(work)
                .onSuccess(done)
                .onFailure(this::failed)
                .onProgress((n, total) -> progress.set(total == 0 ? 0 : (double) n / total))
                .onCancelled(() -> status.set(i18n.get("sync.cancelled")))
                .always(() -> {
                    working.set(false);
                    current = null;
                });
        // Known before it starts: a runner may run it at once, and Stop must reach it meanwhile.
        current = job;
        job.start();
    }

    /** Stops the export or import under way, if any (see {@link #start}). */
    public void cancel() {
        Job<?> job = current;
        if (job != null) {
            job.cancel();
        }
    }

    private void failed(Throwable e) {
        if (e instanceof FolderMissingException) {
            status.set(i18n.get("sync.problem.folderMissing", e.getMessage()));
            return;
        }
        if (e instanceof PackageRefusedException refused) {
            // Not a fault: the package could not be made or read as asked, and the sentence says why.
            status.set(i18n.get("sync.exportRefused", reason(refused)));
            return;
        }
        status.set("");
        onError.accept(e);
    }

    /**
     * Offers a package opened from outside the program (a double click in the file manager): it
     * is named on the screen, ready to import, and comes in only when the person says so.
     */
    public void offer(Path file) {
        offered.set(file);
    }

    /** Imports the offered package, as "Import a file" would. */
    void importOffered() {
        Path file = offered.get();
        if (file != null && !working.get()) {
            offered.set(null);
            importFile(file);
        }
    }

    /** Admits a device after a person compared its fingerprint with its owner. */
    public void admit(DeviceRow row) {
        if (row == null || !row.canAdmit()) {
            return;
        }
        tasks.run(
                () -> {
                    sync.team().admit(row.device().deviceId());
                    return null;
                },
                done -> {
                    status.set(i18n.get("sync.device.admitted", row.label()));
                    refresh();
                },
                onError);
    }

    /** Withdraws a device (a stolen laptop): its packages are refused from now on. */
    public void withdraw(DeviceRow row) {
        if (row == null || !row.canWithdraw()) {
            return;
        }
        tasks.run(
                () -> {
                    sync.team().withdraw(row.device().deviceId());
                    return null;
                },
                done -> {
                    status.set(i18n.get("sync.device.withdrawn", row.label()));
                    refresh();
                },
                onError);
    }

    /**
     * Sets the team passphrase, typed twice; null when it was set, else the bundle key of what is
     * wrong. An empty passphrase, typed twice, removes it.
     */
    public String setTeamPassphrase(String first, String second) {
        String a = first == null ? "" : first;
        if (!a.equals(second == null ? "" : second)) {
            return "sync.passphrase.problem.differ";
        }
        if (!a.isEmpty() && a.strip().length() < MIN_PASSPHRASE) {
            return "sync.passphrase.problem.short";
        }
        tasks.run(
                () -> {
                    sync.team().setTeamPassphrase(a.isEmpty() ? null : a);
                    return null;
                },
                done -> {
                    status.set(i18n.get(a.isEmpty() ? "sync.passphrase.removed" : "sync.passphrase.set"));
                    refresh();
                },
                onError);
        return null;
    }

    /** Long enough to withstand guessing at 600,000 PBKDF2 rounds a try: four or five words. */
    static final int MIN_PASSPHRASE = 12;

    /** A person's decision: keep the shown value, take the other, or a value of their own. */
    public void resolve(ConflictRow row, Object value) {
        tasks.run(
                () -> {
                    sync.resolve(row.conflict(), value);
                    return null;
                },
                done -> {
                    refresh();
                    onImported.run();
                },
                onError);
    }
}
