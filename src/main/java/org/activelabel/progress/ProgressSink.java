package org.activelabel.progress;

import java.util.concurrent.CancellationException;

/**
 * Where long work reports how far it got and learns that it should stop.
 * The window adapts it to a javafx.concurrent.Task; the CLI prints it to stderr.
 */
public interface ProgressSink {

    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Called from the working thread; implementations hand it to their own thread themselves. */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} when cancelled; long loops call it once per step. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
