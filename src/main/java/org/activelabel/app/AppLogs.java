package org.activelabel.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the installed app writes its log: the place each system keeps such files. Run from a checkout the
 * log stays on the console, as before.
 */
public final class AppLogs {

    /** Set by the launchers jpackage makes: the path of the launcher that started this JVM. */
    public static final String APP_PATH_PROPERTY = "jpackage.app-path";
    /** slf4j-simple's setting for a log file instead of stderr. */
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private AppLogs() {
    }

    /** Whether this JVM was started by an installed app's launcher. */
    public static boolean installed() {
        return System.getProperty(APP_PATH_PROPERTY) != null;
    }

    /**
     * Sends this JVM's log to {@code <log folder>/<name>.log} when installed and no log file was chosen; must run
     * before the first logger is made. Returns the file, or null when the log stays where it was.
     */
    public static Path useLogFile(String name) {
        if (!installed() || System.getProperty(LOG_FILE_PROPERTY) != null) {
            return null;
        }
        Path folder = folder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException | SecurityException e) {
            return null; // the console is the place left
        }
        Path file = folder.resolve(name + ".log");
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        return file;
    }

    /**
     * Linux and other Unix: {@code $XDG_STATE_HOME/activelabel/logs} (default {@code ~/.local/state});
     * macOS: {@code ~/Library/Logs/ActiveLabel}; Windows: {@code %LOCALAPPDATA%\ActiveLabel\logs}.
     */
    static Path folder(String osName, Map<String, String> env, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("ActiveLabel");
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("ActiveLabel").resolve("logs");
        }
        String state = env.get("XDG_STATE_HOME");
        // the XDG spec says a relative path is invalid and must be ignored
        Path base = state != null && Path.of(state).isAbsolute() ? Path.of(state) : home.resolve(".local").resolve("state");
        return base.resolve("activelabel").resolve("logs");
    }
}
