package org.activelabel.session.interchange;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Image references of other tools turned into the session's paths (relative to the image root, '/') and back. */
final class ImagePaths {

    /** How Label Studio serves files of a local storage: the path relative to its document root after {@code ?d=}. */
    static final String LABEL_STUDIO_LOCAL_FILES = "/data/local-files/?d=";

    private ImagePaths() {
    }

    /** Label Studio's URL of an image, for a local storage whose document root is the image root. */
    static String labelStudioUrl(String path) {
        return LABEL_STUDIO_LOCAL_FILES + Arrays.stream(path.split("/", -1))
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /**
     * The session path a reference names: a Label Studio local-files URL, an http(s) URL (its path), an absolute
     * path under the image root, or a relative path. Anything else comes back as it is, for the import to refuse.
     */
    static String fromReference(String reference, Path imageRoot) {
        String ref = reference.strip();
        int local = ref.indexOf("?d=");
        if (local >= 0) {
            ref = URLDecoder.decode(ref.substring(local + 3), StandardCharsets.UTF_8);
        } else if (ref.startsWith("http://") || ref.startsWith("https://") || ref.startsWith("file:")) {
            try {
                String path = URI.create(ref).getPath();
                ref = path == null ? ref : path;
            } catch (IllegalArgumentException e) {
                return ref;
            }
        }
        return relative(ref, imageRoot);
    }

    /** An absolute path under the image root made relative to it; a leading "./" dropped. */
    static String relative(String path, Path imageRoot) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*")) {
            try {
                Path absolute = Path.of(path).normalize();
                Path root = imageRoot.toAbsolutePath().normalize();
                if (absolute.startsWith(root)) {
                    return root.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
                }
            } catch (IllegalArgumentException e) {
                return path;
            }
            return path;
        }
        return path.startsWith("./") ? path.substring(2) : path;
    }
}
