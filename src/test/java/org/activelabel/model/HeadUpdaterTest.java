package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class HeadUpdaterTest {

    private final Blobs train = Blobs.of(3, 20, 16, 1.0, 1);
    private final HeadTrainer trainer = new HeadTrainer(Blobs.smallConfig());

    @Test
    void updatesRunOnABackgroundThreadAndGiveANewVersion() throws Exception {
        try (var updater = new HeadUpdater(trainer)) {
            var current = updater.fullRefitAsync(train.trainingSet(3), "bb", 1, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
            var caller = Thread.currentThread();
            var threads = new Thread[1];
            var sink = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {
                    threads[0] = Thread.currentThread();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };

            var next = updater.incrementalAsync(current, train.trainingSet(3), new int[]{0, 1}, sink).get(60, TimeUnit.SECONDS);

            assertEquals(2, next.version());
            assertNotEquals(caller, threads[0]);
        }
    }

    @Test
    void cancellingTheFutureStopsTheUpdateAndKeepsTheCurrentHead() throws Exception {
        var current = trainer.fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);
        var before = current.predict(train.features);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var sink = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (var updater = new HeadUpdater(trainer)) {
            var future = updater.incrementalAsync(current, train.trainingSet(3), new int[]{0}, sink);
            assertTrue(started.await(30, TimeUnit.SECONDS));

            future.cancel(true);
            release.countDown();

            assertThrows(CancellationException.class, future::join);
            // the next job runs, so the cancelled one gave up its thread
            var after = updater.fullRefitAsync(train.trainingSet(3), "bb", 1, ProgressSink.NONE).get(60, TimeUnit.SECONDS);
            assertEquals(1, after.version());
        }
        assertArrayEquals(before, current.predict(train.features));
    }
}
