package se.jobbtorg.coach.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.sync.DeviceRegistry;
import se.jobbtorg.coach.sync.DeviceStatement;
import se.jobbtorg.coach.sync.Manifest;
import se.jobbtorg.coach.sync.PackageReader;
import se.jobbtorg.coach.sync.PackageSigner;
import se.jobbtorg.coach.sync.PackageWriter;
import se.jobbtorg.coach.sync.Team;

/**
 * The team's devices as this laptop knows them (decision 0005): the list with fingerprints,
 * admitting and withdrawing (signed statements that travel in packages), the team passphrase,
 * and for {@link SyncService} this device's keys and whom a package is encrypted for.
 */
public final class TeamDevices {
    private static final Logger LOG = Logger.getLogger(TeamDevices.class.getName());

    private final Database db;
    private final DeviceRegistry devices;
    private final Clock clock;
    private final Supplier<String> user;
    private final Supplier<UnaryOperator<String>> peerLabels;

    TeamDevices(
            Database db,
            DeviceRegistry devices,
            Clock clock,
            Supplier<String> user,
            Supplier<UnaryOperator<String>> peerLabels) {
        this.db = db;
        this.devices = devices;
        this.clock = clock;
        this.user = user;
        this.peerLabels = peerLabels;
    }

    /** How a device stands with the team, as this laptop sees it. */
    public enum Standing {
        THIS_DEVICE,
        ADMITTED,
        UNSIGNED,
        WITHDRAWN,
        NOT_ADMITTED
    }

    /**
     * One of the team's devices, or one whose package was seen: its name, the fingerprint of the
     * key its packages are signed with (null: unsigned), how it stands, and who admitted it.
     */
    public record Device(String deviceId, String label, String fingerprint, Standing standing, String admittedBy) {}

    /** This laptop first, then every device admitted, withdrawn or only seen, by name. */
    public List<Device> devices() {
        Team team = current();
        UnaryOperator<String> labels = peerLabels.get();
        List<Device> list = new ArrayList<>();
        list.add(new Device(
                db.deviceId(),
                user.get(),
                PackageSigner.fingerprint(devices.signingKeys().publicKey()),
                Standing.THIS_DEVICE,
                null));
        Map<String, DeviceRegistry.Seen> seen = new LinkedHashMap<>();
        devices.seen().forEach(d -> seen.put(d.deviceId(), d));
        Set<String> ids = new TreeSet<>(seen.keySet());
        ids.addAll(team.members().keySet());
        ids.remove(db.deviceId());
        List<Device> others = new ArrayList<>();
        for (String id : ids) {
            Team.Member m = team.members().get(id);
            DeviceRegistry.Seen s = seen.get(id);
            String label = m != null && m.label() != null
                    ? m.label()
                    : s != null && s.label() != null ? s.label() : shortId(id);
            Standing standing;
            String key;
            if (m != null && m.withdrawn()) {
                standing = Standing.WITHDRAWN;
                key = m.signingKeys().stream().sorted().findFirst().orElse(null);
            } else if (m != null
                    && m.admitted()
                    && (s == null
                            || s.signingKey() == null && m.unsigned()
                            || s.signingKey() != null && m.signingKeys().contains(s.signingKey()))) {
                standing = m.signingKeys().isEmpty() ? Standing.UNSIGNED : Standing.ADMITTED;
                key = s != null && s.signingKey() != null
                        ? s.signingKey()
                        : m.signingKeys().stream().sorted().findFirst().orElse(null);
            } else {
                // Never admitted, or its last package came with a key the team has not admitted.
                standing = Standing.NOT_ADMITTED;
                key = s == null ? null : s.signingKey();
            }
            String by = m == null || m.admittedBy() == null ? null : labels.apply(m.admittedBy());
            others.add(new Device(id, label, PackageSigner.fingerprint(key), standing, by));
        }
        others.sort(Comparator.comparing((Device d) -> d.label().toLowerCase(Locale.ROOT))
                .thenComparing(Device::deviceId));
        list.addAll(others);
        return list;
    }

    /**
     * Admits a device whose package was seen here, with the key (and name) that package came
     * with: a person has compared the fingerprint with its owner. A device seen only unsigned is
     * admitted as unsigned (another system's export).
     */
    public void admit(String deviceId) {
        DeviceRegistry.Seen s = devices.seen(deviceId).orElseThrow(() -> new MissingRecordException("device"));
        decide(
                deviceId,
                s.signingKey() != null ? DeviceStatement.ADMITTED : DeviceStatement.UNSIGNED,
                s.signingKey(),
                s.agreementKey(),
                s.label());
    }

    /** Admits a source of unsigned packages (another system's export) under the device id it writes. */
    public void admitUnsigned(String deviceId, String label) {
        decide(deviceId, DeviceStatement.UNSIGNED, null, null, label);
    }

    /** Admits a device by its keys, known some other way (a test; a team lead's script). */
    public void admit(String deviceId, String signingKey, String agreementKey, String label) {
        decide(deviceId, DeviceStatement.ADMITTED, signingKey, agreementKey, label);
    }

    /** Withdraws a device (a stolen laptop): from now on its packages are refused here and wherever this travels. */
    public void withdraw(String deviceId) {
        if (deviceId.equals(db.deviceId())) {
            throw new IllegalArgumentException("a laptop cannot withdraw itself");
        }
        decide(deviceId, DeviceStatement.WITHDRAWN, null, null, null);
    }

    private void decide(String subject, String status, String signingKey, String agreementKey, String label) {
        DeviceStatement st = DeviceStatement.sign(
                subject,
                status,
                signingKey,
                agreementKey,
                label,
                db.deviceId(),
                clock.instant().toString(),
                signer());
        db.write(tx -> {
            devices.add(tx, stored(st));
            return AuditTrail.record(
                    tx,
                    DeviceStatement.WITHDRAWN.equals(status)
                            ? AuditAction.DEVICE_WITHDRAWN
                            : AuditAction.DEVICE_ADMITTED,
                    About.detail(subject));
        });
        LOG.info(() -> "device " + shortId(subject) + " " + status);
    }

    /** This laptop's signing key (Base64 X.509) and X25519 key: what another admits it by. */
    public String[] ownPublicKeys() {
        return new String[] {
            devices.signingKeys().publicKey(), devices.agreementKeys().publicKey()
        };
    }

    public boolean hasTeamPassphrase() {
        return devices.teamPassphrase().isPresent();
    }

    /** Sets the team passphrase (the same on every laptop of the team); blank removes it. */
    public void setTeamPassphrase(String passphrase) {
        devices.setTeamPassphrase(passphrase == null || passphrase.isBlank() ? null : passphrase);
    }

    /**
     * Whom a package is encrypted for (besides this laptop): for everyone, every admitted device
     * whose X25519 key is known, and the team passphrase if set; for one peer, that peer, and the
     * team passphrase if set and the peer's key is not known yet.
     */
    PackageWriter.Readers readers(Team team, String peer) {
        Map<String, String> keys = agreementKeys(team);
        String passphrase = devices.teamPassphrase().orElse(null);
        String own = devices.agreementKeys().publicKey();
        if (peer == null) {
            return new PackageWriter.Readers(keys, passphrase, own);
        }
        if (team.withdrawn(peer)) {
            // A withdrawn laptop gets nothing it could read, not even through the passphrase.
            return new PackageWriter.Readers(Map.of(), null, own);
        }
        String key = keys.get(peer);
        return key != null
                ? new PackageWriter.Readers(Map.of(peer, key), null, own)
                : new PackageWriter.Readers(Map.of(), passphrase, own);
    }

    /** The X25519 keys of admitted devices: the one the device's own signed package named, else its admission's. */
    private Map<String, String> agreementKeys(Team team) {
        Map<String, String> keys = new TreeMap<>();
        Map<String, DeviceRegistry.Seen> seen = new HashMap<>();
        devices.seen().forEach(d -> seen.put(d.deviceId(), d));
        for (Team.Member m : team.members().values()) {
            if (!m.admitted() || m.signingKeys().isEmpty()) {
                continue;
            }
            DeviceRegistry.Seen own = seen.get(m.device());
            String key =
                    own != null && own.agreementKey() != null && m.signingKeys().contains(own.signingKey())
                            ? own.agreementKey()
                            : m.agreementKey();
            if (key != null) {
                keys.put(m.device(), key);
            }
        }
        return keys;
    }

    PackageSigner signer() {
        var keys = devices.signingKeys();
        return new PackageSigner(keys.privateKey(), keys.publicKey());
    }

    PackageReader.Keyring keyring() {
        var keys = devices.agreementKeys();
        return new PackageReader.Keyring(
                db.deviceId(),
                keys.privateKey(),
                keys.publicKey(),
                () -> devices.teamPassphrase().orElse(null));
    }

    /** The team as the statements held here make it. */
    Team current() {
        return of(devices.statements());
    }

    Team of(List<DeviceRegistry.Statement> statements) {
        return Team.of(
                db.deviceId(),
                devices.signingKeys().publicKey(),
                statements.stream().map(TeamDevices::statement).toList());
    }

    private static DeviceStatement statement(DeviceRegistry.Statement s) {
        return new DeviceStatement(
                s.subject(),
                s.status(),
                s.signingKey(),
                s.agreementKey(),
                s.label(),
                s.decidedBy(),
                s.deciderKey(),
                s.stamp(),
                s.signature());
    }

    static DeviceRegistry.Statement stored(DeviceStatement s) {
        return new DeviceRegistry.Statement(
                s.subject(),
                s.status(),
                s.signingKey(),
                s.agreementKey(),
                s.label(),
                s.decidedBy(),
                s.deciderKey(),
                s.stamp(),
                s.signature());
    }

    DeviceRegistry.Seen seen(PackageReader.Verified verified) {
        Manifest m = verified.manifest();
        return new DeviceRegistry.Seen(
                m.producer().device(),
                DeviceStatement.cleanLabel(m.producer().user()),
                verified.publicKey(),
                m.producer().agreementKey(),
                clock.instant().toString());
    }

    static String shortId(String device) {
        return device.substring(0, Math.min(8, device.length()));
    }
}
