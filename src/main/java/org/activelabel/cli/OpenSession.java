package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.activelabel.backbone.Backbone;
import org.activelabel.backbone.Backbones;
import org.activelabel.session.Session;
import org.activelabel.session.SessionException;
import org.activelabel.workspace.SessionWorkspace;

/** A session opened by a command together with the backbone it was featurised with; closing closes both. */
record OpenSession(Backbone backbone, SessionWorkspace workspace) implements AutoCloseable {

    /**
     * Opens the session in {@code dir} (taking its lock) with the backbone {@code descriptor} names, which must be
     * the backbone the session was made with; without one, with the bundled backbone the session was made with, or
     * else the default.
     */
    static OpenSession open(Path dir, Path descriptor) throws IOException {
        String sessionBackbone = backboneIdOf(dir);
        Backbone backbone = descriptor == null
                ? Backbones.open(Backbones.bundledDescriptorWithId(sessionBackbone).orElse(Backbones.bundledDescriptor()))
                : CliSupport.openBackbone(descriptor);
        try {
            if (!backbone.id().equals(sessionBackbone)) {
                throw new SessionException("session " + dir + " was made with backbone \"" + sessionBackbone
                        + "\", not \"" + backbone.id() + "\"; pass its descriptor with --backbone");
            }
            return new OpenSession(backbone, SessionWorkspace.open(dir, backbone));
        } catch (IOException | RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    /**
     * Opens the whole session once under its lock before any backbone loads: a damaged journal or a missing image
     * folder is what a command reports first, before a backbone that does not match.
     */
    private static String backboneIdOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SessionException("no session in " + dir + ": no such folder");
        }
        try (Session session = Session.open(dir)) {
            return session.backboneId();
        }
    }

    @Override
    public void close() {
        try {
            workspace.close();
        } finally {
            backbone.close();
        }
    }
}
