package org.activelabel.ui.label;

import java.time.Duration;

/**
 * Runs an action after a delay on the thread that owns the state: the FX thread in the window, by
 * hand in a test, which moves time on itself.
 */
@FunctionalInterface
public interface Delays {

    /** Runs {@code action} after {@code delay} unless the returned handle is run first. */
    Runnable after(Duration delay, Runnable action);
}
