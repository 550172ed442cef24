package org.activelabel.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version in the pom, which Maven writes into {@code version.properties} when it copies the resources. */
public final class AppVersion {

    private static final String VERSION = read();

    private AppVersion() {
    }

    /** e.g. "0.1.0-SNAPSHOT"; "unknown" when the resource was not filtered (classes compiled by an IDE alone). */
    public static String current() {
        return VERSION;
    }

    /** "ActiveLabel 0.1.0". */
    public static String nameAndVersion() {
        return "ActiveLabel " + VERSION;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
