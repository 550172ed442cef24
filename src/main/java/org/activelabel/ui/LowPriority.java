package org.activelabel.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the priority of the calling background thread so the FX thread wins the CPU on a busy
 * machine. Java priorities map to the OS on Windows and macOS; Linux ignores them, so there the
 * thread's nice value is raised (which needs no privileges) through {@code renice}.
 */
final class LowPriority {

    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private LowPriority() {
    }

    /** Applies {@code nice} (1–19, higher yields more) to the current thread. */
    static void applyToCurrentThread(int nice) {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY + (nice >= 10 ? 0 : 2));
        if (!Files.isSymbolicLink(THREAD_SELF)) {
            return;
        }
        try {
            // "<pid>/task/<tid>": on Linux a thread id given to setpriority reaches that thread alone
            var tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            var renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(2, TimeUnit.SECONDS)) {
                renice.destroy();
            }
        } catch (IOException e) {
            LOG.debug("Could not lower the priority of {}", Thread.currentThread().getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
