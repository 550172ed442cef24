package org.activelabel.ui;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread went without a pulse. An animation timer asks for a
 * pulse every frame, so a gap much longer than a frame means the thread was busy elsewhere.
 */
public final class FxStallMeter {

    private static final int CAPACITY = 1 << 16;

    private final long[] gapsNanos = new long[CAPACITY];
    private int count;
    private long last = -1;
    private long max;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            record(now);
        }
    };

    /** Starts measuring; call on the FX thread. */
    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
        synchronized (this) {
            last = -1;
        }
    }

    public synchronized void reset() {
        count = 0;
        max = 0;
        last = -1;
    }

    private synchronized void record(long now) {
        if (last >= 0) {
            long gap = now - last;
            max = Math.max(max, gap);
            gapsNanos[count % CAPACITY] = gap;
            count++;
        }
        last = now;
    }

    /** Longest gap between two pulses since the last reset, in milliseconds. */
    public synchronized double maxMillis() {
        return max / 1e6;
    }

    /** The {@code p}-th percentile (0–100) of recent pulse gaps in milliseconds; 0 before two pulses. */
    public synchronized double percentileMillis(double p) {
        int n = Math.min(count, CAPACITY);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gapsNanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1e6;
    }

    public synchronized int samples() {
        return count;
    }

    @Override
    public synchronized String toString() {
        return String.format("FX pulses: %d, gap p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                count, percentileMillis(50), percentileMillis(99), maxMillis());
    }
}
