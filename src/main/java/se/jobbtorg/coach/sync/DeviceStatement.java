package se.jobbtorg.coach.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decision about one of the team's devices, made by a person on some device and signed there:
 * admitted (with its signing key), admitted as unsigned (another system's export), or withdrawn
 * (a stolen laptop). One line of devices.jsonl; the signature is Ed25519 by {@code deciderKey}
 * over {@link #canonical()}, so a statement can be relayed by any device and still be checked.
 */
public record DeviceStatement(
        String subject,
        String status,
        String signingKey,
        String agreementKey,
        String label,
        String decidedBy,
        String deciderKey,
        String stamp,
        String signature) {
    public static final String ADMITTED = "admitted";
    public static final String UNSIGNED = "unsigned";
    public static final String WITHDRAWN = "withdrawn";
    public static final List<String> STATUSES = List.of(ADMITTED, UNSIGNED, WITHDRAWN);
    static final String HEADER = "jobbtorg-device-statement/1";

    /**
     * The text that is signed: the header and the eight fields, in this order, joined by one line
     * feed (no trailing one), an absent value as the empty string. No field holds a control character.
     */
    public String canonical() {
        return String.join(
                "\n",
                HEADER,
                subject,
                status,
                nz(signingKey),
                nz(agreementKey),
                nz(label),
                decidedBy,
                deciderKey,
                stamp);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The statement signed by the deciding device's signer. */
    public static DeviceStatement sign(
            String subject,
            String status,
            String signingKey,
            String agreementKey,
            String label,
            String decidedBy,
            String stamp,
            PackageSigner signer) {
        DeviceStatement unsigned = new DeviceStatement(
                subject, status, signingKey, agreementKey, cleanLabel(label), decidedBy, signer.publicKey(), stamp, "");
        return new DeviceStatement(
                subject,
                status,
                signingKey,
                agreementKey,
                unsigned.label(),
                decidedBy,
                signer.publicKey(),
                stamp,
                signer.sign(unsigned.canonical().getBytes(StandardCharsets.UTF_8)));
    }

    /** A label without control characters (they would make the signed text ambiguous), at most 200 characters. */
    public static String cleanLabel(String label) {
        if (label == null) {
            return null;
        }
        String s = label.replaceAll("\\p{Cntrl}", " ").strip();
        return s.isEmpty() ? null : s.substring(0, Math.min(200, s.length()));
    }

    /**
     * Statements already checked: every import and export works out the team from all of them,
     * and an Ed25519 check in the JDK costs about a millisecond. Keyed by the whole signed text
     * and signature, so a changed statement is checked afresh.
     */
    private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

    private static final int CHECKED_MAX = 10_000;

    /** Whether the signature holds and the fields fit together. */
    public boolean verifies() {
        String key = canonical() + "\n" + signature;
        Boolean known = CHECKED.get(key);
        if (known != null) {
            return known;
        }
        boolean result = check();
        if (CHECKED.size() >= CHECKED_MAX) {
            CHECKED.clear();
        }
        CHECKED.put(key, result);
        return result;
    }

    private boolean check() {
        if (!STATUSES.contains(status) || ADMITTED.equals(status) && signingKey == null) {
            return false;
        }
        for (String s : new String[] {subject, signingKey, agreementKey, label, decidedBy, deciderKey, stamp}) {
            if (s != null && s.chars().anyMatch(Character::isISOControl)) {
                return false;
            }
        }
        try {
            Instant.parse(stamp);
        } catch (RuntimeException e) {
            return false;
        }
        return PackageSigner.verify(deciderKey, canonical().getBytes(StandardCharsets.UTF_8), signature);
    }
}
