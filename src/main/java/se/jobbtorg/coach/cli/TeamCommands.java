package se.jobbtorg.coach.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.TeamDevices;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.DatabaseInUseException;
import se.jobbtorg.coach.store.WrongPassphraseException;

/**
 * The team's computers without the window, for a team lead's script or a central server that
 * started from {@code init}: list the devices met (a refused package leaves its computer in the
 * list), admit one after comparing its fingerprint with its owner (the fingerprint is typed on
 * the command line, so the comparison cannot be skipped), withdraw one, set the team passphrase.
 * Exit 0 done, 1 refused or failed, 2 wrong arguments.
 */
public final class TeamCommands {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path db;
    private final Clock clock;
    private final Passphrase passphrase;

    public TeamCommands(Path db, Clock clock, Passphrase passphrase) {
        this.db = db;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    /** One line per device: this one first, then every device admitted, withdrawn or only seen. */
    public int devices(PrintStream out, PrintStream err) {
        return withTeam(err, team -> {
            for (TeamDevices.Device d : team.devices()) {
                out.println("device id=" + d.deviceId() + " standing="
                        + d.standing().name().toLowerCase(Locale.ROOT)
                        + " fingerprint="
                        + (d.fingerprint() == null
                                ? "unsigned"
                                : d.fingerprint().replace(' ', '-'))
                        + " name=" + (d.label() == null ? "" : d.label().replace(' ', '_')));
            }
            return OK;
        });
    }

    /**
     * Admits a device whose package was seen here. fingerprint: as its owner read it out (spaces
     * or dashes between the groups, any case); null with unsigned=true for another system's export.
     */
    public int admit(String deviceId, String fingerprint, boolean unsigned, PrintStream out, PrintStream err) {
        if (deviceId == null || (fingerprint == null) == !unsigned) {
            err.println("refused reason=admit takes a DEVICE and either --fingerprint FP or --unsigned");
            return USAGE;
        }
        return withTeam(err, team -> {
            Optional<TeamDevices.Device> seen = team.devices().stream()
                    .filter(d -> d.deviceId().equals(deviceId))
                    .findFirst();
            if (seen.isEmpty() || seen.get().standing() == TeamDevices.Standing.THIS_DEVICE) {
                err.println("refused device=" + deviceId + " reason=no package from this device was seen here"
                        + " (import one first: it is refused, and the device is listed)");
                return FAILED;
            }
            TeamDevices.Device device = seen.get();
            if (device.standing() == TeamDevices.Standing.WITHDRAWN) {
                err.println("refused device=" + deviceId + " reason=withdrawn (a withdrawal is final)");
                return FAILED;
            }
            if (unsigned != (device.fingerprint() == null)) {
                err.println("refused device=" + deviceId + " reason="
                        + (unsigned
                                ? "its packages are signed: admit it by its fingerprint"
                                : "its packages are unsigned: admit it with --unsigned"));
                return FAILED;
            }
            if (!unsigned && !normal(fingerprint).equals(normal(device.fingerprint()))) {
                err.println("refused device=" + deviceId + " reason=the fingerprint differs from the one its package"
                        + " was signed with (" + device.fingerprint().replace(' ', '-') + "): do not admit it");
                return FAILED;
            }
            team.admit(deviceId);
            out.println("admitted device=" + deviceId + " fingerprint="
                    + (unsigned ? "unsigned" : device.fingerprint().replace(' ', '-')));
            return OK;
        });
    }

    /** Withdraws a device (a stolen laptop): its later packages are refused, here and wherever this travels. */
    public int withdraw(String deviceId, PrintStream out, PrintStream err) {
        if (deviceId == null) {
            err.println("refused reason=withdraw takes a DEVICE");
            return USAGE;
        }
        return withTeam(err, team -> {
            boolean known = team.devices().stream()
                    .anyMatch(d -> d.deviceId().equals(deviceId) && d.standing() != TeamDevices.Standing.THIS_DEVICE);
            if (!known) {
                err.println("refused device=" + deviceId + " reason=no such device here");
                return FAILED;
            }
            team.withdraw(deviceId);
            out.println("withdrawn device=" + deviceId);
            return OK;
        });
    }

    /** Sets the team passphrase (first contact) from the first line of a file. */
    public int teamPassphrase(Path file, PrintStream out, PrintStream err) {
        if (file == null || !Files.isRegularFile(file)) {
            err.println("refused reason=team-passphrase takes --team-passphrase-file FILE");
            return USAGE;
        }
        String line;
        try {
            line = Files.readString(file, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            err.println("failed reason=cannot read " + file);
            return FAILED;
        }
        if (line.length() < TEAM_PASSPHRASE_MIN) {
            err.println("refused reason=the team passphrase needs at least " + TEAM_PASSPHRASE_MIN + " characters");
            return FAILED;
        }
        return withTeam(err, team -> {
            team.setTeamPassphrase(line);
            out.println("team-passphrase set");
            return OK;
        });
    }

    /** As the sync screen asks (decision 0005): a passphrase others may guess at offline. */
    static final int TEAM_PASSPHRASE_MIN = 12;

    private interface Work {
        int on(TeamDevices team);
    }

    private int withTeam(PrintStream err, Work work) {
        if (DatabaseFile.refused(db, err)) {
            return FAILED;
        }
        try (Database database = Database.open(db, clock, passphrase)) {
            CoachService coaches = new CoachService(database);
            SyncService sync = new SyncService(
                    database,
                    clock,
                    () -> coaches.currentCoach().map(c -> c.name()).orElse(null));
            return work.on(sync.team());
        } catch (WrongPassphraseException e) {
            err.println("failed file=" + db + " reason=wrong passphrase");
            return FAILED;
        } catch (DatabaseInUseException e) {
            err.println("failed file=" + db + " reason=in use by another program");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("failed file=" + db + " reason=" + DatabaseFile.reason(e));
            return FAILED;
        }
    }

    private static String normal(String fingerprint) {
        return fingerprint.replaceAll("[\\s:-]", "").toUpperCase(Locale.ROOT);
    }
}
