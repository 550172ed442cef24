package org.activelabel.ui;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.activelabel.progress.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door for work off the JavaFX thread. Results and failures come back on the FX thread.
 * Edits run one at a time in submission order (a label, then its undo); model work runs one at a
 * time beside them; IO (thumbnails) runs on a small pool, newest request first; the large picture
 * of the focused image has a lane of its own, newest first, so a photo decoding there never holds
 * up the grid's thumbnails; idle work (thumbnails made ahead) runs one at a time at the lowest priority.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    public enum Lane { EDITS, MODEL, IO, PICTURE, IDLE }

    /** Work that may report progress and should stop when the sink says it is cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressSink progress) throws Exception;
    }

    /** Nice values: training yields most; thumbnails a little, they are what the user waits to see. */
    private static final int MODEL_NICE = 10;
    private static final int IO_NICE = 4;
    /** Only what the machine has to spare. */
    private static final int IDLE_NICE = 19;
    /** Below the window, level with training: shorter frame gaps than at normal priority (docs/benchmarks.md). */
    private static final int COMPILER_NICE = 10;

    private final ExecutorService edits = Executors.newSingleThreadExecutor(daemon("activelabel-edits", 0));
    private final ExecutorService model = Executors.newSingleThreadExecutor(daemon("activelabel-model", MODEL_NICE));
    private final ExecutorService io;
    private final ExecutorService picture = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new NewestFirstQueue(),
            daemon("activelabel-picture", IO_NICE));
    private final ExecutorService idle = Executors.newSingleThreadExecutor(daemon("activelabel-idle", IDLE_NICE));

    public BackgroundTasks() {
        int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
        io = new ThreadPoolExecutor(ioThreads, ioThreads, 30, TimeUnit.SECONDS, new NewestFirstQueue(),
                daemon("activelabel-io", IO_NICE));
    }

    /**
     * Runs {@code work} on {@code lane}. {@code onSuccess} and {@code onFailure} run on the FX thread;
     * a cancelled task reports a {@link CancellationException} to {@code onFailure}.
     */
    public <T> Task<T> submit(Lane lane, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        var task = new SinkTask<>(work);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            var error = task.getException();
            if (!(error instanceof CancellationException)) {
                LOG.warn("Background work failed", error);
            }
            onFailure.accept(error);
        });
        task.setOnCancelled(e -> onFailure.accept(new CancellationException("cancelled")));
        try {
            executor(lane).execute(task);
        } catch (RejectedExecutionException closing) {
            // the window is closing: nothing started now would be seen
            LOG.debug("Ignored work submitted after close");
        }
        return task;
    }

    /**
     * {@code lane} for work that makes its own {@link Task} (a dialog reading a folder); after {@link #close()} it
     * drops what it is given, as {@link #submit} does.
     */
    public Executor lane(Lane lane) {
        return command -> {
            try {
                executor(lane).execute(command);
            } catch (RejectedExecutionException closing) {
                LOG.debug("Ignored work submitted after close");
            }
        };
    }

    private ExecutorService executor(Lane lane) {
        return switch (lane) {
            case EDITS -> edits;
            case MODEL -> model;
            case IO -> io;
            case PICTURE -> picture;
            case IDLE -> idle;
        };
    }

    @Override
    public void close() {
        model.shutdownNow();
        io.shutdownNow();
        picture.shutdownNow();
        idle.shutdownNow();
        edits.shutdown();
        try {
            // let queued labels reach the journal before the window goes away
            edits.awaitTermination(10, TimeUnit.SECONDS);
            // model and idle work were told to stop; they must be out of the workspace before it closes
            model.awaitTermination(10, TimeUnit.SECONDS);
            idle.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads; with {@code nice} above 0 they run below the FX thread (edits stay at normal priority). */
    private static ThreadFactory daemon(String name, int nice) {
        var count = new AtomicInteger();
        return r -> {
            Runnable body = nice <= 0 ? r : () -> {
                LowPriority.applyToCurrentThread(nice);
                LowPriority.applyToCompilerThreads(COMPILER_NICE);
                r.run();
            };
            var thread = new Thread(body, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A Task that is also the ProgressSink of the work it runs. */
    private static final class SinkTask<T> extends Task<T> implements ProgressSink {
        private final Work<T> work;

        SinkTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void progress(long done, long total, String message) {
            updateProgress(done, total);
            if (message != null) {
                updateMessage(message);
            }
        }
    }

    /** Thumbnails scrolled past, and pictures of images moved on from, are stale: serve the newest request first. */
    private static final class NewestFirstQueue extends LinkedBlockingDeque<Runnable> implements BlockingQueue<Runnable> {
        @Override
        public boolean offer(Runnable r) {
            return offerFirst(r);
        }
    }
}
