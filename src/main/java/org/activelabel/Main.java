package org.activelabel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.activelabel.app.AppLogs;
import org.activelabel.app.WindowJvmOptions;
import org.activelabel.backbone.Backbones;
import org.activelabel.session.DataFolder;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.cli.ActiveLabelCommand;
import org.activelabel.ui.DesktopLauncher;
import org.activelabel.ui.session.SessionLibrary;

/**
 * Entry point: no arguments opens the window, anything else is a command. Kept free of JavaFX
 * types so the class path start works (a main class that extends Application fails there with
 * "JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppLogs.useLogFile(args.length == 0 ? "window" : "commands");
        if (args.length == 0) {
            relaunchWithWindowOptions().ifPresent(System::exit);
            DesktopLauncher.launch(args, desktopSessions());
            System.exit(0);
        }
        System.exit(ActiveLabelCommand.run(args));
    }

    /**
     * Runs the window in a JVM with {@link WindowJvmOptions} ({@code java -jar} cannot carry JVM options) and returns
     * its exit code; empty when this JVM is that second one, its collector or an agent was chosen on the command
     * line, or the second JVM cannot start (the window then opens here). An installed app's launcher already passes the options: it never relaunches.
     */
    private static Optional<Integer> relaunchWithWindowOptions() {
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean gcChosen = given.stream().anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"));
        // a debugger or agent attached to this JVM would clash in a second one (same port, same agent)
        boolean agent = given.stream().anyMatch(a -> a.startsWith("-agentlib") || a.startsWith("-javaagent"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (gcChosen || agent || AppLogs.installed() || System.getProperty(DesktopLauncher.LAUNCHED_AT) != null || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(given); // the caller's -D and memory options stay
        command.addAll(WindowJvmOptions.forRelaunch(given));
        command.add("-D" + DesktopLauncher.LAUNCHED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        try {
            Process window = new ProcessBuilder(command).inheritIO().start();
            // stopping this JVM (Ctrl+C, kill) stops the window's, which then saves and releases its session
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                window.destroy();
                try {
                    window.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return Optional.of(window.waitFor());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** The ONNX models load only when an image needs reading: a session whose features are cached opens without one. */
    private static SessionLibrary desktopSessions() {
        Path sample = Backbones.bundledDescriptor().getParent().getParent().resolve("sample");
        return new SessionLibrary(DataFolder.get(), sample, BackboneShelf.bundled());
    }
}
