package org.activelabel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowJvmOptionsTest {

    @Test
    void theWindowRunsWithShenandoahABoundedHeapAndBoundedNativeArrays() {
        var options = WindowJvmOptions.fitted(WindowJvmOptions.read(), List.of(), true);

        assertTrue(options.contains("-XX:+UseShenandoahGC"), options.toString());
        assertTrue(options.contains("-XX:ShenandoahGCHeuristics=compact"), options.toString());
        assertTrue(options.contains("-Xmx3g"), options.toString());
        assertTrue(options.contains("-Dorg.bytedeco.javacpp.maxbytes=512m"), options.toString());
        // experimental options need their unlock before them
        assertTrue(options.indexOf("-XX:+UnlockExperimentalVMOptions") < options.indexOf("-XX:ShenandoahUncommitDelay=5000"));
    }

    @Test
    void aHeapLimitTheCallerChoseIsKept() {
        var options = WindowJvmOptions.fitted(WindowJvmOptions.read(), List.of("-Xmx8g"), true);

        assertFalse(options.stream().anyMatch(o -> o.startsWith("-Xmx")), options.toString());
    }

    @Test
    void aJvmWithoutShenandoahKeepsItsOwnCollector() {
        var options = WindowJvmOptions.fitted(WindowJvmOptions.read(), List.of(), false);

        assertEquals(List.of("-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=512m"), options);
    }
}
