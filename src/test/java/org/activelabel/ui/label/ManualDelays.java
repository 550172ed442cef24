package org.activelabel.ui.label;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Time that moves only when a test says so: {@link #advance} runs what came due, in order. One thread. */
final class ManualDelays implements Delays {

    private static final class Waiting {
        final long due;
        final Runnable action;
        boolean cancelled;

        Waiting(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    private final List<Waiting> waiting = new ArrayList<>();
    private long now;

    @Override
    public Runnable after(Duration delay, Runnable action) {
        var entry = new Waiting(now + delay.toMillis(), action);
        waiting.add(entry);
        return () -> entry.cancelled = true;
    }

    void advance(Duration by) {
        long end = now + by.toMillis();
        while (true) {
            waiting.removeIf(w -> w.cancelled);
            var next = waiting.stream().filter(w -> w.due <= end).min(Comparator.comparingLong(w -> w.due));
            if (next.isEmpty()) {
                break;
            }
            waiting.remove(next.get());
            now = next.get().due;
            next.get().action.run();
        }
        now = end;
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Actions still waiting for their time. */
    long pending() {
        return waiting.stream().filter(w -> !w.cancelled).count();
    }
}
