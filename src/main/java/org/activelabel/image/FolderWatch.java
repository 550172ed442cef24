package org.activelabel.image;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when images are added, changed or removed under a folder (sub-folders too, as {@link ImageScanner} sees
 * them), once the folder has been quiet for a while: copying a hundred photos in is one change, not a hundred.
 * A daemon thread takes the file system's events; the wait is measured by the {@link Timer} given, so a test
 * moves time on itself. Other files (hidden ones, names that are not images) are not changes.
 */
public final class FolderWatch implements AutoCloseable {

    /** Runs an action after a delay unless the returned handle is run first. */
    @FunctionalInterface
    public interface Timer {
        Runnable after(Duration delay, Runnable action);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final Path root;
    private final Duration quiet;
    private final Timer timer;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;
    private Runnable pending; // guarded by this
    private boolean closed; // guarded by this
    private boolean warnedLimit;

    private FolderWatch(Path root, Duration quiet, Timer timer, Runnable onChange, WatchService service) {
        this.root = root;
        this.quiet = quiet;
        this.timer = timer;
        this.onChange = onChange;
        this.service = service;
        this.thread = new Thread(this::pump, "activelabel-folder-watch");
        thread.setDaemon(true);
    }

    /**
     * Watches {@code root}: {@code onChange} runs (on the timer's thread) once no image has come, changed or gone
     * for {@code quiet}.
     *
     * @throws IOException when the folder cannot be watched at all
     */
    public static FolderWatch start(Path root, Duration quiet, Timer timer, Runnable onChange) throws IOException {
        var watch = new FolderWatch(root, quiet, timer, onChange, root.getFileSystem().newWatchService());
        try {
            watch.registerTree(root);
        } catch (IOException | RuntimeException e) {
            watch.service.close();
            throw e;
        }
        watch.thread.start();
        return watch;
    }

    /** Something changed: the quiet wait starts again. */
    synchronized void changed() {
        if (closed) {
            return;
        }
        if (pending != null) {
            pending.run();
        }
        pending = timer.after(quiet, this::quietNow);
    }

    private void quietNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending = null;
        }
        onChange.run();
    }

    /** Whether an entry of this name is something a scan sees: not hidden, and a folder or an image. */
    static boolean matters(Path entry, boolean folder) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        return !name.startsWith(".") && (folder || ImageScanner.isImageFileName(name));
    }

    /**
     * Whether this event changes what a scan finds: an image made, written or removed, a folder made, or something
     * removed that may have been a folder (gone, it cannot be asked: a name without an extension is taken as one).
     */
    static boolean matters(Path entry, WatchEvent.Kind<?> kind, boolean isFolder) {
        if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
            String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
            return matters(entry, false) || !name.startsWith(".") && name.indexOf('.') < 0;
        }
        if (isFolder) {
            return kind == StandardWatchEventKinds.ENTRY_CREATE && matters(entry, true);
        }
        return matters(entry, false);
    }

    private void pump() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                boolean changed = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                        changed = true;
                        continue;
                    }
                    Path child = folder.resolve((Path) event.context());
                    boolean isFolder = Files.isDirectory(child);
                    if (isFolder && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && matters(child, true)) {
                        watchNewFolder(child);
                    }
                    changed |= matters(child, event.kind(), isFolder);
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
                if (changed) {
                    changed();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.warn("stopped watching {} for new images: {}; press F5 to look again", root, e.toString());
        }
    }

    /** A folder moved or made here: its images are seen too. */
    private void watchNewFolder(Path folder) {
        try {
            registerTree(folder);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot watch the new folder {}: {}", folder, e.toString());
        }
    }

    private void registerTree(Path top) throws IOException {
        Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && !matters(dir, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                } catch (IOException e) {
                    if (dir.equals(root)) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!warnedLimit) {
                        warnedLimit = true;
                        LOG.warn("cannot watch {} for new images ({}); press F5 to look again", dir, e.toString());
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root) && !(e instanceof FileSystemLoopException)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.run();
                pending = null;
            }
        }
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch of {}: {}", root, e.toString());
        }
        thread.interrupt();
    }
}
