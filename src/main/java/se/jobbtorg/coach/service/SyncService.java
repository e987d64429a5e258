package se.jobbtorg.coach.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;
import se.jobbtorg.coach.store.LocalCopies;
import se.jobbtorg.coach.store.LocalSettings;
import se.jobbtorg.coach.store.Rectification;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.Transaction;
import se.jobbtorg.coach.store.sync.ChangeRefusedException;
import se.jobbtorg.coach.store.sync.Conflicts;
import se.jobbtorg.coach.store.sync.DeviceRegistry;
import se.jobbtorg.coach.store.sync.MergeApplier;
import se.jobbtorg.coach.store.sync.NeedToKnow;
import se.jobbtorg.coach.store.sync.OutgoingChanges;
import se.jobbtorg.coach.store.sync.Peers;
import se.jobbtorg.coach.sync.Manifest;
import se.jobbtorg.coach.sync.PackageReader;
import se.jobbtorg.coach.sync.PackageRefusedException;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.sync.PackageWriter;
import se.jobbtorg.coach.sync.Refusal;
import se.jobbtorg.coach.sync.Team;

/**
 * Exchanging caseloads as packages (src/docs/caseload-package.md): export what a peer has not
 * acknowledged (or everything), import with verification first, conflicts for a person to
 * resolve. The same code runs behind the window and the command line.
 */
public final class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());

    private final Database db;
    private final OutgoingChanges outgoing;
    private final Peers peers;
    private final Conflicts conflicts;
    private final LocalSettings settings;
    private final Clock clock;
    private final Supplier<String> user;
    private final PackageReader reader;
    private final DeviceRegistry devices;
    private final TeamDevices team;

    public SyncService(Database db, Clock clock, Supplier<String> user) {
        this(db, clock, user, new PackageReader());
    }

    public SyncService(Database db, Clock clock, Supplier<String> user, PackageReader reader) {
        this.db = db;
        this.outgoing = new OutgoingChanges(db);
        this.peers = new Peers(db);
        this.conflicts = new Conflicts(db);
        this.settings = new LocalSettings(db);
        this.clock = clock;
        this.user = user;
        this.reader = reader;
        this.devices = new DeviceRegistry(db);
        this.team = new TeamDevices(db, devices, clock, user, this::peerLabels);
    }

    /** The team's devices: who is admitted, admitting and withdrawing, the team passphrase. */
    public TeamDevices team() {
        return team;
    }

    /** What an export wrote. */
    /**
     * A package written: {@code changes} of case records, and {@code trail} entries of the audit
     * trail beside them.
     */
    public record Exported(Path file, String kind, int changes, int trail, long from, long to, long bytes) {}

    /**
     * What an import did, or would do in a dry run; {@code released}: the people and enrolments a
     * coach's laptop let go of afterwards, as another coach's now.
     */
    public record Imported(
            Path file,
            String producer,
            String user,
            String kind,
            int created,
            int updated,
            int unchanged,
            int conflicts,
            int merged,
            int trail,
            int released,
            boolean dryRun,
            boolean admitted) {}

    public String deviceId() {
        return db.deviceId();
    }

    /** Everything this database knows: a peer that has nothing from us needs this. */
    public Exported exportSnapshot(Path target, DoubleConsumer progress) throws IOException {
        return export(0, Manifest.SNAPSHOT, target, progress);
    }

    /** The changes after a sequence number of this device's log. */
    public Exported exportSince(long seq, Path target, DoubleConsumer progress) throws IOException {
        return export(seq, Manifest.DELTA, target, progress);
    }

    /** What a peer has not acknowledged yet (everything for a peer never met). */
    public Exported exportFor(String peerDevice, Path target, DoubleConsumer progress) throws IOException {
        long from = peerDevice == null
                ? 0
                : peers.all().stream()
                        .filter(p -> p.deviceId().equals(peerDevice))
                        .mapToLong(Peers.PeerProgress::acknowledged)
                        .findFirst()
                        .orElse(0);
        return export(from, from == 0 ? Manifest.SNAPSHOT : Manifest.DELTA, peerDevice, target, progress);
    }

    private Exported export(long from, String kind, Path target, DoubleConsumer progress) throws IOException {
        return export(from, kind, null, target, progress);
    }

    private Exported export(long from, String kind, String peer, Path target, DoubleConsumer progress)
            throws IOException {
        Team team = this.team.current();
        Optional<Role> role = settings.role();
        String coach = role.isPresent() ? currentCoach() : null;
        Map<String, Peers.PeerProgress> known = new HashMap<>();
        peers.all().forEach(p -> known.put(p.deviceId(), p));
        PackageWriter.Readers readers = this.team.readers(team, peer);
        if (peer == null && role.isPresent()) {
            // For the team leads: not encrypted for a device known to be a coach's.
            Map<String, String> notCoaches = new TreeMap<>(readers.devices());
            notCoaches
                    .keySet()
                    .removeIf(
                            d -> known.containsKey(d) && coachRole(known.get(d).role()));
            readers = new PackageWriter.Readers(notCoaches, readers.passphrase(), readers.producerAgreementKey());
        }
        if (!readers.anyone()) {
            // Encrypted for this laptop alone, the package would be of no use to anyone else.
            throw new PackageRefusedException(Refusal.NO_READERS);
        }
        Map<String, String> withSelf = new TreeMap<>(readers.devices());
        withSelf.put(db.deviceId(), readers.producerAgreementKey());
        readers = new PackageWriter.Readers(withSelf, readers.passphrase(), readers.producerAgreementKey());
        // Whom it is for (src/docs/caseload-package.md, Need to know): a coach's device gets the
        // coach's caseload alone; a team lead's, or a device whose user's role is not known (a
        // database from before roles), everything after what it has acknowledged.
        Peers.PeerProgress reader = peer == null ? null : known.get(peer);
        Manifest.Reader addressedTo;
        NeedToKnow.Plan[] plan = {null};
        OutgoingChanges.Source changes;
        if (reader != null && coachRole(reader.role())) {
            addressedTo = new Manifest.Reader(peer, reader.coachId(), reader.role());
            changes = outgoing.forCoach(peer, reader.coachId(), from, p -> plan[0] = p);
        } else {
            addressedTo = peer != null
                    ? new Manifest.Reader(
                            peer, reader == null ? null : reader.coachId(), reader == null ? null : reader.role())
                    : role.isPresent() ? Manifest.Reader.teamLeads() : null;
            // What the peer made itself it has: left out (the sequence range still says where we are).
            // A snapshot carries the versions a new device needs, a delta every change whole; both
            // are read from the log while the package is written, never held in memory.
            changes = Manifest.SNAPSHOT.equals(kind) ? outgoing.snapshot(peer) : outgoing.delta(from, peer);
        }
        Manifest written = PackageWriter.write(
                changes,
                kind,
                db.deviceId(),
                user.get(),
                clock.instant(),
                target,
                progress,
                this.team.signer(),
                readers,
                team.counted(),
                new PackageWriter.Addressing(coach, role.map(Role::code).orElse(null), addressedTo));
        long bytes = Files.size(target);
        int trail = written.counts().getOrDefault(SyncEntities.TRAIL, 0);
        int lines = written.counts().entrySet().stream()
                .filter(c -> !c.getKey().equals(PackageWriter.DEVICES_COUNT))
                .filter(c -> !c.getKey().equals(SyncEntities.TRAIL))
                .mapToInt(Map.Entry::getValue)
                .sum();
        db.write(tx -> {
            if (plan[0] != null) {
                NeedToKnow.sent(tx, plan[0], written.sequence().to());
            }
            return AuditTrail.record(tx, AuditAction.PACKAGE_EXPORTED, About.detail(written.packageId()));
        });
        int others = withSelf.size() - 1;
        boolean passphrase = readers.passphrase() != null;
        LOG.info(() -> "exported " + kind + " changes=" + lines + " bytes=" + bytes + " devices=" + others
                + " passphrase=" + passphrase);
        return new Exported(
                target,
                kind,
                lines,
                trail,
                written.sequence().from(),
                written.sequence().to(),
                bytes);
    }

    /**
     * Whether this database's user is a team lead, or has no role set (a database made before
     * roles, whose packages are full copies as before): then a package "for everyone" is a full
     * copy; a coach's goes to the team lead.
     */
    public boolean teamLead() {
        return settings.role().map(Role::isTeamLead).orElse(true);
    }

    private static boolean coachRole(String role) {
        return Role.COACH.code().equals(role);
    }

    /** This database's user's coach id, or null before there is one. */
    private String currentCoach() {
        return new CoachService(db).currentCoach().map(c -> c.id().toString()).orElse(null);
    }

    /**
     * Refuses a package this device may not take: one made for another device (it holds what that
     * device's user may see, and its range counts for that device), or one made for the team
     * leads when this database's user is a coach.
     */
    private void checkReader(Manifest m, Optional<Role> role) {
        Manifest.Reader to = m.reader();
        if (to == null) {
            return;
        }
        String from = String.valueOf(m.producer().user());
        if (to.device() != null && !db.deviceId().equals(to.device())) {
            throw new PackageRefusedException(Refusal.FOR_ANOTHER_READER, from, peerLabel(String.valueOf(to.device())));
        }
        if (to.device() == null
                && Manifest.Reader.TEAM_LEAD.equals(to.role())
                && role.equals(Optional.of(Role.COACH))) {
            throw new PackageRefusedException(Refusal.FOR_TEAM_LEADS, from);
        }
    }

    /** After how long a correction's old values are blanked though some peer has not acknowledged it. */
    public static final Period RECTIFY_AFTER = Period.ofDays(90);

    private volatile Period rectifyAfter = RECTIFY_AFTER;

    /** The period after which a correction's old values go, whatever the peers have (the settings' rectificationDays). */
    public void setRectifyAfter(Period period) {
        this.rectifyAfter = period;
    }

    private Instant rectifyCutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(rectifyAfter).toInstant();
    }

    /**
     * Rectification (decision 0014): blanks in the change log the old values of people's details
     * that a correction replaced, once every peer has the correction or it is older than the
     * period; then compacts the file and replaces the backups, which still hold them. Returns how
     * many values went. Runs after every import and once a day.
     */
    public int rectify() {
        int blanked = db.write(tx -> Rectification.blank(tx, rectifyCutoff()));
        if (blanked > 0) {
            db.compactAndReplaceBackups();
            LOG.info(() -> "rectification blanked " + blanked + " old values");
        }
        return blanked;
    }

    /** A file name that says who made the package and when (local time), unique per device and second. */
    public String packageName(String who) {
        String safe = who == null ? "" : who.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        // The laptop's own time of day, as the coach reads it on the stick.
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
        return (safe.isEmpty() ? "" : safe + "-") + stamp + "-" + db.deviceId().substring(0, 8) + PackageWriter.SUFFIX;
    }

    /** Packages in a folder made by other devices, oldest first. */
    public List<Path> packagesIn(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        String own = db.deviceId().substring(0, 8) + PackageWriter.SUFFIX;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PackageWriter.SUFFIX)) {
            for (Path f : files) {
                if (!f.getFileName().toString().endsWith(own)) {
                    found.add(f);
                }
            }
        }
        // Oldest first, so a producer's packages come in the order it wrote them.
        found.sort(Comparator.comparing((Path f) -> {
                    try {
                        return Files.getLastModifiedTime(f);
                    } catch (IOException e) {
                        return FileTime.fromMillis(0);
                    }
                })
                .thenComparing(Path::toString));
        return found;
    }

    /**
     * Verifies the package, then applies it in one transaction. A refused package changes
     * nothing; a dry run does all the work and rolls it back.
     *
     * @throws PackageRefusedException with a reason code the screens and the command line name
     */
    public Imported importPackage(Path file, boolean dryRun, DoubleConsumer progress) {
        progress.accept(0.05);
        // First pass: every check, nothing held; the second pass, inside the transaction, reads
        // the changes again (checking them again) and applies them as they come. A signed package
        // applied here before is checked but for its lines (PackageReader.verify), as it is not
        // applied again.
        try (PackageReader.Checked checked = reader.verify(file, team.keyring(), this::appliedBefore)) {
            progress.accept(0.3);
            return importChecked(file, checked, dryRun, progress);
        } catch (NotAppliedBefore e) {
            // Not noted as applied after all (a database put back from a backup meanwhile):
            // nothing was changed; checked in full and imported as any package.
            try (PackageReader.Checked checked = reader.verify(file, team.keyring())) {
                return importChecked(file, checked, dryRun, progress);
            }
        } finally {
            progress.accept(1);
        }
    }

    private boolean appliedBefore(Manifest m) {
        return peers.imported(
                m.packageId(),
                m.producer().device(),
                m.kind(),
                m.sequence().from(),
                m.sequence().to());
    }

    /** A package checked but for its lines turned out not to be applied here: check it in full. */
    private static final class NotAppliedBefore extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAppliedBefore() {
            super(null, null, false, false);
        }
    }

    private Imported importChecked(Path file, PackageReader.Checked checked, boolean dryRun, DoubleConsumer progress) {
        Manifest m = checked.manifest();
        PackageReader.Verified verified = checked.withoutChanges();
        String producer = m.producer().device();
        Optional<Role> role = settings.role();
        if (!producer.equals(db.deviceId())) {
            checkReader(m, role);
        }
        // A coach's laptop lets go of what is no longer the coach's (decision 0013); a database
        // whose user has no role set (made before roles) keeps everything, as before.
        String releaseFor = role.equals(Optional.of(Role.COACH)) ? currentCoach() : null;
        if (!dryRun && !producer.equals(db.deviceId())) {
            // A package can change much at once: the day's backup first, if the day has none yet.
            // Not one per import: at city size a full copy takes over a minute (decision 0010).
            db.backupIfDue("import");
        }
        int[] compact = {0};
        try {
            Imported imported = db.write(tx -> {
                if (producer.equals(db.deviceId())) {
                    // Our own package: every change in it is ours already, unless another
                    // database copied from this one's file wrote it (same device id, same keys).
                    if (checked.linesChecked() && madeOnACopy(tx, checked)) {
                        throw new PackageRefusedException(
                                Refusal.SAME_DEVICE, String.valueOf(m.producer().user()), shortId(producer));
                    }
                    return result(file, m, checked.changeCount(), trailCount(m), dryRun);
                }
                if (m.sequence().from() > m.sequence().to()
                        || Manifest.SNAPSHOT.equals(m.kind()) && m.sequence().from() != 0) {
                    // A "snapshot" that starts later would skip changes nobody would ask for again.
                    throw new PackageRefusedException(
                            Refusal.BAD_SEQUENCE,
                            String.valueOf(m.sequence().from()),
                            String.valueOf(m.sequence().to()));
                }
                // The statements it carries first: one may admit the producer (the lead's admission
                // of a coach, relayed by the coach). Each counts only if its maker is admitted here.
                checked.statements().forEach(st -> devices.add(tx, TeamDevices.stored(st)));
                Team team = this.team.of(devices.statements(tx));
                boolean admitted = team.admits(producer, checked.publicKey());
                if (!admitted && !dryRun) {
                    throw refusal(team, verified);
                }
                // Applied whole before (the record is written in the transaction that applied it):
                // every change of it is here, so none is questioned and none need be read again.
                boolean seen = checked.signed()
                        && Peers.imported(
                                tx,
                                m.packageId(),
                                producer,
                                m.kind(),
                                m.sequence().from(),
                                m.sequence().to());
                if (!seen && !checked.linesChecked()) {
                    throw new NotAppliedBefore();
                }
                String relayed = admitted && !seen ? notVouchedFor(tx, team, checked) : null;
                if (relayed != null && !dryRun) {
                    throw new PackageRefusedException(
                            Refusal.RELAY_NOT_ADMITTED,
                            label(team, relayed),
                            String.valueOf(m.producer().user()));
                }
                Peers.PeerProgress peer = Peers.of(tx, producer);
                if (Manifest.DELTA.equals(m.kind()) && m.sequence().from() > peer.receivedThrough()) {
                    throw new PackageRefusedException(
                            Refusal.GAP,
                            String.valueOf(m.producer().user()),
                            String.valueOf(peer.receivedThrough() + 1),
                            String.valueOf(m.sequence().from()));
                }
                // A package for a coach's laptop that ends where what it has from the producer
                // already reaches is stale: a later package carried all of it again, as it stood
                // then. Applied, it would bring back the old version of what this laptop has let
                // go of since (an enrolment given to another coach): it changes nothing.
                boolean forThisCoach = releaseFor != null
                        || m.reader() != null
                                && db.deviceId().equals(m.reader().device())
                                && coachRole(m.reader().role());
                boolean stale = forThisCoach && m.sequence().to() <= peer.receivedThrough();
                long before = Transaction.lastSeq(tx.dsl());
                MergeApplier.Counts counts = seen || stale
                        ? MergeApplier.Counts.allUnchanged(checked.changeCount(), trailCount(m))
                        : apply(tx, checked, progress);
                if (releaseFor != null
                        && checked.signed()
                        && Role.TEAM_LEAD.code().equals(m.producer().role())) {
                    // What a lead's package brought, the lead has: this laptop may let go of it.
                    LocalCopies.relayedByLead(tx, before + 1, Transaction.lastSeq(tx.dsl()));
                }
                Map<String, Long> received = m.received() == null ? Map.of() : m.received();
                // What the producer says it has of ours decides where our next delta for it starts:
                // believed only when signed, so an unsigned package cannot make us leave changes out.
                long acknowledged = checked.signed() ? received.getOrDefault(db.deviceId(), 0L) : 0L;
                Peers.recordExchange(
                        tx,
                        producer,
                        m.producer().user(),
                        m.sequence().to(),
                        acknowledged,
                        m.producer().coach(),
                        m.producer().role());
                int released = releaseFor == null
                        ? 0
                        : LocalCopies.releaseNotMine(
                                        tx, UUID.fromString(releaseFor), Peers.leads(tx), Peers.leadAcknowledged(tx))
                                .size();
                devices.saw(tx, this.team.seen(verified));
                Peers.recordImport(
                        tx,
                        m.packageId(),
                        producer,
                        m.kind(),
                        m.sequence().from(),
                        m.sequence().to(),
                        counts);
                Imported result = new Imported(
                        file,
                        producer,
                        m.producer().user(),
                        m.kind(),
                        counts.created(),
                        counts.updated(),
                        counts.unchanged(),
                        counts.conflicts(),
                        counts.merged(),
                        counts.trail(),
                        released,
                        dryRun,
                        admitted && relayed == null);
                if (dryRun) {
                    throw new DryRun(result);
                }
                AuditTrail.record(tx, AuditAction.PACKAGE_IMPORTED, About.detail(m.packageId()));
                compact[0] = counts.purges() + released;
                return result;
            });
            // The package may have brought acknowledgements: corrections every peer has now.
            int blanked = db.write(tx -> Rectification.blank(tx, rectifyCutoff()));
            if (compact[0] > 0 || blanked > 0) {
                // People deleted at retention elsewhere, or another coach's now, or values
                // corrected: no copy of them may linger here, in free pages or in older backups.
                db.compactAndReplaceBackups();
            }
            return imported;
        } catch (DryRun d) {
            if (!d.result.admitted()) {
                // A person looking at a stranger's package may want to admit it: keep its keys.
                devices.saw(team.seen(verified));
            }
            return d.result;
        } catch (PackageRefusedException e) {
            if (NOT_ADMITTED.contains(e.refusal())) {
                // Refused, and nothing of it changed: only the device is noted, so a person can admit it.
                devices.saw(team.seen(verified));
            }
            throw e;
        }
    }

    /** The second pass: the changes read again and applied as they come, in this transaction. */
    private MergeApplier.Counts apply(Transaction tx, PackageReader.Checked checked, DoubleConsumer progress) {
        if (checked.changeCount() >= LARGE_IMPORT) {
            tx.largeWrite();
        }
        MergeApplier applier = new MergeApplier(tx);
        long total = Math.max(1, checked.changeCount());
        long[] done = {0};
        try {
            reader.changes(checked, c -> {
                applier.apply(c);
                if (++done[0] % PROGRESS_EVERY == 0) {
                    progress.accept(0.3 + 0.65 * done[0] / total);
                }
            });
            return applier.finish();
        } catch (ChangeRefusedException e) {
            throw new PackageRefusedException(
                    Refusal.of(e.reason()), e, e.args().toArray(String[]::new));
        }
    }

    private static final int PROGRESS_EVERY = 1000;

    /**
     * From how many changes an import writes with the large cache ({@link Transaction#largeWrite}):
     * a city's snapshot (3.7 million changes at 100,000 participants). At 10,000 (370,000
     * changes) the indexes still fit the usual cache: the large one gained nothing there (39.5 s
     * against 39.6 s) and took the import's resident peak from 0.83 to 1.22 GB.
     */
    static final long LARGE_IMPORT = 1_000_000;

    /** What became of one package of several: imported (or tried, in a dry run), refused, or failed unforeseen. */
    public record PackageOutcome(
            Path file, Imported imported, PackageRefusedException refused, RuntimeException failure) {
        public boolean ok() {
            return imported != null;
        }
    }

    /** Follows an import of several packages; every method has a default that does nothing. */
    public interface ImportListener {
        /** The share of the whole import done, from 0 to 1. */
        default void progressed(double done) {}

        /** One package is settled: imported, or refused for good, or failed. In the order of the result. */
        default void settled(PackageOutcome outcome) {}

        /** Asked before each package: true stops there, and what is not settled yet is left out of the result. */
        default boolean stopRequested() {
            return false;
        }
    }

    /**
     * Imports several packages, the same way for the window and the command line. Each package is
     * its own transaction: one refused or failing does not stop the others. A package refused for
     * a gap may fit once an earlier one from the same laptop is in, so the ones with a gap go round
     * again while a round brings something in; those that still have a gap are reported last.
     */
    public List<PackageOutcome> importAll(List<Path> files, boolean dryRun, ImportListener listener) {
        List<PackageOutcome> result = new ArrayList<>();
        Map<Path, PackageRefusedException> gaps = new LinkedHashMap<>();
        List<Path> waiting = new ArrayList<>(files);
        int total = Math.max(1, files.size());
        boolean progress = true;
        while (progress && !waiting.isEmpty()) {
            progress = false;
            gaps.clear();
            for (Path file : waiting) {
                if (listener.stopRequested()) {
                    return result;
                }
                int done = result.size();
                PackageOutcome outcome;
                try {
                    Imported r = importPackage(file, dryRun, p -> listener.progressed(Math.min(1, (done + p) / total)));
                    outcome = new PackageOutcome(file, r, null, null);
                    progress = true;
                } catch (PackageRefusedException e) {
                    if (e.refusal() == Refusal.GAP && !dryRun) {
                        // A dry run changes nothing, so another round could not close the gap.
                        gaps.put(file, e);
                        continue;
                    }
                    outcome = new PackageOutcome(file, null, e, null);
                } catch (RuntimeException e) {
                    // Not a refusal the format foresees: this package is reported, the others still come in.
                    LOG.log(Level.WARNING, "import of a package failed", e);
                    outcome = new PackageOutcome(file, null, null, e);
                }
                result.add(outcome);
                listener.settled(outcome);
            }
            waiting = new ArrayList<>(gaps.keySet());
        }
        for (var gap : gaps.entrySet()) {
            PackageOutcome outcome = new PackageOutcome(gap.getKey(), null, gap.getValue(), null);
            result.add(outcome);
            listener.settled(outcome);
        }
        listener.progressed(1);
        return result;
    }

    private static final Set<Refusal> NOT_ADMITTED =
            EnumSet.of(Refusal.NOT_ADMITTED, Refusal.UNSIGNED_NOT_ADMITTED, Refusal.SIGNATURE_KEY);

    /** Why a package from a device the team does not admit (with this key) is refused. */
    private PackageRefusedException refusal(Team team, PackageReader.Verified verified) {
        Manifest m = verified.manifest();
        String producer = m.producer().device();
        String who = String.valueOf(m.producer().user());
        Team.Member member = team.members().get(producer);
        if (member != null && member.withdrawn()) {
            return new PackageRefusedException(Refusal.WITHDRAWN, who);
        }
        if (!verified.signed()) {
            if (member != null && member.admitted()) {
                // Admitted with a key, and now unsigned: not the laptop it says.
                return new PackageRefusedException(Refusal.SIGNATURE_KEY, who);
            }
            return new PackageRefusedException(Refusal.UNSIGNED_NOT_ADMITTED, who, shortId(producer));
        }
        if (member != null && member.admitted()) {
            return new PackageRefusedException(Refusal.SIGNATURE_KEY, who);
        }
        return new PackageRefusedException(Refusal.NOT_ADMITTED, who, PackageSigner.fingerprint(verified.publicKey()));
    }

    /**
     * A device whose changes the package relays without the team vouching for them, or null if
     * there is none. The first pass noted each device's newest change; the team vouches for a
     * device's older changes whenever it vouches for its newest, so the package is read again
     * only when some device is in doubt, to find a change of it this database lacks.
     */
    private String notVouchedFor(Transaction tx, Team team, PackageReader.Checked checked) {
        String producer = checked.manifest().producer().device();
        Set<String> doubtful = new HashSet<>();
        checked.newestByDevice().forEach((device, millis) -> {
            if (!device.equals(producer)
                    && !device.startsWith(MergeApplier.MERGE_DEVICE + "-")
                    && !team.vouchesFor(device, millis)) {
                doubtful.add(device);
            }
        });
        if (doubtful.isEmpty()) {
            return null;
        }
        String[] first = {null};
        reader.changes(checked, c -> {
            if (first[0] == null
                    && doubtful.contains(c.device())
                    && !team.vouchesFor(c.device(), Long.parseLong(c.stamp().substring(0, 13)))
                    && !MergeApplier.known(tx, c)) {
                first[0] = c.device();
            }
        });
        return first[0];
    }

    /**
     * Whether a package under this device's id carries a change of this device that it never
     * made: two databases copied from one file share the id, and each would otherwise take the
     * other's packages for its own and silently leave them out.
     */
    private boolean madeOnACopy(Transaction tx, PackageReader.Checked checked) {
        String me = db.deviceId();
        boolean[] foreign = {false};
        reader.changes(checked, c -> {
            if (!foreign[0] && c.device().equals(me) && !MergeApplier.known(tx, c)) {
                foreign[0] = true;
            }
        });
        return foreign[0];
    }

    private String label(Team team, String device) {
        Team.Member m = team.members().get(device);
        return m != null && m.label() != null ? m.label() : shortId(device);
    }

    private static String shortId(String device) {
        return TeamDevices.shortId(device);
    }

    private static Imported result(Path file, Manifest m, long changes, int trail, boolean dryRun) {
        return new Imported(
                file,
                m.producer().device(),
                m.producer().user(),
                m.kind(),
                0,
                0,
                (int) changes - trail,
                0,
                0,
                trail,
                0,
                dryRun,
                true);
    }

    private static int trailCount(Manifest m) {
        return m.counts().getOrDefault(SyncEntities.TRAIL, 0);
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Imported result;

        DryRun(Imported result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * A field whose versions disagree: the one shown, the others with another value (newest
     * first), and every version the person is deciding over (equal values too).
     */
    public record Conflict(
            String entity,
            String recordId,
            String field,
            CompetingValue shown,
            List<CompetingValue> others,
            List<String> versions) {}

    /** One version of a field: its stamp, the device it was made on, its value. */
    public record CompetingValue(String stamp, String device, Object value) {}

    /** Another laptop met through packages: its device id and the name its packages gave. */
    public record Peer(String deviceId, String label) {}

    public List<Conflict> conflicts() {
        return conflicts.all().stream()
                .map(c -> new Conflict(
                        c.entity(),
                        c.recordId(),
                        c.field(),
                        version(c.shown()),
                        c.others().stream().map(SyncService::version).toList(),
                        c.versions()))
                .toList();
    }

    private static CompetingValue version(Conflicts.StoredValue v) {
        return new CompetingValue(v.stamp(), v.device(), v.value());
    }

    /** A person's choice for a field in conflict: one of the versions, or a value merged from them. */
    public void resolve(Conflict conflict, Object value) {
        db.write(tx -> {
            // The versions the person decided over: one that came in since stays in conflict.
            List<String> seen = new ArrayList<>(conflict.versions());
            seen.add(conflict.shown().stamp());
            conflict.others().forEach(o -> seen.add(o.stamp()));
            Conflicts.resolve(tx, conflict.entity(), conflict.recordId(), conflict.field(), value, seen);
            AuditTrail.record(tx, AuditAction.CONFLICT_RESOLVED, conflictAbout(tx, conflict));
            return null;
        });
    }

    /** Which records a decided conflict was about, for its audit entry. */
    private About conflictAbout(Transaction tx, Conflict conflict) {
        UUID id = UUID.fromString(conflict.recordId());
        return switch (conflict.entity()) {
            case "participant" -> About.participant(id);
            case "enrolment" ->
                About.enrolment(
                        new EnrolmentRepository(db)
                                .find(tx, id)
                                .map(Enrolment::participantId)
                                .orElse(null),
                        id);
            default -> new About(null, null, id, conflict.entity());
        };
    }

    public Optional<Path> syncFolder() {
        return settings.syncFolder().map(Path::of);
    }

    public void setSyncFolder(Path folder) {
        settings.setSyncFolder(folder.toAbsolutePath().toString());
    }

    /** Who a conflict's record is about, in words. */
    public String describe(Conflict conflict) {
        return conflicts.describe(conflict.entity(), conflict.recordId());
    }

    /** The label a peer's packages gave (the coach's name), or its device id. */
    public String peerLabel(String deviceId) {
        return peerLabels().apply(deviceId);
    }

    /** Labels for many devices, from one reading of the peers (a conflict list names many). */
    public UnaryOperator<String> peerLabels() {
        Map<String, String> labels = new HashMap<>();
        peers.all().stream().filter(p -> p.label() != null).forEach(p -> labels.put(p.deviceId(), p.label()));
        String me = db.deviceId();
        return deviceId -> {
            if (deviceId.startsWith(MergeApplier.MERGE_DEVICE)) {
                return deviceId;
            }
            if (deviceId.equals(me)) {
                return user.get();
            }
            return labels.getOrDefault(deviceId, deviceId.substring(0, Math.min(8, deviceId.length())));
        };
    }

    public List<Peer> peers() {
        return peers.all().stream().map(p -> new Peer(p.deviceId(), p.label())).toList();
    }
}
