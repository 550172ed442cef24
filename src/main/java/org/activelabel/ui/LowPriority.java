package org.activelabel.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the priority of background threads so the FX and render threads win the CPU on a busy
 * machine. Java priorities map to the OS on Windows and macOS; Linux ignores them, so there the
 * thread's nice value is raised (which needs no privileges) through {@code renice}.
 */
final class LowPriority {

    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread ids already lowered, so a second call spawns nothing. */
    private static final Set<String> LOWERED = ConcurrentHashMap.newKeySet();

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
            renice(nice, List.of(Files.readSymbolicLink(THREAD_SELF).getFileName().toString()));
        } catch (IOException e) {
            LOG.debug("Could not lower the priority of {}", Thread.currentThread().getName(), e);
        }
    }

    /**
     * Applies {@code nice} to the JIT compiler threads (Linux only). In the first minutes the
     * compilers are among the busiest threads of the program, and at normal priority they take
     * CPU from the render thread while the window is in use; lowered, they compile in the gaps.
     * Compiler threads started later are started by these and inherit their priority.
     */
    static void applyToCompilerThreads(int nice) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        var tids = new ArrayList<String>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (var task : tasks.toList()) {
                var tid = task.getFileName().toString();
                if (!LOWERED.contains(tid) && isCompiler(task)) {
                    tids.add(tid);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not list the threads of this program", e);
            return;
        }
        if (!tids.isEmpty()) {
            renice(nice, tids);
            LOWERED.addAll(tids);
        }
    }

    private static boolean isCompiler(Path task) {
        try {
            // the kernel keeps 15 characters of a thread's name: "C2 CompilerThre"
            var name = Files.readString(task.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended
        }
    }

    private static void renice(int nice, List<String> tids) {
        var command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        command.addAll(tids);
        try {
            var renice = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(2, TimeUnit.SECONDS)) {
                renice.destroy();
            }
        } catch (IOException e) {
            LOG.debug("Could not lower the priority of threads {}", tids, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
