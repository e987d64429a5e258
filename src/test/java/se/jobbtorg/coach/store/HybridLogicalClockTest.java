package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
    private static final String DEVICE = "d0000000-0000-0000-0000-000000000001";

    @Test
    void stampsGrowWhenTheWallClockStandsStillOrRunsBack() {
        Clock early = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
        var clock = new HybridLogicalClock(Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC), DEVICE, null);
        String a = clock.tick();
        String b = clock.tick();
        assertTrue(b.compareTo(a) > 0);
        var behind = new HybridLogicalClock(early, DEVICE, b);
        assertTrue(behind.tick().compareTo(b) > 0, "a clock set back still moves forward");
    }

    @Test
    void stampsHaveAFixedWidthSoTextOrderIsTimeOrder() {
        var clock = new HybridLogicalClock(Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC), DEVICE, null);
        assertEquals("0000000000042-0000-" + DEVICE, clock.tick());
        assertEquals("0000000000042-0001-" + DEVICE, clock.tick());
    }

    @Test
    void observingARemoteStampMovesTheClockPastIt() {
        var clock = new HybridLogicalClock(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), DEVICE, null);
        String remote = "0000000009999-0007-e0000000-0000-0000-0000-000000000002";
        clock.observe(remote);
        assertTrue(clock.tick().compareTo(remote) > 0);
    }
}
