package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images copied into a watched folder become one change once the folder is quiet; time is moved on by hand. */
class FolderWatchTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    /** A timer whose waits end when the test says so. */
    private static final class HandTimer implements FolderWatch.Timer {
        final List<Runnable> waiting = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final Semaphore started = new Semaphore(0);
        int cancelled;

        @Override
        public synchronized Runnable after(Duration delay, Runnable action) {
            delays.add(delay);
            waiting.add(action);
            started.release();
            return () -> {
                synchronized (this) {
                    if (waiting.remove(action)) {
                        cancelled++;
                    }
                }
            };
        }

        /** Ends every wait now. */
        void elapse() {
            List<Runnable> due;
            synchronized (this) {
                due = List.copyOf(waiting);
                waiting.clear();
            }
            due.forEach(Runnable::run);
        }

        /** Blocks until the watch starts a wait: an event came in. */
        void awaitWait() throws InterruptedException {
            assertTrue(started.tryAcquire(30, TimeUnit.SECONDS), "the watch saw the change");
        }
    }

    @TempDir
    Path folder;
    private final HandTimer timer = new HandTimer();
    private final AtomicInteger changes = new AtomicInteger();
    private FolderWatch watch;

    @AfterEach
    void close() {
        if (watch != null) {
            watch.close();
        }
    }

    private FolderWatch start() throws IOException {
        watch = FolderWatch.start(folder, QUIET, timer, changes::incrementAndGet);
        return watch;
    }

    private void image(Path file) throws IOException {
        TestImages.write(file, TestImages.solid(8, 8, Color.RED), "png");
    }

    @Test
    void anImageCopiedInIsOneChangeOnceTheFolderIsQuiet() throws Exception {
        start();

        image(folder.resolve("new.png"));
        timer.awaitWait();

        assertEquals(QUIET, timer.delays.get(0));
        assertEquals(0, changes.get(), "nothing before the folder is quiet");
        timer.elapse();
        assertEquals(1, changes.get());
    }

    @Test
    void changesInQuickSuccessionAreOneChange() throws IOException {
        start();

        watch.changed();
        watch.changed();
        watch.changed();

        assertEquals(2, timer.cancelled, "each change starts the wait again");
        timer.elapse();
        assertEquals(1, changes.get());
    }

    @Test
    void aFolderMadeWhileWatchingIsWatchedToo() throws Exception {
        start();
        Path sub = Files.createDirectory(folder.resolve("later"));
        timer.awaitWait();
        timer.elapse();

        image(sub.resolve("inside.png"));
        timer.awaitWait();
        timer.elapse();

        assertEquals(2, changes.get());
    }

    @Test
    void whatAScanDoesNotSeeIsNoChange() {
        var create = StandardWatchEventKinds.ENTRY_CREATE;
        var delete = StandardWatchEventKinds.ENTRY_DELETE;
        var modify = StandardWatchEventKinds.ENTRY_MODIFY;
        assertTrue(FolderWatch.matters(Path.of("photo.JPG"), create, false));
        assertTrue(FolderWatch.matters(Path.of("photo.jpg"), modify, false));
        assertTrue(FolderWatch.matters(Path.of("photo.jpg"), delete, false));
        assertTrue(FolderWatch.matters(Path.of("holiday"), create, true));
        assertTrue(FolderWatch.matters(Path.of("holiday"), delete, false), "a folder gone, perhaps with images");
        assertFalse(FolderWatch.matters(Path.of("notes.txt"), create, false));
        assertFalse(FolderWatch.matters(Path.of("notes.txt"), delete, false));
        assertFalse(FolderWatch.matters(Path.of(".photo.jpg.part"), create, false));
        assertFalse(FolderWatch.matters(Path.of(".cache"), create, true));
        assertFalse(FolderWatch.matters(Path.of("holiday"), modify, true), "a folder's own time changing");
    }

    @Test
    void afterCloseNothingMoreHappens() throws IOException {
        start();
        watch.changed();

        watch.close();
        watch.changed();
        timer.elapse();

        assertEquals(0, changes.get());
        assertEquals(1, timer.cancelled, "the wait under way was stopped");
    }
}
