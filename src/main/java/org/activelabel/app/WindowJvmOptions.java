package org.activelabel.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The JVM options the window runs with ({@code window-jvm.options} beside this class, which the installer reads
 * too), fitted to the JVM at hand: a heap size the caller chose is kept, and on a JVM built without Shenandoah the
 * collector options are left out (the JVM's default collector runs instead of the window failing to start).
 */
public final class WindowJvmOptions {

    static final String RESOURCE = "window-jvm.options";

    private WindowJvmOptions() {
    }

    /** The options to add to {@code given}, the options this JVM was started with. */
    public static List<String> forRelaunch(List<String> given) {
        return fitted(read(), given, shenandoahAvailable());
    }

    static List<String> fitted(List<String> options, List<String> given, boolean shenandoah) {
        boolean heapGiven = given.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAMPercentage"));
        var out = new ArrayList<String>();
        for (var option : options) {
            if (heapGiven && option.startsWith("-Xmx")) {
                continue;
            }
            if (!shenandoah && (option.contains("Shenandoah") || option.equals("-XX:+UnlockExperimentalVMOptions"))) {
                continue;
            }
            out.add(option);
        }
        return out;
    }

    /** The options of the resource: one a line, blank lines and # comments left out. */
    static List<String> read() {
        var in = Objects.requireNonNull(WindowJvmOptions.class.getResourceAsStream(RESOURCE), RESOURCE);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean shenandoahAvailable() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseShenandoahGC");
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
