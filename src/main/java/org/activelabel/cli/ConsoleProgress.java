package org.activelabel.cli;

import java.io.PrintStream;
import org.activelabel.progress.ProgressSink;

/** Progress on stderr, one line rewritten in place at most five times a second. */
final class ConsoleProgress implements ProgressSink {

    private final PrintStream out;
    private long lastPrint;
    private boolean printed;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (done < total && now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        printed = true;
        String amount = total > 0 ? String.format("%d/%d (%d%%)", done, total, 100 * done / total) : String.valueOf(done);
        out.print("\r" + message + " " + amount + "   ");
        out.flush();
    }

    /** Ends the progress line so the next output starts on its own line. */
    synchronized void finish() {
        if (printed) {
            out.println();
            printed = false;
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
