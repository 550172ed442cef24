package org.activelabel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installed app logs where each system keeps logs; the version comes from the pom. */
class AppLogsTest {

    final Path home = Path.of("/home/ann");

    @Test
    void linuxUsesTheXdgStateFolder() {
        assertEquals(Path.of("/home/ann/.local/state/activelabel/logs"), AppLogs.folder("Linux", Map.of(), home));
        assertEquals(Path.of("/var/state/activelabel/logs"),
                AppLogs.folder("Linux", Map.of("XDG_STATE_HOME", "/var/state"), home));
        assertEquals(Path.of("/home/ann/.local/state/activelabel/logs"),
                AppLogs.folder("Linux", Map.of("XDG_STATE_HOME", "relative/state"), home), "a relative XDG path is ignored");
    }

    @Test
    void macOsAndWindowsUseTheirOwnPlaces() {
        assertEquals(home.resolve("Library/Logs/ActiveLabel"), AppLogs.folder("Mac OS X", Map.of(), home));
        assertEquals(Path.of("C:/Users/ann/AppData/Local").resolve("ActiveLabel").resolve("logs"),
                AppLogs.folder("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/ann/AppData/Local"), home));
    }

    @Test
    void theVersionIsThePomsAfterMavenCopiedTheResources() {
        assertNotEquals("unknown", AppVersion.current());
        assertEquals("ActiveLabel " + AppVersion.current(), AppVersion.nameAndVersion());
    }
}
