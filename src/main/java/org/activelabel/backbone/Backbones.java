package org.activelabel.backbone;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a backbone shipped in the assets folder, by name ({@value #DEFAULT}: fast; {@value #ACCURATE}: slower,
 * stronger features), or one described by any descriptor file.
 */
public final class Backbones {

    /** System property naming the assets folder (the one holding {@code backbone/default.json}). */
    public static final String ASSETS_PROPERTY = "activelabel.assets";

    /** Where the bundled descriptor lives inside the assets folder. */
    public static final String BUNDLED_DESCRIPTOR = "backbone/default.json";

    /** The bundled MobileNetV2 cut: the default, fast enough to featurise while the user waits. */
    public static final String DEFAULT = "default";

    /** The bundled InceptionV3 cut: several times slower to featurise than the default, with stronger features. */
    public static final String ACCURATE = "accurate";

    private static final List<String> BUNDLED_NAMES = List.of(DEFAULT, ACCURATE);

    /**
     * Bundled backbones no longer offered for new sessions, kept so that sessions made with them still open (they
     * are found by the id a session records): {@code accurate-768} is the accurate backbone as it was before it
     * pooled each channel's maximum next to its mean. It reads the same model file.
     */
    private static final List<String> RETIRED_NAMES = List.of("accurate-768");

    private Backbones() {
    }

    /**
     * The bundled descriptor: under the folder named by {@value #ASSETS_PROPERTY} if set, else
     * {@code ./assets}, else the first {@code assets} folder found walking up from the jar or classes folder.
     */
    public static Path bundledDescriptor() {
        var tried = new ArrayList<Path>();
        var property = System.getProperty(ASSETS_PROPERTY);
        if (property != null) {
            var candidate = Path.of(property).resolve(BUNDLED_DESCRIPTOR).toAbsolutePath();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            throw new BackboneException(candidate + ": bundled backbone descriptor not found (system property "
                    + ASSETS_PROPERTY + "=" + property + ")");
        }
        var local = Path.of("assets").resolve(BUNDLED_DESCRIPTOR).toAbsolutePath();
        if (Files.isRegularFile(local)) {
            return local;
        }
        tried.add(local);
        for (var folder = codeLocation(); folder != null; folder = folder.getParent()) {
            var candidate = folder.resolve("assets").resolve(BUNDLED_DESCRIPTOR);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new BackboneException("bundled backbone descriptor not found; looked at " + tried
                + "; set -D" + ASSETS_PROPERTY + "=<assets folder>");
    }

    /** Names of the bundled backbones, the default first; each is {@code backbone/<name>.json} in the assets folder. */
    public static List<String> bundledNames() {
        return BUNDLED_NAMES;
    }

    /** Names of the bundled backbones kept only for the sessions made with them; see {@link #bundledDescriptorWithId}. */
    public static List<String> retiredNames() {
        return RETIRED_NAMES;
    }

    /** The descriptor of the bundled backbone called {@code name} (one of {@link #bundledNames()} or {@link #retiredNames()}). */
    public static Path bundledDescriptor(String name) {
        if (!BUNDLED_NAMES.contains(name) && !RETIRED_NAMES.contains(name)) {
            throw new BackboneException("no bundled backbone named \"" + name + "\"; bundled: " + BUNDLED_NAMES);
        }
        var descriptor = bundledDescriptor().resolveSibling(name + ".json");
        if (!Files.isRegularFile(descriptor)) {
            throw new BackboneException(descriptor + ": descriptor of the bundled backbone \"" + name + "\" not found");
        }
        return descriptor;
    }

    /**
     * The bundled descriptor whose backbone id is {@code id}, offered or retired, if any: how a session made with
     * one finds it again.
     */
    public static Optional<Path> bundledDescriptorWithId(String id) {
        for (var name : BUNDLED_NAMES) {
            var descriptor = bundledDescriptor(name);
            if (BackboneDescriptor.read(descriptor).id().equals(id)) {
                return Optional.of(descriptor);
            }
        }
        for (var name : RETIRED_NAMES) {
            var descriptor = bundledDescriptor().resolveSibling(name + ".json");
            if (Files.isRegularFile(descriptor) && BackboneDescriptor.read(descriptor).id().equals(id)) {
                return Optional.of(descriptor);
            }
        }
        return Optional.empty();
    }

    public static OnnxBackbone openBundled(String name) {
        return OnnxBackbone.open(bundledDescriptor(name));
    }

    public static OnnxBackbone openBundled(String name, int intraOpThreads) {
        return OnnxBackbone.open(bundledDescriptor(name), intraOpThreads);
    }

    public static OnnxBackbone openBundled() {
        return OnnxBackbone.open(bundledDescriptor());
    }

    public static OnnxBackbone openBundled(int intraOpThreads) {
        return OnnxBackbone.open(bundledDescriptor(), intraOpThreads);
    }

    /** A bring-your-own backbone: any ONNX model with a descriptor beside it. */
    public static OnnxBackbone open(Path descriptorFile) {
        return OnnxBackbone.open(descriptorFile);
    }

    public static OnnxBackbone open(Path descriptorFile, int intraOpThreads) {
        return OnnxBackbone.open(descriptorFile, intraOpThreads);
    }

    /** The network's name in a backbone's description: up to its first bracket, comma or semicolon, at most 32 characters. */
    public static String networkName(String description) {
        int end = description.length();
        for (char stop : new char[] {'(', ',', ';'}) {
            int at = description.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        var name = description.substring(0, end).strip();
        return name.length() <= 32 ? name : name.substring(0, 31) + "…";
    }

    private static Path codeLocation() {
        try {
            var source = Backbones.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
