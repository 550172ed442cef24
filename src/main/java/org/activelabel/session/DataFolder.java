package org.activelabel.session;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The one place that decides where the app keeps its data (recent.json, the sample session, sessions made by
 * name): never the working directory, which may be anywhere and read-only.
 * <ol>
 *   <li>the system property {@value #PROPERTY} or the environment variable {@value #ENV}, when set;</li>
 *   <li>installed (the jpackage launcher sets {@code jpackage.app-path}): the user's data folder,
 *       {@code $XDG_DATA_HOME/activelabel} (else {@code ~/.local/share/activelabel}) on Linux,
 *       {@code ~/Library/Application Support/ActiveLabel} on macOS, {@code %APPDATA%\ActiveLabel} on Windows;</li>
 *   <li>run from a build ({@code target/classes} or a jar in {@code target/}): the project's {@code sessions/}
 *       folder beside {@code target/}, found from where the code was loaded;</li>
 *   <li>otherwise the user's data folder as when installed.</li>
 * </ol>
 */
public final class DataFolder {

    public static final String PROPERTY = "activelabel.data";
    public static final String ENV = "ACTIVELABEL_DATA";
    /** The property's earlier name, still honoured. */
    static final String OLD_PROPERTY = "activelabel.sessions";

    private DataFolder() {
    }

    /** Where the app's data lives on this machine now. */
    public static Path get() {
        return resolve(System::getProperty, System::getenv, codeLocation());
    }

    /**
     * @param properties   system properties by name (null when unset)
     * @param environment  environment variables by name (null when unset)
     * @param codeLocation where the classes were loaded from, or null when unknown
     */
    static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment, Path codeLocation) {
        for (String given : new String[] {properties.apply(PROPERTY), environment.apply(ENV),
            properties.apply(OLD_PROPERTY)}) {
            if (given != null && !given.isBlank()) {
                return Path.of(given.strip()).toAbsolutePath().normalize();
            }
        }
        if (properties.apply("jpackage.app-path") == null && codeLocation != null) {
            for (Path p = codeLocation.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                    return p.getParent().resolve("sessions");
                }
            }
        }
        return userDataFolder(properties, environment);
    }

    private static Path userDataFolder(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(properties.apply("user.home"));
        if (os.startsWith("windows")) {
            String appData = environment.apply("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("ActiveLabel");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("ActiveLabel");
        }
        String xdg = environment.apply("XDG_DATA_HOME");
        // the XDG spec: a relative value is invalid and is ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("activelabel");
    }

    private static Path codeLocation() {
        try {
            var source = DataFolder.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
