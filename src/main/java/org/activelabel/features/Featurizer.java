package org.activelabel.features;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.activelabel.backbone.Backbone;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.Resizer;
import org.activelabel.progress.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns image files into cached feature vectors. Only files missing from the store (or changed since)
 * go through the backbone. A small pool decodes and resizes ahead of the calling thread, which runs
 * the backbone on batches, so decoding overlaps inference. Every finished batch is in the store
 * before the next starts: a cancelled run resumes where it stopped.
 */
public final class Featurizer {

    public static final int DEFAULT_BATCH_SIZE = 8;

    private static final Logger log = LoggerFactory.getLogger(Featurizer.class);

    private final Backbone backbone;
    private final ImageDecoder decoder;
    private final int decodeThreads;
    private final int batchSize;
    private final BiConsumer<Path, BufferedImage> decodedImages;

    /**
     * Default decoder, batches of {@value #DEFAULT_BATCH_SIZE}, one decode thread per core. A camera JPEG
     * costs several times its forward pass to decode, so every core decodes; while a batch runs
     * through the backbone its threads share the cores with the decoders.
     */
    public Featurizer(Backbone backbone) {
        this(backbone, new ImageDecoder(), Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_SIZE);
    }

    public Featurizer(Backbone backbone, ImageDecoder decoder, int decodeThreads, int batchSize) {
        this(backbone, decoder, decodeThreads, batchSize, null);
    }

    private Featurizer(Backbone backbone, ImageDecoder decoder, int decodeThreads, int batchSize,
                       BiConsumer<Path, BufferedImage> decodedImages) {
        if (decodeThreads <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("decodeThreads and batchSize must be positive");
        }
        this.backbone = backbone;
        this.decoder = decoder;
        this.decodeThreads = decodeThreads;
        this.batchSize = batchSize;
        this.decodedImages = decodedImages;
    }

    /**
     * This featuriser, also handing each image it decodes (upright, before it is resized for the backbone) with its
     * file to {@code sink}, on a decoding thread: one decode of a camera photo then also serves, say, its
     * thumbnail. The sink must be thread-safe; what it throws is logged and does not stop featurising.
     */
    public Featurizer alsoHandingDecodedImagesTo(BiConsumer<Path, BufferedImage> sink) {
        return new Featurizer(backbone, decoder, decodeThreads, batchSize, sink);
    }

    /**
     * Makes sure every file in {@code relativePaths} (relative to {@code root}, '/' separated) has a
     * vector or a recorded failure in {@code store}.
     *
     * @param onBatch called on this thread with each batch of new vectors once stored; may be null
     * @throws CancellationException when {@code progress} is cancelled; finished batches stay cached
     * @throws IOException           when the store cannot be written
     */
    public FeaturizeReport featurize(Path root, List<String> relativePaths, FeatureStore store,
                                     ProgressSink progress, Consumer<List<FeatureRow>> onBatch) throws IOException {
        if (!store.backboneId().equals(backbone.id()) || store.dimension() != backbone.featureDim()) {
            throw new IllegalArgumentException("feature cache %s is for %s (%d values), the backbone is %s (%d values)"
                    .formatted(store.file(), store.backboneId(), store.dimension(), backbone.id(), backbone.featureDim()));
        }
        var skipped = new ArrayList<SkippedImage>();
        var jobs = new ArrayList<FileKey>();
        int fromCache = 0;
        for (String relativePath : relativePaths) {
            FileKey key;
            try {
                key = FileKey.of(root, relativePath);
            } catch (NoSuchFileException e) {
                skipped.add(new SkippedImage(relativePath, "file not found"));
                continue;
            } catch (IOException e) {
                skipped.add(new SkippedImage(relativePath, "cannot read file attributes: " + e.getMessage()));
                continue;
            }
            if (store.get(key).isPresent()) {
                fromCache++;
            } else {
                var failure = store.failure(key);
                if (failure.isPresent()) {
                    skipped.add(new SkippedImage(relativePath, failure.get()));
                } else {
                    jobs.add(key);
                }
            }
        }
        int total = relativePaths.size();
        int alreadyDone = total - jobs.size();
        progress.progress(alreadyDone, total, "Featurising images");
        log.info("Featurising {} of {} images under {} ({} cached, {} known failures or missing)",
                jobs.size(), total, root, fromCache, skipped.size());

        var featurised = new AtomicInteger();
        try {
            run(root, jobs, progress, new Stage() {
                @Override
                public void failed(FileKey key, String reason) {
                    skipped.add(new SkippedImage(key.relativePath(), reason));
                    try {
                        store.putFailure(key, reason);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void embedded(List<FileKey> keys, float[][] vectors, long doneSoFar) {
                    var rows = new ArrayList<FeatureRow>(keys.size());
                    try {
                        for (int i = 0; i < keys.size(); i++) {
                            store.put(keys.get(i), vectors[i]);
                            rows.add(new FeatureRow(keys.get(i), vectors[i]));
                        }
                        store.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    featurised.addAndGet(keys.size());
                    progress.progress(alreadyDone + doneSoFar, total, "Featurising images");
                    if (onBatch != null) {
                        onBatch.accept(List.copyOf(rows));
                    }
                }
            }, new long[1]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.progress(total, total, "Featurising images");
        return new FeaturizeReport(featurised.get(), fromCache, skipped);
    }

    /**
     * Decodes, resizes and embeds the files without reading or writing any cache, for measuring
     * end-to-end speed.
     */
    public FeaturizeThroughput measureThroughput(Path root, List<String> relativePaths, ProgressSink progress) {
        return measure(root, relativePaths, progress, true);
    }

    /**
     * Decodes and resizes the files as {@link #measureThroughput} does, on the same threads, but
     * does not embed them: the speed the backbone would have to keep up with.
     */
    public FeaturizeThroughput measureDecodeThroughput(Path root, List<String> relativePaths, ProgressSink progress) {
        return measure(root, relativePaths, progress, false);
    }

    private FeaturizeThroughput measure(Path root, List<String> relativePaths, ProgressSink progress, boolean embed) {
        var jobs = relativePaths.stream().map(path -> new FileKey(path, -1, -1)).toList();
        int[] counts = new int[2];
        long[] embedNanos = new long[1];
        long start = System.nanoTime();
        run(root, jobs, progress, new Stage() {
            @Override
            public void failed(FileKey key, String reason) {
                counts[1]++;
            }

            @Override
            public void embedded(List<FileKey> keys, float[][] vectors, long doneSoFar) {
                counts[0] += keys.size();
                progress.progress(doneSoFar, jobs.size(), "Measuring featurising speed");
            }
        }, embed ? embedNanos : null);
        return new FeaturizeThroughput(counts[0], counts[1], System.nanoTime() - start, embedNanos[0]);
    }

    /** Where the pipeline hands its results, always on the calling thread. */
    private interface Stage {
        void failed(FileKey key, String reason);

        void embedded(List<FileKey> keys, float[][] vectors, long doneSoFar);
    }

    private record Prepared(FileKey key, BufferedImage input, String failure) {
    }

    /**
     * Runs the pipeline over {@code jobs}, adding the time spent in the backbone to {@code embedNanos[0]};
     * with {@code embedNanos} null the images are decoded and resized only, and the vectors handed on are null.
     */
    private void run(Path root, List<FileKey> jobs, ProgressSink progress, Stage stage, long[] embedNanos) {
        if (jobs.isEmpty()) {
            return;
        }
        var threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(decodeThreads, runnable -> {
            var thread = new Thread(runnable, "featurize-decode-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // bounded look-ahead: enough decoded inputs for the next batch, never the whole folder in memory
        int window = 2 * batchSize + decodeThreads;
        var inFlight = new ArrayDeque<Future<Prepared>>(window);
        int next = 0;
        long done = 0;
        var keys = new ArrayList<FileKey>(batchSize);
        var inputs = new ArrayList<BufferedImage>(batchSize);
        try {
            while (next < jobs.size() && inFlight.size() < window) {
                inFlight.add(submit(pool, root, jobs.get(next++)));
            }
            while (!inFlight.isEmpty()) {
                Prepared prepared = await(inFlight.poll());
                if (next < jobs.size()) {
                    inFlight.add(submit(pool, root, jobs.get(next++)));
                }
                done++;
                if (prepared.failure != null) {
                    stage.failed(prepared.key, prepared.failure);
                } else {
                    keys.add(prepared.key);
                    inputs.add(prepared.input);
                }
                if (keys.size() == batchSize || (inFlight.isEmpty() && !keys.isEmpty())) {
                    progress.checkCancelled();
                    float[][] vectors = null;
                    if (embedNanos != null) {
                        long start = System.nanoTime();
                        vectors = backbone.embed(List.copyOf(inputs));
                        embedNanos[0] += System.nanoTime() - start;
                        checkShape(vectors, keys.size());
                    }
                    stage.embedded(List.copyOf(keys), vectors, done);
                    keys.clear();
                    inputs.clear();
                } else if (done % batchSize == 0) {
                    progress.checkCancelled();
                }
            }
        } finally {
            inFlight.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }

    private Future<Prepared> submit(ExecutorService pool, Path root, FileKey key) {
        return pool.submit(() -> prepare(root, key));
    }

    private Prepared prepare(Path root, FileKey key) {
        int width = backbone.inputWidth();
        int height = backbone.inputHeight();
        Path file = root.resolve(key.relativePath());
        DecodeResult result = decoder.decodeToCover(file, width, height);
        if (result instanceof DecodeResult.Decoded decoded) {
            if (decodedImages != null) {
                try {
                    decodedImages.accept(file, decoded.image());
                } catch (RuntimeException e) {
                    log.warn("{}: the decoded picture was not taken: {}", file, e.toString());
                }
            }
            return new Prepared(key, Resizer.toSquareInput(decoded.image(), width, height), null);
        }
        return new Prepared(key, null, ((DecodeResult.Failed) result).reason());
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while featurising");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("decoding failed unexpectedly", e.getCause());
        }
    }

    private void checkShape(float[][] vectors, int expected) {
        if (vectors == null || vectors.length != expected) {
            throw new IllegalStateException("backbone %s returned %s vectors for %d images"
                    .formatted(backbone.id(), vectors == null ? "no" : String.valueOf(vectors.length), expected));
        }
        for (float[] vector : vectors) {
            if (vector == null || vector.length != backbone.featureDim()) {
                throw new IllegalStateException("backbone %s returned a vector of the wrong length (expected %d)"
                        .formatted(backbone.id(), backbone.featureDim()));
            }
        }
    }
}
