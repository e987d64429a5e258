package se.jobbtorg.coach.sync;

import java.util.Map;

/**
 * manifest.json of a caseload package (src/docs/caseload-package.md): what the package is, who
 * made it, which slice of the producer's change log it carries, and the SHA-256 of every entry.
 *
 * @param received how far the producer has the change logs of other devices; a receiver reads
 *     its own entry as the producer's acknowledgement, where its next delta for them starts
 */
public record Manifest(String format, int formatVersion, String packageId, Producer producer, String createdAt,
        String kind, Sequence sequence, Map<String, Integer> codeLists, Map<String, Integer> counts,
        Map<String, String> entries, Map<String, Long> received) {

    public static final String FORMAT = "jobbtorg-caseload-package";
    public static final int FORMAT_VERSION = 1;
    public static final String DELTA = "delta";
    public static final String SNAPSHOT = "snapshot";

    /** The device (and its user) whose change log the package is a slice of. */
    public record Producer(String device, String user) {
    }

    /** The producer's log sequence numbers carried: after {@code from}, up to and with {@code to}. */
    public record Sequence(long from, long to) {
    }
}
