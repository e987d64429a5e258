package se.jobbtorg.coach.store.sync;

/**
 * Why a received change cannot be applied. The store knows nothing of packages: sync.Refusal
 * names each of these for the package the change came in.
 */
public enum ChangeRefusal {
    /** A kind of record this program does not synchronise. */
    UNKNOWN_ENTITY,
    /** A field the record does not have. */
    UNKNOWN_FIELD,
    /** A change of a record that is neither here nor made by the import. */
    MISSING_RECORD,
    /** Stamped more than a day ahead of this laptop's clock. */
    FUTURE_STAMP,
    /** A value the table or the domain does not accept. */
    INVALID_VALUE,
    /** A child whose parent is neither here nor made by the import. */
    ORPHAN,
    /** A new record without a field it must have. */
    INCOMPLETE
}
