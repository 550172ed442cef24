package org.activelabel.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open labelling session: a folder holding session.json, the label journal, the history and the folders
 * for saved models, cached features and thumbnails. Holds the session lock until closed, so it is the only writer.
 * Every change is on disk before the method returns. Thread-safe.
 */
public final class Session implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Session.class);
    private static final String THUMBNAILS = "thumbnails";

    private final Path dir;
    private final SessionLock lock;
    private final LabelJournal journal;
    private final HistoryLog history;
    private SessionFile file;
    private boolean closed;

    private Session(Path dir, SessionLock lock, SessionFile file, LabelJournal journal, HistoryLog history) {
        this.dir = dir;
        this.lock = lock;
        this.file = file;
        this.journal = journal;
        this.history = history;
    }

    /** The folder of a session called {@code name} under {@code sessionsRoot}; the name must be a plain folder name. */
    public static Path dirFor(Path sessionsRoot, String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals("..")) {
            throw new SessionException("\"" + name + "\" cannot be a session name: use a plain folder name");
        }
        return sessionsRoot.resolve(name.strip());
    }

    /**
     * The id of the backbone the session in {@code dir} was made with, read from its session file under its lock,
     * so a damaged or busy session fails before a backbone is loaded for it. The journal is not read: opening the
     * session reads it next.
     */
    public static String backboneIdOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SessionException("no session in " + dir + ": no such folder");
        }
        Path jsonFile = dir.resolve(SessionFile.FILE_NAME);
        SessionFiles.requireRegularFileOrAbsent(jsonFile);
        if (!Files.isRegularFile(jsonFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new SessionException("no session in " + dir + ": " + jsonFile + " is missing");
        }
        try (SessionLock lock = SessionLock.acquire(dir)) {
            return SessionFile.read(jsonFile).backboneId();
        }
    }

    /** Makes a new session in {@code dir} (created when missing) and opens it. */
    public static Session create(Path dir, String name, Path imageRoot, List<String> classNames, String backboneId) {
        Objects.requireNonNull(backboneId, "backboneId");
        Path absoluteRoot = imageRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(absoluteRoot)) {
            throw new SessionException("image folder " + absoluteRoot + " does not exist or is not a folder");
        }
        List<SessionClass> classes = new ArrayList<>();
        for (String className : classNames) {
            classes.add(new SessionClass(classes.size(), className == null ? null : className.strip()));
        }
        var sessionFile = new SessionFile(name == null ? null : name.strip(), absoluteRoot, classes, classes.size(),
                SessionSettings.defaults(), backboneId, Instant.now());
        Path jsonFile = dir.resolve(SessionFile.FILE_NAME);
        sessionFile.validate("new session " + dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SessionException("cannot create session folder " + dir + ": " + SessionFiles.reason(e), e);
        }
        SessionLock lock = SessionLock.acquire(dir);
        try {
            if (Files.exists(jsonFile, LinkOption.NOFOLLOW_LINKS)) {
                throw new SessionException("a session already exists in " + dir + " (" + jsonFile + ")");
            }
            SessionFiles.createFolder(dir.resolve("models"));
            SessionFiles.createFolder(dir.resolve("features"));
            SessionFiles.createFolder(dir.resolve(THUMBNAILS));
            AtomicFiles.write(jsonFile, sessionFile.toJson());
            log.info("created session \"{}\" in {}", sessionFile.name(), dir);
            return load(dir, lock, sessionFile);
        } catch (IOException e) {
            lock.close();
            throw new SessionException("cannot create session in " + dir + ": " + SessionFiles.reason(e), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens the session in {@code dir}, taking its lock; fails with a clear message if anything is wrong. */
    public static Session open(Path dir) {
        Path jsonFile = dir.resolve(SessionFile.FILE_NAME);
        SessionFiles.requireRegularFileOrAbsent(jsonFile);
        if (!Files.isRegularFile(jsonFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new SessionException("no session in " + dir + ": " + jsonFile + " is missing");
        }
        SessionLock lock = SessionLock.acquire(dir);
        try {
            SessionFile sessionFile = SessionFile.read(jsonFile);
            if (!Files.isDirectory(sessionFile.imageRoot())) {
                throw new SessionException("the image folder " + sessionFile.imageRoot() + " named in " + jsonFile
                        + " does not exist; move the images back or edit \"imageRoot\" there");
            }
            SessionFiles.createFolder(dir.resolve("models"));
            SessionFiles.createFolder(dir.resolve("features"));
            SessionFiles.createFolder(dir.resolve(THUMBNAILS));
            return load(dir, lock, sessionFile);
        } catch (IOException e) {
            lock.close();
            throw new SessionException("cannot open session in " + dir + ": " + SessionFiles.reason(e), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Session load(Path dir, SessionLock lock, SessionFile sessionFile) {
        LabelJournal journal = LabelJournal.open(dir.resolve(LabelJournal.FILE_NAME),
                id -> id >= 0 && id < sessionFile.nextClassId(), sessionFile::hasClass);
        try {
            HistoryLog history = HistoryLog.open(dir.resolve(HistoryLog.FILE_NAME));
            return new Session(dir, lock, sessionFile, journal, history);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public Path modelsDir() {
        return dir.resolve("models");
    }

    public Path featuresDir() {
        return dir.resolve("features");
    }

    /** Small pictures of the images, derived like the features: deleting the folder costs only time. */
    public Path thumbnailsDir() {
        return dir.resolve(THUMBNAILS);
    }

    public synchronized String name() {
        return file.name();
    }

    public synchronized Path imageRoot() {
        return file.imageRoot();
    }

    /** In the order they were added; merged classes are gone. */
    public synchronized List<SessionClass> classes() {
        return file.classes();
    }

    public synchronized Optional<SessionClass> classById(int id) {
        return file.classes().stream().filter(c -> c.id() == id).findFirst();
    }

    public synchronized SessionSettings settings() {
        return file.settings();
    }

    public synchronized String backboneId() {
        return file.backboneId();
    }

    public synchronized Instant createdAt() {
        return file.createdAt();
    }

    /** Adds a class with a new id that no class ever had. */
    public synchronized SessionClass addClass(String name) {
        checkOpen();
        var added = new SessionClass(file.nextClassId(), name == null ? null : name.strip());
        List<SessionClass> classes = new ArrayList<>(file.classes());
        classes.add(added);
        save(new SessionFile(file.name(), file.imageRoot(), classes, file.nextClassId() + 1, file.settings(),
                file.backboneId(), file.createdAt()));
        return added;
    }

    /** Renames a class; labels refer to its id, so only session.json changes. */
    public synchronized void renameClass(int classId, String newName) {
        checkOpen();
        requireClass(classId);
        List<SessionClass> classes = new ArrayList<>();
        for (SessionClass c : file.classes()) {
            classes.add(c.id() == classId ? new SessionClass(classId, newName == null ? null : newName.strip()) : c);
        }
        save(new SessionFile(file.name(), file.imageRoot(), classes, file.nextClassId(), file.settings(),
                file.backboneId(), file.createdAt()));
    }

    /** Moves every label of class {@code fromId} to {@code intoId} (keeping who gave it), then removes {@code fromId}. */
    public void mergeClass(int fromId, int intoId) {
        mergeClass(fromId, intoId, () -> { });
    }

    /** {@code betweenSteps} runs after the relabels are durable and before session.json changes (tests crash there). */
    synchronized void mergeClass(int fromId, int intoId, Runnable betweenSteps) {
        checkOpen();
        requireClass(fromId);
        requireClass(intoId);
        if (fromId == intoId) {
            throw new IllegalArgumentException("cannot merge class " + fromId + " into itself");
        }
        // Labels first: a crash before session.json is rewritten leaves an empty class, never lost labels.
        Instant now = Instant.now();
        List<LabelEvent> relabels = new ArrayList<>();
        journal.current().forEach((path, state) -> {
            if (state.classId() == fromId) {
                relabels.add(LabelEvent.label(path, intoId, state.source(), now));
            }
        });
        relabels.sort((a, b) -> a.path().compareTo(b.path()));
        journal.append(relabels);
        betweenSteps.run();
        List<SessionClass> classes = new ArrayList<>(file.classes());
        classes.removeIf(c -> c.id() == fromId);
        save(new SessionFile(file.name(), file.imageRoot(), classes, file.nextClassId(), file.settings(),
                file.backboneId(), file.createdAt()));
        log.info("merged class {} into {}: {} labels moved", fromId, intoId, relabels.size());
    }

    public synchronized void updateSettings(SessionSettings settings) {
        checkOpen();
        Objects.requireNonNull(settings, "settings");
        save(new SessionFile(file.name(), file.imageRoot(), file.classes(), file.nextClassId(), settings,
                file.backboneId(), file.createdAt()));
    }

    /** Appends the events with one write and one force: durable when this returns. */
    public synchronized void appendLabels(List<LabelEvent> events) {
        checkOpen();
        for (LabelEvent event : events) {
            if (event instanceof LabelEvent.Label label && !file.hasClass(label.classId())) {
                throw new IllegalArgumentException("no class with id " + label.classId() + " (labelling " + label.path() + ")");
            }
        }
        journal.append(List.copyOf(events));
    }

    /** Image path (relative, '/') to its current label; a copy. */
    public Map<String, LabelState> currentLabels() {
        return journal.current();
    }

    public Optional<LabelState> labelOf(String path) {
        return Optional.ofNullable(journal.labelOf(path));
    }

    public int labelCount() {
        return journal.size();
    }

    /** Appended and forced like the label journal. */
    public synchronized void appendHistory(HistoryEntry entry) {
        checkOpen();
        history.append(Objects.requireNonNull(entry, "entry"));
    }

    /** Oldest first. */
    public List<HistoryEntry> history() {
        return history.entries();
    }

    /** Releases the lock; the files are already complete. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        journal.close();
        history.close();
        lock.close();
    }

    private void save(SessionFile changed) {
        Path jsonFile = dir.resolve(SessionFile.FILE_NAME);
        changed.validate("session \"" + changed.name() + "\"");
        try {
            AtomicFiles.write(jsonFile, changed.toJson());
        } catch (IOException e) {
            throw new SessionException("cannot write " + jsonFile + ": " + SessionFiles.reason(e), e);
        }
        file = changed;
    }

    private void requireClass(int classId) {
        if (!file.hasClass(classId)) {
            throw new IllegalArgumentException("no class with id " + classId);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session " + dir + " is closed");
        }
    }
}
