package org.activelabel.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command may write its output. A path is judged by where it really lands: links in it are resolved,
 * up to the nearest part that exists when the rest does not exist yet.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /** The real path {@code path} names: its nearest existing ancestor with links resolved, then the rest. */
    public static Path realTarget(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }

    /**
     * Refuses {@code out} when it lands inside the session folder (it could replace the journal or session.json)
     * or inside one of the image folders (it would become, or replace, an image). {@code sessionDir} may be null
     * when no session is involved.
     */
    public static void requireOutside(Path out, String option, Path sessionDir, Path... imageFolders) {
        Path real;
        try {
            real = realTarget(out);
            if (sessionDir != null && real.startsWith(realTarget(sessionDir))) {
                throw new SessionException(option + " " + out + (real.equals(out.toAbsolutePath().normalize()) ? ""
                        : " (really " + real + ")") + " is inside the session folder " + sessionDir
                        + "; writing there could replace the session's own files: choose a path outside it");
            }
            for (Path images : imageFolders) {
                if (real.startsWith(realTarget(images))) {
                    throw new SessionException(option + " " + out + (real.equals(out.toAbsolutePath().normalize())
                            ? "" : " (really " + real + ")") + " is inside the image folder " + images
                            + "; what is written there would become or replace images: choose a path outside it");
                }
            }
        } catch (IOException e) {
            throw new SessionException("cannot check where " + option + " " + out + " leads: "
                    + SessionFiles.reason(e), e);
        }
    }
}
