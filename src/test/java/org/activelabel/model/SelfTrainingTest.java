package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class SelfTrainingTest {

    private static final int DIM = 16;
    private static final HeadConfig SOFTMAX = HeadConfig.defaults();

    @Test
    void aRowsWeightDecidesHowMuchItCounts() {
        // the same points labelled both ways: the heavier labels win, whichever class they name
        var blobs = Blobs.of(2, 20, DIM, 2.0, 1);
        int n = blobs.labels.length;
        var x = Arrays.copyOf(blobs.features, 2 * n);
        var y = Arrays.copyOf(blobs.labels, 2 * n);
        for (int i = 0; i < n; i++) {
            x[n + i] = blobs.features[i];
            y[n + i] = 1 - blobs.labels[i];
        }
        var data = new TrainingSet(x, y, Blobs.names(2));
        var trueHeavy = new float[2 * n];
        Arrays.fill(trueHeavy, 0, n, 1f);
        Arrays.fill(trueHeavy, n, 2 * n, 0.1f);
        var flippedHeavy = new float[2 * n];
        Arrays.fill(flippedHeavy, 0, n, 0.1f);
        Arrays.fill(flippedHeavy, n, 2 * n, 1f);
        var trainer = new HeadTrainer(SOFTMAX);

        var trusting = trainer.weightedRefit(data, trueHeavy, n, "bb", 1, ProgressSink.NONE);
        var flipped = trainer.weightedRefit(data, flippedHeavy, n, "bb", 1, ProgressSink.NONE);

        assertTrue(Blobs.accuracy(trusting.predict(blobs.features), blobs.labels) > 0.95);
        assertTrue(Blobs.accuracy(flipped.predict(blobs.features), blobs.labels) < 0.05);
    }

    @Test
    void aWeightedSetThatLeavesOneRowForTheLastMinibatchTrains() {
        // 9 rows in minibatches of 4: a lone last row's weight would look like a per-class mask to DL4J
        var data = Blobs.of(3, 3, DIM, 2.0, 1).trainingSet(3);
        var weights = new float[data.size()];
        Arrays.fill(weights, 0.5f);
        var trainer = new HeadTrainer(SOFTMAX.withBatchSize(4));

        var model = trainer.weightedRefit(data, weights, data.size(), "bb", 1, ProgressSink.NONE);

        assertEquals(data.size(), model.predict(data.features()).length);
    }

    @Test
    void weightsMustFitTheRows() {
        var data = Blobs.of(2, 5, DIM, 2.0, 1).trainingSet(2);
        var trainer = new HeadTrainer(SOFTMAX);
        assertThrows(IllegalArgumentException.class,
                () -> trainer.weightedRefit(data, new float[3], 10, "bb", 1, ProgressSink.NONE));
        var zero = new float[10];
        assertThrows(IllegalArgumentException.class,
                () -> trainer.weightedRefit(data, zero, 10, "bb", 1, ProgressSink.NONE));
    }

    @Test
    void pseudoLabelsAreTheConfidentPredictionsCappedPerClassMostConfidentFirst() {
        var selfTraining = new SelfTraining(new HeadTrainer(SOFTMAX), new SelfTraining.Settings(0.8, 0.5f, 2, 1));
        float[][] probabilities = {
            {0.90f, 0.10f, 0f},   // 0: class 0
            {0.50f, 0.50f, 0f},   // 1: unsure
            {0.99f, 0.01f, 0f},   // 2: class 0, most confident
            {0.85f, 0.15f, 0f},   // 3: class 0, third of its class: over the cap
            {0.05f, 0.95f, 0f},   // 4: class 1
            {0.10f, 0.10f, 0.8f}, // 5: class 2, at the threshold
        };

        var pseudo = selfTraining.select(probabilities, 3);

        assertArrayEquals(new int[]{0, 2, 4, 5}, pseudo.poolRows());
        assertArrayEquals(new int[]{0, 0, 1, 2}, pseudo.classes());
        assertArrayEquals(new float[]{0.90f, 0.99f, 0.95f, 0.8f}, pseudo.confidence());
    }

    /** Two labels per class of four, the rest of each cluster in the pool, and a teacher trained on the labels. */
    private record FewLabels(Blobs pool, TrainingSet labelled, float[][] unlabelled, HeadTrainer trainer,
                             ModelSnapshot teacher) {

        static FewLabels make() {
            var pool = Blobs.of(4, 60, DIM, 1.2, 3);
            int[] picked = {0, 1, 2, 3, 4, 5, 6, 7};
            var labelled = new TrainingSet(rows(pool.features, picked), Arrays.copyOf(pool.labels, 8),
                    Blobs.names(4));
            var trainer = new HeadTrainer(SOFTMAX);
            return new FewLabels(pool, labelled, Arrays.copyOfRange(pool.features, 8, pool.features.length), trainer,
                    trainer.fullRefit(labelled, "bb", 3, ProgressSink.NONE));
        }
    }

    @Test
    void theStudentLearnsFromThePoolWhatTheFewLabelsDoNotShow() {
        var start = FewLabels.make();
        var pool = start.pool();
        var teacher = start.teacher();
        var test = Blobs.of(4, 100, DIM, 1.2, 4);

        var result = new SelfTraining(start.trainer(), SelfTraining.Settings.defaults())
                .refine(teacher, start.labelled(), start.unlabelled(), 4, ProgressSink.NONE);

        var pseudo = result.pseudoLabels();
        assertTrue(pseudo.size() > 20, "pseudo-labels: " + pseudo.size());
        int right = 0;
        for (int i = 0; i < pseudo.size(); i++) {
            right += pseudo.classes()[i] == pool.labels[8 + pseudo.poolRows()[i]] ? 1 : 0;
            assertTrue(pseudo.confidence()[i] >= 0.7f);
        }
        assertTrue(right >= 0.9 * pseudo.size(), right + " of " + pseudo.size() + " pseudo-labels right");
        var student = result.model();
        assertEquals(4, student.version());
        assertEquals(8, student.trainedLabels());
        assertEquals(teacher.classes(), student.classes());
        double before = Blobs.accuracy(teacher.predict(test.features), test.labels);
        double after = Blobs.accuracy(student.predict(test.features), test.labels);
        assertTrue(after >= before, "teacher " + before + ", student " + after);
    }

    @Test
    void aSecondRoundIsTaughtByTheFirstStudent() {
        var start = FewLabels.make();
        var trainer = start.trainer();
        var teacher = start.teacher();
        var labelled = start.labelled();
        float[][] unlabelled = start.unlabelled();
        var once = new SelfTraining(trainer, new SelfTraining.Settings(0.7, 1f, 300, 1));
        var twice = new SelfTraining(trainer, new SelfTraining.Settings(0.7, 1f, 300, 2));

        var first = once.refine(teacher, labelled, unlabelled, 4, ProgressSink.NONE);
        var byHand = once.refine(first.model(), labelled, unlabelled, 4, ProgressSink.NONE);
        var second = twice.refine(teacher, labelled, unlabelled, 4, ProgressSink.NONE);

        assertArrayEquals(byHand.pseudoLabels().poolRows(), second.pseudoLabels().poolRows());
        assertArrayEquals(byHand.model().predict(unlabelled)[0], second.model().predict(unlabelled)[0], 1e-6f);
        assertTrue(second.pseudoLabels().size() > first.pseudoLabels().size(),
                "the first student is surer than the teacher: " + first.pseudoLabels().size() + " then "
                        + second.pseudoLabels().size() + " pseudo-labels");
        assertEquals(4, second.model().version());
    }

    @Test
    void theTeachersPredictionsMayBePassedInAndGiveTheSameStudent() {
        var pool = Blobs.of(3, 30, DIM, 1.5, 5);
        var labelled = Blobs.of(3, 2, DIM, 1.5, 6).trainingSet(3);
        var trainer = new HeadTrainer(SOFTMAX);
        var teacher = trainer.fullRefit(labelled, "bb", ProgressSink.NONE);
        var selfTraining = new SelfTraining(trainer, SelfTraining.Settings.defaults());

        var computed = selfTraining.refine(teacher, labelled, pool.features, 2, ProgressSink.NONE);
        var given = selfTraining.refine(teacher, labelled, pool.features, teacher.predict(pool.features), 2,
                ProgressSink.NONE);

        assertArrayEquals(computed.pseudoLabels().poolRows(), given.pseudoLabels().poolRows());
        assertArrayEquals(computed.pseudoLabels().classes(), given.pseudoLabels().classes());
        assertArrayEquals(computed.model().predict(pool.features)[0], given.model().predict(pool.features)[0], 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> selfTraining.refine(teacher, labelled, pool.features,
                new float[1][], 2, ProgressSink.NONE));
    }

    @Test
    void anEmptyPoolTrainsOnTheLabelsAlone() {
        var labelled = Blobs.of(2, 10, DIM, 2.0, 1).trainingSet(2);
        var trainer = new HeadTrainer(SOFTMAX);
        var teacher = trainer.fullRefit(labelled, "bb", ProgressSink.NONE);

        var result = new SelfTraining(trainer, SelfTraining.Settings.defaults())
                .refine(teacher, labelled, new float[0][], 2, ProgressSink.NONE);

        assertEquals(0, result.pseudoLabels().size());
        assertEquals(20, result.model().trainedLabels());
    }

    private static float[][] rows(float[][] m, int[] idx) {
        var out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = m[idx[i]];
        }
        return out;
    }
}
