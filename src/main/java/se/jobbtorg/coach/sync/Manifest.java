package se.jobbtorg.coach.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a caseload package (src/docs/caseload-package.md): what the package is, who
 * made it, which slice of the producer's change log it carries, the SHA-256 of every entry as
 * stored, and (format version 2) how its entries are encrypted and for whom.
 *
 * @param received how far the producer has the change logs of other devices; a receiver reads
 *     its own entry as the producer's acknowledgement, where its next delta for them starts
 * @param encryption null in a plain package (format version 1, or another system's version 2)
 * @param reader (version 3) whom the package was made for: one device (its records filtered to
 *     what that device's user may see), or any team lead; null: no one in particular
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        String format,
        int formatVersion,
        String packageId,
        Producer producer,
        String createdAt,
        String kind,
        Sequence sequence,
        Map<String, Integer> codeLists,
        Map<String, Integer> counts,
        Map<String, String> entries,
        Map<String, Long> received,
        Encryption encryption,
        Reader reader) {

    public static final String FORMAT = "jobbtorg-caseload-package";
    public static final int FORMAT_VERSION = 4;
    /** The versions this program reads: 1 (plain), 2 (encrypted), 3 (addressed), 4 (meeting places). */
    public static final List<Integer> READABLE_VERSIONS = List.of(1, 2, 3, 4);

    /** A manifest without a reader (versions 1 and 2, or another system's). */
    public Manifest(
            String format,
            int formatVersion,
            String packageId,
            Producer producer,
            String createdAt,
            String kind,
            Sequence sequence,
            Map<String, Integer> codeLists,
            Map<String, Integer> counts,
            Map<String, String> entries,
            Map<String, Long> received,
            Encryption encryption) {
        this(
                format,
                formatVersion,
                packageId,
                producer,
                createdAt,
                kind,
                sequence,
                codeLists,
                counts,
                entries,
                received,
                encryption,
                null);
    }

    public static final String DELTA = "delta";
    public static final String SNAPSHOT = "snapshot";

    /**
     * The device (and its user) whose change log the package is a slice of; from version 2 also
     * its X25519 public key (Base64 X.509), so a reader can encrypt its answer to it; from version
     * 3 the user's coach id and role, so a reader knows what its packages for this device may hold.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Producer(String device, String user, String agreementKey, String coach, String role) {
        public Producer(String device, String user) {
            this(device, user, null, null, null);
        }

        public Producer(String device, String user, String agreementKey) {
            this(device, user, agreementKey, null, null);
        }
    }

    /**
     * Whom a version 3 package was made for. {@code device} set: that device alone may import it
     * (it holds what that device's user may see, and its sequence range is counted as that
     * device's); {@code device} null and role {@code team_lead}: any team lead's device.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reader(String device, String coach, String role) {
        /** The role codes, as {@code domain.Role} has them. */
        public static final String TEAM_LEAD = "team_lead";

        public static final String COACH = "coach";

        /** For any team lead: a full copy, or a coach's package to the lead. */
        public static Reader teamLeads() {
            return new Reader(null, null, TEAM_LEAD);
        }
    }

    /** The producer's log sequence numbers carried: after {@code from}, up to and with {@code to}. */
    public record Sequence(long from, long to) {}

    /**
     * How the entries are encrypted: every entry listed in {@code entries} is, under one content
     * key, wrapped once per reader.
     */
    public record Encryption(String aead, int chunkSize, String ephemeralKey, List<Recipient> recipients) {}

    /**
     * One reader of the content key: a device (type "device", its id, the X25519 key used) or the
     * team passphrase (type "passphrase", PBKDF2 salt and iterations).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(
            String type,
            String device,
            String agreementKey,
            String kdf,
            Integer iterations,
            String salt,
            String wrappedKey) {
        public static final String DEVICE = "device";
        public static final String PASSPHRASE = "passphrase";
    }
}
