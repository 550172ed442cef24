package org.activelabel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Thread priorities as the operating system sees them (Linux: the nice value in /proc). */
class LowPriorityTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void aBackgroundThreadRunsBelowTheOthers() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        assumeTrue(niceOf(currentTid()) == 0, "the tests run at normal priority");
        var nice = new AtomicInteger(Integer.MIN_VALUE);
        var thread = new Thread(() -> {
            LowPriority.applyToCurrentThread(7);
            try {
                nice.set(niceOf(currentTid()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();

        assertEquals(7, nice.get());
        assertEquals(0, niceOf(currentTid()), "the calling thread keeps its priority");
    }

    @Test
    void theJitCompilerThreadsRunBelowTheWindow() throws IOException {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        assumeTrue(niceOf(currentTid()) == 0, "the tests run at normal priority");

        LowPriority.applyToCompilerThreads(10);

        Map<String, Integer> compilers = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (var task : tasks.toList()) {
                var name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    compilers.put(name + " " + task.getFileName(), niceOf(task.getFileName().toString()));
                }
            }
        }
        assertFalse(compilers.isEmpty(), "a JIT compiler thread to look at");
        compilers.forEach((thread, nice) -> assertEquals(10, nice, thread));
    }

    private static String currentTid() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    /** Field 19 of /proc/self/task/TID/stat; the name before it is in parentheses and may hold spaces. */
    private static int niceOf(String tid) throws IOException {
        var stat = Files.readString(TASKS.resolve(tid).resolve("stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
