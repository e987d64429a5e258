package se.jobbtorg.coach.service;

import se.jobbtorg.coach.store.StoreException;

/**
 * Tells the screens what kind of failure reached them without letting them see the store: the
 * database could not read or write (a lock, damage, a driver error) is one the user hears of
 * differently from a program error.
 */
public final class Failures {
    private Failures() {}

    /** True if the database failed somewhere along this failure's causes. */
    public static boolean isStoreFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True if the database said the disk under it is full (by SQLite's code, not its words). */
    public static boolean isDatabaseDiskFull(Throwable error) {
        return StoreException.diskFull(error);
    }
}
