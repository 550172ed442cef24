package org.activelabel.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activelabel.backbone.Backbone;
import org.activelabel.session.RecentSessions;

/** The bundled sample's session, and the "classes from folders" choice, shared by the window and the CLI. */
public final class Workspaces {

    public static final String SAMPLE_SESSION = "sample";

    private Workspaces() {
    }

    /**
     * The session named "sample" over {@code sampleImages}, created on first use, with its saved model left for
     * {@link SessionWorkspace#loadSavedModel()} so the queue shows before DL4J starts. Blocking.
     */
    public static SessionWorkspace openSample(Path sessionsRoot, Path sampleImages, Backbone backbone)
            throws IOException {
        RecentSessions recent = new RecentSessions(sessionsRoot);
        Path sampleDir = sessionsRoot.resolve(SAMPLE_SESSION);
        SessionWorkspace workspace = Files.exists(sampleDir.resolve("session.json"))
                ? SessionWorkspace.openModelLater(sampleDir, backbone)
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
