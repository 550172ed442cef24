package org.activelabel.ui.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.testfx.util.WaitForAsyncUtils;

/** An executor for the disk reads a window part hands over: they run only when the test says, on the test's thread. */
final class HeldBackReads implements Executor {

    private final Queue<Runnable> waiting = new ArrayDeque<>();

    @Override
    public void execute(Runnable read) {
        waiting.add(read);
    }

    int waiting() {
        return waiting.size();
    }

    /** Runs every read handed over so far, then lets the JavaFX thread take in their results. */
    void runAll() {
        while (!waiting.isEmpty()) {
            waiting.remove().run();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
