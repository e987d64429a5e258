package se.jobbtorg.coach.ui.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.AuditCsv;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.ui.common.TaskRunner;
import se.jobbtorg.coach.ui.common.UiServices;

/**
 * The team lead's access log: the audit trail filtered by user, kind, period and participant,
 * newest first, with the names of the people and users it names by id (as this database holds
 * them), the days of unusual reading in the period, and its export to CSV.
 */
public final class AuditViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One entry as the table shows it. */
    public record Row(
            AuditEntry entry,
            String at,
            String user,
            String kind,
            String action,
            String participant,
            String detail,
            String device) {}

    /** A choice in the user box: a coach, or everyone (coach null). */
    public record UserChoice(Coach coach, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A choice in the kind box: a kind, or every kind (kind null). */
    public record KindChoice(AuditAction.Kind kind, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final ObjectProperty<UserChoice> user = new SimpleObjectProperty<>();
    final ObjectProperty<KindChoice> kind = new SimpleObjectProperty<>();
    final ObservableList<UserChoice> users = FXCollections.observableArrayList();
    final ObservableList<KindChoice> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<UUID> participant = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper participantName = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> unusual = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");

    private final UiServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Throwable> onError;
    private final BiConsumer<Throwable, Path> onSaveError;
    private final IntSupplier threshold;
    private final ZoneId zone;

    public AuditViewModel(
            UiServices services,
            I18n i18n,
            IntSupplier threshold,
            Consumer<Throwable> onError,
            BiConsumer<Throwable, Path> onSaveError) {
        this.services = services;
        this.tasks = services.tasks();
        this.i18n = i18n;
        this.threshold = threshold;
        this.onError = onError;
        this.onSaveError = onSaveError;
        this.zone = services.audit().zone();
        LocalDate today = services.audit().today();
        from.set(today.minusDays(30));
        to.set(today);
        kinds.add(new KindChoice(null, i18n.get("audit.filter.allKinds")));
        for (AuditAction.Kind k : AuditAction.Kind.values()) {
            kinds.add(new KindChoice(k, AuditCsv.kind(i18n, k)));
        }
        kind.set(kinds.get(0));
        UserChoice everyone = new UserChoice(null, i18n.get("audit.filter.allUsers"));
        users.add(everyone);
        user.set(everyone);
        // Any change of the filter reads again: there is no button to forget. Not the choices
        // the read itself puts back (the users it found), or it would read for ever.
        for (var filter : List.of(from, to, user, kind)) {
            filter.addListener((o, was, now) -> {
                if (!showing) {
                    load();
                }
            });
        }
    }

    /** True while a read's result is put on screen: its changes to the choices are no new filter. */
    private boolean showing;

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> unusual() {
        return unusual;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ObjectProperty<UUID> participantProperty() {
        return participant;
    }

    public ReadOnlyStringProperty participantNameProperty() {
        return participantName.getReadOnlyProperty();
    }

    /** Only the entries about this person (null: everyone's). Reads again. */
    public void onlyParticipant(UUID id, String name) {
        participant.set(id);
        participantName.set(id == null ? "" : name);
        load();
    }

    private AuditEntry.Filter filter() {
        UserChoice u = user.get();
        KindChoice k = kind.get();
        return new AuditEntry.Filter(
                participant.get(),
                u == null || u.coach() == null ? null : u.coach().id(),
                from.get(),
                to.get(),
                k == null || k.kind() == null ? null : Set.of(k.kind()),
                zone);
    }

    private record Loaded(
            List<AuditEntry> entries,
            int total,
            Map<UUID, String> people,
            List<Coach> coaches,
            Map<String, String> devices,
            List<AuditEntry.UnusualReading> unusual) {}

    /** Which read is the latest: a slower, earlier read that ends after it is not shown. */
    private int reads;

    /** Reads the entries the filter lets through (the newest {@link AuditService#SHOWN}). */
    public void load() {
        int read = ++reads;
        AuditEntry.Filter filter = filter();
        LocalDate first =
                from.get() != null ? from.get() : services.audit().today().minusDays(30);
        LocalDate last = to.get() != null ? to.get() : services.audit().today();
        int limit = threshold.getAsInt();
        shownLimit.set(limit);
        tasks.run(
                () -> {
                    var entries = services.audit().entries(filter, AuditService.SHOWN);
                    Set<UUID> ids = new HashSet<>();
                    entries.stream()
                            .map(AuditEntry::participantId)
                            .filter(Objects::nonNull)
                            .forEach(ids::add);
                    // Named here, off the FX thread: a device's name may be read from the database.
                    UnaryOperator<String> labels = services.sync().peerLabels();
                    Map<String, String> devices = new HashMap<>();
                    entries.forEach(e -> devices.computeIfAbsent(e.deviceId(), labels));
                    return new Loaded(
                            entries,
                            services.audit().count(filter),
                            services.caseload().listNames(ids),
                            services.coaches().coaches(),
                            devices,
                            services.audit().unusualReading(first, last, limit));
                },
                loaded -> {
                    if (read == reads) {
                        show(loaded);
                    }
                },
                onError);
    }

    private void show(Loaded loaded) {
        showing = true;
        try {
            showLoaded(loaded);
        } finally {
            showing = false;
        }
    }

    private void showLoaded(Loaded loaded) {
        Map<UUID, String> names =
                loaded.coaches().stream().collect(Collectors.toMap(Coach::id, Coach::name, (a, b) -> a));
        UserChoice chosen = user.get();
        List<UserChoice> choices = new ArrayList<>();
        choices.add(users.get(0));
        loaded.coaches().forEach(c -> choices.add(new UserChoice(c, c.name())));
        users.setAll(choices);
        user.set(
                chosen == null || chosen.coach() == null
                        ? users.get(0)
                        : users.stream()
                                .filter(c -> c.coach() != null
                                        && c.coach().id().equals(chosen.coach().id()))
                                .findFirst()
                                .orElse(users.get(0)));
        rows.setAll(loaded.entries().stream()
                .map(e -> new Row(
                        e,
                        TIME.format(e.at().atZone(zone)),
                        userName(names, e.userId()),
                        AuditCsv.kind(i18n, e.action().kind()),
                        AuditCsv.action(i18n, e.action()),
                        e.participantId() == null
                                ? i18n.get("audit.noParticipant")
                                : loaded.people().getOrDefault(e.participantId(), i18n.get("audit.goneParticipant")),
                        AuditCsv.detail(i18n, e),
                        loaded.devices().getOrDefault(e.deviceId(), e.deviceId())))
                .toList());
        countText.set(
                loaded.total() > loaded.entries().size()
                        ? i18n.get(
                                "audit.countLimited",
                                loaded.total(),
                                loaded.entries().size())
                        : i18n.get("audit.count", loaded.total()));
        unusual.setAll(loaded.unusual().stream()
                .map(u -> i18n.get("audit.unusual.line", userName(names, u.userId()), u.people(), u.day()))
                .toList());
    }

    private String userName(Map<UUID, String> names, UUID id) {
        // No user: the database's first unlock, before its user was chosen.
        return id == null ? i18n.get("audit.noUser") : names.getOrDefault(id, i18n.get("audit.unknownUser"));
    }

    public int threshold() {
        return threshold.getAsInt();
    }

    /** The limit of unusual reading the shown list was read with (the settings may change it). */
    final IntegerProperty shownLimit = new SimpleIntegerProperty(AuditService.DEFAULT_UNUSUAL);

    /** Writes every entry the filter lets through (not only those shown) as CSV; the export is in the trail. */
    public void exportCsv(Path file, Consumer<Path> done) {
        AuditEntry.Filter filter = filter();
        tasks.run(
                () -> {
                    var entries = services.audit().entries(filter, Integer.MAX_VALUE);
                    Map<UUID, String> names = services.coaches().coaches().stream()
                            .collect(Collectors.toMap(Coach::id, Coach::name, (a, b) -> a));
                    new AuditCsv(i18n)
                            .write(
                                    entries,
                                    id -> names.getOrDefault(id, i18n.get("audit.unknownUser")),
                                    services.sync().peerLabels(),
                                    zone,
                                    file);
                    services.audit()
                            .reportMade(
                                    AuditAction.Report.AUDIT_TRAIL,
                                    new About(filter.participantId(), null, null, null));
                    return file;
                },
                done::accept,
                error -> onSaveError.accept(error, file));
    }
}
