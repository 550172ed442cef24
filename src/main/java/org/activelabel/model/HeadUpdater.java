package org.activelabel.model;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.activelabel.progress.ProgressSink;

/**
 * Trains heads on one background thread, one job after another, so the caller's thread never waits and
 * the snapshot in use keeps serving until the new one is ready. Cancelling a returned future stops its
 * training at the next step.
 */
public final class HeadUpdater implements AutoCloseable {

    private final HeadTrainer trainer;
    private final Set<CompletableFuture<?>> unfinished = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "head-updater");
        thread.setDaemon(true);
        return thread;
    });

    public HeadUpdater(HeadTrainer trainer) {
        this.trainer = trainer;
    }

    /** See {@link HeadTrainer#incremental}. */
    public CompletableFuture<ModelSnapshot> incrementalAsync(ModelSnapshot current, TrainingSet data, int[] newIndices,
                                                             ProgressSink progress) {
        return submit(progress, sink -> trainer.incremental(current, data, newIndices.clone(), sink));
    }

    /** See {@link HeadTrainer#fullRefit(TrainingSet, String, long, ProgressSink)}. */
    public CompletableFuture<ModelSnapshot> fullRefitAsync(TrainingSet data, String backboneId, long version,
                                                           ProgressSink progress) {
        return submit(progress, sink -> trainer.fullRefit(data, backboneId, version, sink));
    }

    /** See {@link CrossValidation#run}. */
    public CompletableFuture<CrossValidation.Result> crossValidateAsync(TrainingSet data, int folds,
                                                                        ProgressSink progress) {
        return submit(progress, sink -> new CrossValidation(trainer).run(data, folds, sink));
    }

    private interface Job<T> {
        T run(ProgressSink sink);
    }

    private <T> CompletableFuture<T> submit(ProgressSink progress, Job<T> job) {
        var cancelled = new AtomicBoolean();
        var future = new CompletableFuture<T>();
        unfinished.add(future);
        future.whenComplete((result, error) -> {
            unfinished.remove(future);
            if (future.isCancelled()) {
                cancelled.set(true);
            }
        });
        var sink = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {
                progress.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || progress.isCancelled() || Thread.currentThread().isInterrupted();
            }
        };
        executor.execute(() -> {
            if (future.isDone()) {
                return; // cancelled while queued
            }
            try {
                future.complete(job.run(sink));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    /** Stops taking jobs and cancels the running and queued ones. */
    @Override
    public void close() {
        executor.shutdownNow();
        for (var future : Set.copyOf(unfinished)) {
            future.cancel(true);
        }
    }
}
