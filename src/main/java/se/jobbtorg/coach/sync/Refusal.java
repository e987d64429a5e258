package se.jobbtorg.coach.sync;

import java.util.Locale;
import se.jobbtorg.coach.store.sync.ChangeRefusal;

/**
 * Why a caseload package is refused (src/docs/caseload-package.md). Each has a stable code, which
 * the command line prints for scripts, and a sentence in the bundles (sync.refused.CODE) whose
 * arguments are the exception's {@code args}.
 */
public enum Refusal {
    // Reading the file and its entries.
    NOT_FOUND,
    NOT_A_PACKAGE,
    UNREADABLE,
    TOO_LARGE,
    BAD_ENTRY_NAME,
    DUPLICATE_ENTRY,
    UNKNOWN_ENTRY,
    NO_MANIFEST,
    UNKNOWN_FORMAT,
    UNKNOWN_FORMAT_VERSION,
    UNKNOWN_CODE_LIST,
    MISSING_ENTRY,
    UNLISTED_ENTRY,
    CHECKSUM,
    COUNT,
    SCHEMA,
    NOT_JSON,
    // Encryption and signatures.
    DECRYPTION,
    UNKNOWN_ENCRYPTION,
    NOT_FOR_US,
    FOR_ANOTHER_READER,
    FOR_TEAM_LEADS,
    TEAM_PASSPHRASE,
    SIGNATURE,
    STATEMENT_SIGNATURE,
    NO_READERS,
    // Who made it.
    SIGNATURE_KEY,
    NOT_ADMITTED,
    UNSIGNED_NOT_ADMITTED,
    WITHDRAWN,
    SAME_DEVICE,
    RELAY_NOT_ADMITTED,
    // Where it fits in the producer's log.
    GAP,
    BAD_SEQUENCE,
    // The merge of its changes.
    UNKNOWN_ENTITY,
    UNKNOWN_FIELD,
    MISSING_RECORD,
    FUTURE_STAMP,
    INVALID_VALUE,
    ORPHAN,
    INCOMPLETE;

    /** The stable code: what the command line prints after reason=. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the sentence that says why, in words. */
    public String key() {
        return "sync.refused." + code();
    }

    /** The refusal of a package whose change the store could not apply. */
    public static Refusal of(ChangeRefusal reason) {
        return switch (reason) {
            case UNKNOWN_ENTITY -> UNKNOWN_ENTITY;
            case UNKNOWN_FIELD -> UNKNOWN_FIELD;
            case MISSING_RECORD -> MISSING_RECORD;
            case FUTURE_STAMP -> FUTURE_STAMP;
            case INVALID_VALUE -> INVALID_VALUE;
            case ORPHAN -> ORPHAN;
            case INCOMPLETE -> INCOMPLETE;
        };
    }
}
