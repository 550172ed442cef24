package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the app keeps its data, whatever folder it was started from. */
class DataFolderTest {

    private final Map<String, String> properties = new HashMap<>(Map.of("user.home", "/home/ann", "os.name", "Linux"));
    private final Map<String, String> environment = new HashMap<>();

    private Path resolve(String codeLocation) {
        return DataFolder.resolve(properties::get, environment::get, codeLocation == null ? null : Path.of(codeLocation));
    }

    @Test
    void fromABuildItIsTheProjectsSessionsFolderWhereverTheWorkingDirectoryIs() {
        assertEquals(Path.of("/src/activelabel/sessions"), resolve("/src/activelabel/target/classes"));
        assertEquals(Path.of("/src/activelabel/sessions"), resolve("/src/activelabel/target/activelabel-0.1.0.jar"));
    }

    @Test
    void installedItIsTheUsersDataFolder() {
        properties.put("jpackage.app-path", "/opt/activelabel/bin/ActiveLabel");
        assertEquals(Path.of("/home/ann/.local/share/activelabel"), resolve("/opt/activelabel/lib/app/target/x.jar"));
        environment.put("XDG_DATA_HOME", "/data/ann");
        assertEquals(Path.of("/data/ann/activelabel"), resolve("/opt/activelabel/lib/app/x.jar"));
        environment.put("XDG_DATA_HOME", "relative/is/ignored");
        assertEquals(Path.of("/home/ann/.local/share/activelabel"), resolve(null));

        properties.put("os.name", "Mac OS X");
        assertEquals(Path.of("/home/ann/Library/Application Support/ActiveLabel"), resolve(null));

        properties.put("os.name", "Windows 11");
        environment.put("APPDATA", "/users/ann/AppData/Roaming");
        assertEquals(Path.of("/users/ann/AppData/Roaming/ActiveLabel"), resolve(null));
    }

    @Test
    void aJarOutsideABuildFolderUsesTheUsersDataFolder() {
        assertEquals(Path.of("/home/ann/.local/share/activelabel"), resolve("/usr/share/java/activelabel.jar"));
    }

    @Test
    void thePropertyThenTheEnvironmentOverrideBoth() {
        properties.put("jpackage.app-path", "/opt/activelabel/bin/ActiveLabel");
        environment.put(DataFolder.ENV, "/mnt/shared/labels");
        assertEquals(Path.of("/mnt/shared/labels"), resolve("/src/activelabel/target/classes"));
        properties.put(DataFolder.PROPERTY, "/tmp/mine");
        assertEquals(Path.of("/tmp/mine"), resolve("/src/activelabel/target/classes"));
    }

    @Test
    void thisBuildFindsItsOwnSessionsFolder() {
        Path found = DataFolder.resolve(name -> name.equals("user.home") ? "/home/x" : null, name -> null,
                Path.of(DataFolder.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        assertEquals(Path.of("").toAbsolutePath().resolve("sessions"), found, "tests run in the project folder");
    }
}
