package se.jobbtorg.coach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory per phase of the bench, sampled every 20 ms on a thread of its own: the heap in use
 * and the resident set (VmRSS of /proc/self/status, Linux). One JVM runs every phase, and a JVM
 * seldom gives heap back to the system, so a phase's resident peak includes what earlier phases
 * grew; the heap in use is per phase (a full GC starts each). VmHWM is the true peak of the run.
 */
final class MemoryProbe {
    /** The peaks of one phase. */
    record Peak(long heapBytes, long residentKiB) {}

    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private long heapPeak;
    private long residentPeak;
    private Thread thread;

    void start() {
        running = true;
        thread = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-memory");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Ends a phase: its peaks, and a fresh start (after a full collection) for the next. */
    synchronized Peak phase() {
        sample();
        Peak peak = new Peak(heapPeak, residentPeak);
        System.gc();
        heapPeak = 0;
        residentPeak = 0;
        return peak;
    }

    private synchronized void sample() {
        heapPeak = Math.max(heapPeak, bean.getHeapMemoryUsage().getUsed());
        residentPeak = Math.max(residentPeak, status("VmRSS:"));
    }

    /** The highest resident set of the process so far, in KiB (0 where /proc is missing). */
    static long residentPeakKiB() {
        return status("VmHWM:");
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(
                            line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
