package org.activelabel.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;
import org.activelabel.session.RecentSessions;
import org.activelabel.session.Session;
import org.activelabel.workspace.SessionWorkspace;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions folder as the window uses it: open the last session, open or create another, list
 * recent ones. Every method that opens is blocking and runs off the FX thread. Refusals a user can
 * cause come back as {@link SessionProblem}s naming what and where; nothing on disk is changed by them.
 */
public final class SessionLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLibrary.class);

    private final Path sessionsRoot;
    private final Path sampleImages;
    private final BackboneShelf backbones;
    private final RecentSessions recent;

    /** Sessions open with a backbone from {@code backbones}, which is closed with the library. */
    public SessionLibrary(Path sessionsRoot, Path sampleImages, BackboneShelf backbones) {
        this.sessionsRoot = sessionsRoot.toAbsolutePath();
        this.sampleImages = sampleImages;
        this.backbones = backbones;
        this.recent = new RecentSessions(this.sessionsRoot);
    }

    public Path sessionsRoot() {
        return sessionsRoot;
    }

    /** The session opened last, or the bundled sample on a first run. Blocking. */
    public Workspace openLastOrSample() throws IOException {
        var last = recent.lastOpened();
        if (last.isPresent()) {
            try {
                var workspace = SessionWorkspace.openModelLater(last.get(),
                        backbones.byId(Session.backboneIdOf(last.get())));
                recent.add(last.get());
                return workspace;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not reopen {}: {}; opening the sample instead", last.get(), e.getMessage());
            }
        }
        return Workspaces.openSample(sessionsRoot, sampleImages, backbones.byName(Backbones.DEFAULT));
    }

    /** The backbones a new session can be made with, the default first. */
    public List<BackboneShelf.Choice> backbones() {
        return backbones.choices();
    }

    /** The descriptor file of the backbone a session uses, if the window has it (an exported model ships it). */
    public Optional<Path> backboneDescriptor(String backboneId) {
        return backbones.descriptorFile(backboneId);
    }

    /** Session folders opened lately, most recent first. */
    public List<Path> recent() {
        return recent.list();
    }

    /** Opens a session folder and puts it first in the recent list. Blocking. */
    public Workspace open(Path sessionDir) {
        if (!Files.isRegularFile(sessionDir.resolve("session.json"))) {
            throw new SessionProblem("There is no session in " + sessionDir + " (no session.json).", sessionDir);
        }
        try {
            var workspace = SessionWorkspace.openModelLater(sessionDir, backbones.byId(Session.backboneIdOf(sessionDir)));
            recent.add(sessionDir);
            return workspace;
        } catch (IOException | RuntimeException e) {
            throw new SessionProblem("The session in " + sessionDir + " could not be opened: " + e.getMessage(),
                    sessionDir, e);
        }
    }

    /** Creates a session under the sessions folder and opens it. Blocking. */
    public Workspace create(NewSession spec) {
        var folder = spec.imageFolder().toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            throw new SessionProblem("The image folder " + folder + " does not exist or is not a folder.", folder);
        }
        if (!Files.isReadable(folder)) {
            throw new SessionProblem("The image folder " + folder + " cannot be read (permission denied).", folder);
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw new SessionProblem("The session needs a name.", sessionsRoot);
        }
        var classes = spec.classesFromSubFolders() ? subFolderNames(folder) : spec.classes();
        if (classes.isEmpty()) {
            throw new SessionProblem(spec.classesFromSubFolders()
                    ? "The folder " + folder + " has no sub-folders to take class names from: type the class names."
                    : "The session needs at least one class: type class names, or take the names of the sub-folders of "
                    + folder + ".", folder);
        }
        Path dir;
        try {
            dir = Session.dirFor(sessionsRoot, spec.name().strip());
        } catch (RuntimeException e) {
            throw new SessionProblem(e.getMessage(), sessionsRoot, e);
        }
        if (Files.exists(dir)) {
            throw new SessionProblem("A session called \"" + spec.name().strip() + "\" already exists in " + dir
                    + ". Open it, or choose another name.", dir);
        }
        try {
            var workspace = SessionWorkspace.create(dir, spec.name().strip(), folder, classes,
                    backbones.byName(spec.backbone()));
            recent.add(dir);
            return workspace;
        } catch (IOException | RuntimeException e) {
            throw new SessionProblem("The session could not be created in " + dir + ": " + e.getMessage(), dir, e);
        }
    }

    /** Names of the image folder's sub-folders, for "take the sub-folder names". Blocking. */
    public static List<String> subFolderNames(Path imageFolder) {
        try {
            return Workspaces.subFolderNames(imageFolder);
        } catch (IOException e) {
            throw new SessionProblem("The folder " + imageFolder + " cannot be read: " + e.getMessage(), imageFolder, e);
        }
    }

    @Override
    public void close() {
        backbones.close();
    }
}
