package se.jobbtorg.coach.store;

import java.time.Clock;

/**
 * Version stamps that order changes totally across laptops: wall-clock milliseconds, a counter
 * for changes within one millisecond (or while the wall clock stands still or runs back), and
 * the device id as the tie-breaker. Stamps are fixed-width text, so text order is stamp order.
 */
public final class HybridLogicalClock {
    private static final int MAX_COUNTER = 9999;
    private static final long MAX_MILLIS = 9_999_999_999_999L;

    private final Clock clock;
    private final String deviceId;
    private long lastMillis;
    private int counter;

    public HybridLogicalClock(Clock clock, String deviceId, String lastStamp) {
        this.clock = clock;
        this.deviceId = deviceId;
        if (lastStamp != null) {
            observe(lastStamp);
        }
    }

    /** A new stamp, greater than every stamp this clock has issued or observed. */
    public synchronized String tick() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > MAX_COUNTER) {
            lastMillis++;
            counter = 0;
        }
        if (lastMillis > MAX_MILLIS) {
            // Thirteen digits keep text order time order; a stamp past them would break both.
            throw new IllegalStateException("the clock has run past the year 2286");
        }
        return format(lastMillis, counter, deviceId);
    }

    /** Moves the clock past a stamp seen elsewhere (from the log at start, or from a package). */
    public synchronized void observe(String stamp) {
        long millis = Long.parseLong(stamp.substring(0, 13));
        int count = Integer.parseInt(stamp.substring(14, 18));
        if (millis > lastMillis || (millis == lastMillis && count > counter)) {
            lastMillis = millis;
            counter = count;
        }
    }

    public static String format(long millis, int counter, String deviceId) {
        return String.format("%013d-%04d-%s", millis, counter, deviceId);
    }
}
