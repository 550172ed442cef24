package org.activelabel.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.activelabel.backbone.Backbone;
import org.activelabel.session.RecentSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which session the app opens: the last one, or on first run one over the bundled sample. */
public final class Workspaces {

    private static final Logger LOG = LoggerFactory.getLogger(Workspaces.class);
    public static final String SAMPLE_SESSION = "sample";

    private Workspaces() {
    }

    /**
     * Opens the most recently used session under {@code sessionsRoot}; when there is none (or it
     * can no longer be opened), a session named "sample" over {@code sampleImages}, with one class
     * per sub-folder and no labels. Blocking.
     */
    public static SessionWorkspace openLastOrSample(Path sessionsRoot, Path sampleImages, Backbone backbone)
            throws IOException {
        RecentSessions recent = new RecentSessions(sessionsRoot);
        Optional<Path> last = recent.lastOpened();
        if (last.isPresent()) {
            try {
                SessionWorkspace workspace = SessionWorkspace.open(last.get(), backbone);
                recent.add(last.get());
                return workspace;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not reopen {}: {}; opening the sample instead", last.get(), e.getMessage());
            }
        }
        return openSample(sessionsRoot, sampleImages, backbone);
    }

    /** The session named "sample" over {@code sampleImages}, created on first use. Blocking. */
    public static SessionWorkspace openSample(Path sessionsRoot, Path sampleImages, Backbone backbone)
            throws IOException {
        RecentSessions recent = new RecentSessions(sessionsRoot);
        Path sampleDir = sessionsRoot.resolve(SAMPLE_SESSION);
        SessionWorkspace workspace = Files.exists(sampleDir.resolve("session.json"))
                ? SessionWorkspace.open(sampleDir, backbone)
                : SessionWorkspace.create(sampleDir, SAMPLE_SESSION, sampleImages.toAbsolutePath(),
                        subFolderNames(sampleImages), backbone);
        recent.add(sampleDir);
        return workspace;
    }

    /** Names of the immediate sub-folders, sorted: the "classes from folders" choice. */
    public static List<String> subFolderNames(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
