package org.activelabel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path, its stdout collected line by line. The class path goes in an argument
 * file: a long command-line argument can crash the JVM once ONNX Runtime is loaded.
 */
final class ChildJvm implements AutoCloseable {

    private static final String END = "\u0000end";

    final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was killed mid-line: what was read is what counts
            } finally {
                lines.add(END);
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path workDir, Path stderr, String mainClass, String... args) throws IOException {
        Path argFile = workDir.resolve("classpath.args");
        if (!Files.exists(argFile)) {
            Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFile, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.awt.headless=true", mainClass));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return new ChildJvm(builder.start());
    }

    /** The next line, or null when the child ended or {@code seconds} passed. */
    String nextLine(long seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null || line.equals(END)) {
            if (line != null) {
                lines.add(END);
            }
            return null;
        }
        seen.add(line);
        return line;
    }

    /** Kills with SIGKILL and returns every line the child printed. */
    List<String> killAndCollect() throws InterruptedException {
        // through the handle: Process.destroyForcibly() also closes our end of stdout, dropping unread lines
        process.toHandle().destroyForcibly();
        return waitAndCollect();
    }

    List<String> waitAndCollect() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not end");
        }
        reader.join(10_000);
        for (String line = nextLine(0); line != null; line = nextLine(0)) {
            // nextLine records it
        }
        return List.copyOf(seen);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
