import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Makes the installable app with jpackage: an app image with its own trimmed Java runtime, and on Linux a .deb
 * when dpkg-deb and fakeroot are there. Run by {@code mvn -Pinstaller package} after the jar and its libraries
 * are in target/ (as {@code java src/packaging/Installer.java TARGET VERSION BASEDIR}); the same on Linux, macOS
 * and Windows, each making its own kind of app.
 */
public final class Installer {

    static final String NAME = "ActiveLabel";
    static final String MAIN_CLASS = "org.activelabel.Main";
    /** jdeps --print-module-deps on the jar and its libraries, plus java.desktop (AWT image decoding) and the zip file system. */
    static final String MODULES = "java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,"
            + "java.sql,java.xml,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,jdk.crypto.ec";
    /** The window's JVM options, shared with the jar's relaunch (org.activelabel.app.WindowJvmOptions). */
    static final String WINDOW_OPTIONS = "src/main/resources/org/activelabel/app/window-jvm.options";
    static final String DESCRIPTION = "Label image collections with active learning";

    /**
     * The window's options and where the assets are; the runtime is this JDK's, so its collectors are the ones the
     * app will have: without Shenandoah the collector options are left out, as the jar's relaunch does.
     */
    static List<String> javaOptions(Path base) throws IOException {
        boolean shenandoah;
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseShenandoahGC");
            shenandoah = true;
        } catch (IllegalArgumentException e) {
            shenandoah = false;
        }
        var options = new ArrayList<String>();
        for (var line : Files.readAllLines(base.resolve(WINDOW_OPTIONS))) {
            var option = line.strip();
            if (option.isEmpty() || option.startsWith("#")
                    || (!shenandoah && (option.contains("Shenandoah") || option.equals("-XX:+UnlockExperimentalVMOptions")))) {
                continue;
            }
            options.add(option);
        }
        options.add("-Dactivelabel.assets=$APPDIR/assets");
        return options;
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]).toAbsolutePath().normalize();
        String version = args[1].replaceFirst("-.*$", ""); // jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
        Path base = Path.of(args[2]).toAbsolutePath().normalize();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);

        Path input = target.resolve("installer-input");
        Path dest = target.resolve("installer");
        deleteTree(input);
        deleteTree(dest);
        copyTree(target.resolve("lib"), input.resolve("lib"));
        Files.copy(target.resolve("activelabel.jar"), input.resolve("activelabel.jar"));
        copyTree(base.resolve("assets"), input.resolve("assets"));

        var appImage = new ArrayList<>(List.of("--type", "app-image", "--name", NAME, "--app-version", version,
                "--vendor", NAME, "--description", DESCRIPTION, "--copyright", "ActiveLabel authors",
                "--input", input.toString(), "--main-jar", "activelabel.jar", "--main-class", MAIN_CLASS,
                "--dest", dest.toString(), "--add-modules", MODULES,
                "--jlink-options", "--strip-debug --strip-native-commands --no-man-pages --no-header-files --compress=2"));
        javaOptions(base).forEach(o -> appImage.addAll(List.of("--java-options", o)));
        Path png = base.resolve("src/packaging/activelabel.png");
        Path icns = base.resolve("src/packaging/activelabel.icns");
        Path ico = base.resolve("src/packaging/activelabel.ico");
        Path launcher;
        if (os.startsWith("mac")) {
            if (Files.exists(icns)) {
                appImage.addAll(List.of("--icon", icns.toString()));
            }
            launcher = dest.resolve(NAME + ".app/Contents/MacOS/" + NAME);
        } else if (os.startsWith("windows")) {
            if (Files.exists(ico)) {
                appImage.addAll(List.of("--icon", ico.toString()));
            }
            launcher = dest.resolve(NAME).resolve(NAME + ".exe");
        } else {
            appImage.addAll(List.of("--icon", png.toString()));
            launcher = dest.resolve(NAME).resolve("bin").resolve(NAME);
        }
        jpackage(appImage);
        Path image = os.startsWith("mac") ? dest.resolve(NAME + ".app") : dest.resolve(NAME);
        System.out.printf(Locale.ROOT, "app image: %s (%d MB)%n", image, size(image) / 1_000_000);

        if (!os.startsWith("mac") && !os.startsWith("windows")) {
            if (onPath("dpkg-deb") && onPath("fakeroot")) {
                jpackage(List.of("--type", "deb", "--app-image", image.toString(), "--name", NAME,
                        "--app-version", version, "--vendor", NAME, "--description", DESCRIPTION,
                        "--copyright", "ActiveLabel authors", "--dest", dest.toString(),
                        "--linux-package-name", "activelabel", "--linux-shortcut", "--linux-menu-group", "Graphics",
                        "--linux-app-category", "graphics", "--icon", png.toString(),
                        // JavaFX loads GTK 3 at run time, from inside its jars, where jpackage does not look
                        "--linux-package-deps", "libgtk-3-0"));
                try (Stream<Path> files = Files.list(dest)) {
                    for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).toList()) {
                        System.out.printf(Locale.ROOT, "deb: %s (%d MB); installs to /opt/activelabel with a menu entry%n",
                                deb, Files.size(deb) / 1_000_000);
                    }
                }
            } else {
                System.out.println("no .deb: dpkg-deb or fakeroot is missing (apt-get install dpkg-dev fakeroot)");
            }
        }
        System.out.println("Launcher: " + launcher);
    }

    private static void jpackage(List<String> args) {
        System.out.println("jpackage " + String.join(" ", args));
        var tool = ToolProvider.findFirst("jpackage").orElseThrow(() -> new IllegalStateException(
                "jpackage not found: build with a full JDK 17 or newer"));
        int code = tool.run(System.out, System.err, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("jpackage failed with exit code " + code);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
