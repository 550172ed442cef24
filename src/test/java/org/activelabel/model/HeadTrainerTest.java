package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class HeadTrainerTest {

    private static final int DIM = 24;

    @Test
    void learnsSeparableFeatures() {
        var train = Blobs.of(4, 40, DIM, 2.0, 1);
        var test = Blobs.of(4, 50, DIM, 2.0, 2);
        var head = new HeadTrainer(Blobs.smallConfig()).fullRefit(train.trainingSet(4), "bb", ProgressSink.NONE);

        var probabilities = head.predict(test.features);

        assertTrue(Blobs.accuracy(probabilities, test.labels) > 0.95, "accuracy " + Blobs.accuracy(probabilities, test.labels));
        for (float[] row : probabilities) {
            assertEquals(4, row.length);
            float sum = 0;
            for (float p : row) {
                sum += p;
            }
            assertEquals(1f, sum, 1e-4f);
        }
        assertEquals(1, head.version());
        assertEquals("bb", head.backboneId());
        assertEquals(DIM, head.featureDim());
    }

    @Test
    void softmaxRegressionLearnsToo() {
        var train = Blobs.of(3, 30, DIM, 2.0, 1);
        var test = Blobs.of(3, 30, DIM, 2.0, 2);
        var config = Blobs.smallConfig().withHiddenUnits(0);

        var head = new HeadTrainer(config).fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);

        assertTrue(Blobs.accuracy(head.predict(test.features), test.labels) > 0.95, "accuracy " + Blobs.accuracy(head.predict(test.features), test.labels));
    }

    @Test
    void sameSeedGivesTheSameHead() {
        var train = Blobs.of(3, 50, DIM, 0.5, 1); // 150 labels: the held-out early-stopping path
        var test = Blobs.of(3, 10, DIM, 0.5, 2);
        var config = Blobs.smallConfig();

        var first = new HeadTrainer(config).fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);
        var second = new HeadTrainer(config).fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);
        var otherSeed = new HeadTrainer(config.withSeed(7)).fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);

        assertArrayEquals(first.predict(test.features), second.predict(test.features));
        assertFalse(Arrays.deepEquals(first.predict(test.features), otherSeed.predict(test.features)));
    }

    @Test
    void incrementalUpdateWithNoEpochsStartsExactlyFromTheCurrentWeights() {
        var train = Blobs.of(3, 20, DIM, 1.0, 1);
        var test = Blobs.of(3, 10, DIM, 1.0, 2);
        var trainer = new HeadTrainer(Blobs.smallConfig().withIncrementalEpochs(0));
        var current = trainer.fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);

        var next = trainer.incremental(current, train.trainingSet(3), new int[]{0, 1}, ProgressSink.NONE);

        assertArrayEquals(current.predict(test.features), next.predict(test.features));
        assertEquals(current.version() + 1, next.version());
    }

    @Test
    void incrementalUpdateFineTunesInsteadOfStartingOver() {
        var train = Blobs.of(3, 20, DIM, 1.0, 1);
        var trainer = new HeadTrainer(Blobs.smallConfig());
        var current = trainer.fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);
        var fresh = trainer.fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);

        var next = trainer.incremental(current, train.trainingSet(3), new int[]{0}, ProgressSink.NONE);

        double moved = distance(current.parameters(), next.parameters());
        double fromFreshInit = distance(HeadNetworks.parameters(
                HeadNetworks.create(current.config(), DIM, 3, 99)), fresh.parameters());
        assertTrue(moved > 0, "fine-tuning changed nothing");
        assertTrue(moved < fromFreshInit / 5, "moved " + moved + ", a restart moves about " + fromFreshInit);
    }

    @Test
    void manyIncrementalUpdatesKeepUpWithARefitOnAllTheLabels() {
        // fifteen rounds of a hundred labels: each update fine-tunes on the new ones and earlier ones replayed
        var pool = Blobs.of(10, 150, 64, 0.35, 21);
        var test = Blobs.of(10, 100, 64, 0.35, 22);
        var trainer = new HeadTrainer(HeadConfig.defaults());
        var all = pool.trainingSet(10);
        // a head made when updates replayed 256 earlier labels, as saved sessions hold
        var head = new HeadTrainer(HeadConfig.defaults().withReplaySize(256))
                .fullRefit(slice(all, 100), "bb", ProgressSink.NONE);
        for (int n = 200; n <= all.size(); n += 100) {
            head = trainer.incremental(head, slice(all, n), IntStream.range(n - 100, n).toArray(), ProgressSink.NONE);
        }
        var refit = trainer.fullRefit(all, "bb", ProgressSink.NONE);

        double incremental = Blobs.accuracy(head.predict(test.features), test.labels);
        double fromScratch = Blobs.accuracy(refit.predict(test.features), test.labels);
        assertTrue(incremental >= fromScratch - 0.01, "incremental " + incremental + ", refit " + fromScratch);
    }

    private static TrainingSet slice(TrainingSet data, int n) {
        return new TrainingSet(Arrays.copyOf(data.features(), n), Arrays.copyOf(data.labels(), n), data.classes());
    }

    @Test
    void newClassMidSessionWidensTheHeadAndKeepsWhatItKnew() {
        var all = Blobs.of(4, 40, DIM, 2.0, 1);
        var test = Blobs.of(4, 30, DIM, 2.0, 2);
        // first only classes 0..2 are labelled and known
        int[] firstRows = rowsWithLabelBelow(all.labels, 3);
        var firstData = new TrainingSet(pick(all.features, firstRows), pickLabels(all.labels, firstRows), Blobs.names(3));
        var trainer = new HeadTrainer(Blobs.smallConfig().withIncrementalEpochs(10).withBatchSize(32));
        var current = trainer.fullRefit(firstData, "bb", ProgressSink.NONE);
        var before = current.predict(test.features);

        // then the user adds class 3 and labels its items; they come after the earlier labels
        int[] order = new int[all.labels.length];
        int k = 0;
        for (int r : firstRows) {
            order[k++] = r;
        }
        int firstNew = k;
        for (int i = 0; i < all.labels.length; i++) {
            if (all.labels[i] == 3) {
                order[k++] = i;
            }
        }
        var grown = new TrainingSet(pick(all.features, order), pickLabels(all.labels, order), Blobs.names(4));
        int[] newRows = new int[order.length - firstNew];
        for (int i = 0; i < newRows.length; i++) {
            newRows[i] = firstNew + i;
        }
        var next = trainer.incremental(current, grown, newRows, ProgressSink.NONE);

        assertEquals(Blobs.names(4), next.classes());
        var after = next.predict(test.features);
        assertEquals(4, after[0].length);
        int[] oldTestRows = rowsWithLabelBelow(test.labels, 3);
        assertTrue(Blobs.accuracy(pick(after, oldTestRows), pickLabels(test.labels, oldTestRows)) > 0.9);
        assertTrue(Blobs.accuracy(after, test.labels) > 0.9);
        assertArrayEquals(before, current.predict(test.features), "the current head must not change");
        assertEquals(3, current.numClasses());
    }

    @Test
    void cancellingAnUpdateLeavesTheCurrentHeadAsItWas() {
        var train = Blobs.of(3, 20, DIM, 1.0, 1);
        var test = Blobs.of(3, 10, DIM, 1.0, 2);
        var trainer = new HeadTrainer(Blobs.smallConfig());
        var current = trainer.fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);
        var before = current.predict(test.features);
        var cancelAfterFirstStep = new ProgressSink() {
            boolean stepped;

            @Override
            public void progress(long done, long total, String message) {
                stepped = true;
            }

            @Override
            public boolean isCancelled() {
                return stepped;
            }
        };

        assertThrows(CancellationException.class,
                () -> trainer.incremental(current, train.trainingSet(3), new int[]{0, 1, 2}, cancelAfterFirstStep));

        assertArrayEquals(before, current.predict(test.features));
        assertEquals(1, current.version());
    }

    @Test
    void mcDropoutGivesSeededVaryingSamples() {
        var train = Blobs.of(3, 20, DIM, 0.3, 1);
        var test = Blobs.of(3, 5, DIM, 0.3, 2);
        var head = new HeadTrainer(Blobs.smallConfig()).fullRefit(train.trainingSet(3), "bb", ProgressSink.NONE);

        var samples = head.predictWithDropout(test.features, 6, 11);

        assertEquals(6, samples.length);
        assertEquals(test.features.length, samples[0].length);
        assertEquals(3, samples[0][0].length);
        assertFalse(Arrays.deepEquals(samples[0], samples[1]), "dropout must be active");
        assertArrayEquals(samples, head.predictWithDropout(test.features, 6, 11));
    }

    @Test
    void featuresOfAnotherWidthAreRefused() {
        var trainer = new HeadTrainer(Blobs.smallConfig());
        var current = trainer.fullRefit(Blobs.of(2, 10, DIM, 1.0, 1).trainingSet(2), "bb", ProgressSink.NONE);

        assertThrows(IllegalArgumentException.class, () -> current.predict(new float[][]{new float[DIM + 1]}));
        assertThrows(IllegalArgumentException.class, () -> trainer.incremental(current,
                Blobs.of(2, 10, DIM + 1, 1.0, 1).trainingSet(2), new int[]{0}, ProgressSink.NONE));
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    static int[] rowsWithLabelBelow(int[] labels, int limit) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] < limit).toArray();
    }

    static float[][] pick(float[][] rows, int[] which) {
        return Arrays.stream(which).mapToObj(i -> rows[i]).toArray(float[][]::new);
    }

    static int[] pickLabels(int[] labels, int[] which) {
        return Arrays.stream(which).map(i -> labels[i]).toArray();
    }
}
