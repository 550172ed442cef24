package org.activelabel.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.SelfTraining;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.Strategies;
import org.junit.jupiter.api.Test;

class ActiveLearnerTest {

    private static final int CLASSES = 4;
    private static final int PICTURES_PER_CLASS = 8;
    private static final int COPIES = 5;

    /** Row i shows picture i / COPIES: every picture is in the folder five times, as bursts and copies are. */
    private static float[][] burstyFolder(Random random) {
        int d = 24;
        float[][] centres = new float[CLASSES][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (3 * random.nextGaussian());
            }
        }
        float[][] rows = new float[CLASSES * PICTURES_PER_CLASS * COPIES][];
        for (int picture = 0; picture < CLASSES * PICTURES_PER_CLASS; picture++) {
            float[] shot = new float[d];
            for (int j = 0; j < d; j++) {
                shot[j] = centres[classOf(picture)][j] + (float) random.nextGaussian();
            }
            for (int copy = 0; copy < COPIES; copy++) {
                float[] row = shot.clone();
                for (int j = 0; j < d; j++) {
                    row[j] += 0.001f * (float) random.nextGaussian();
                }
                rows[picture * COPIES + copy] = row;
            }
        }
        return rows;
    }

    private static int classOf(int picture) {
        return picture % CLASSES;
    }

    /** The app's default pipeline on these rows, seed 1. */
    private static ActiveLearner defaultLearnerOn(float[][] rows) {
        var trainer = new HeadTrainer(HeadConfig.defaults());
        var pipeline = new Pipeline(Strategies.DEFAULT, Strategies.byName(Strategies.DEFAULT),
                new SelfTraining(trainer, SelfTraining.Settings.defaults()), 1);
        return new ActiveLearner(trainer, "test", pipeline, List.of("a", "b", "c", "d"), rows);
    }

    @Test
    void noBatchHoldsTwoShotsOfOnePictureNorAShotOfALabelledPicture() {
        var learner = defaultLearnerOn(burstyFolder(new Random(11)));
        Set<Integer> labelledPictures = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            Set<Integer> batchPictures = new HashSet<>();
            for (int row : learner.rank(8).batch()) {
                int picture = row / COPIES;
                assertTrue(batchPictures.add(picture), "round " + round + ": picture " + picture + " twice");
                assertFalse(labelledPictures.contains(picture), "round " + round + ": picture " + picture
                        + " is labelled already");
                learner.label(row, classOf(picture));
            }
            labelledPictures.addAll(batchPictures);
            learner.refine(learner.update(false, ProgressSink.NONE), ProgressSink.NONE);
        }
        assertEquals(24, learner.labelCount());
    }

    @Test
    void theScreensOfTheQueuePastTheBatchShowEachPictureOnce() {
        var learner = defaultLearnerOn(burstyFolder(new Random(12)));
        for (int round = 0; round < 2; round++) {
            int batch = 4;
            int[] order = learner.rank(batch).order();
            Set<Integer> shown = new HashSet<>();
            // 4 batches of 4: the person labelling from the grid sees 16 different pictures first
            for (int i = 0; i < ActiveLearner.DISTINCT_BATCHES_SHOWN * batch; i++) {
                assertTrue(shown.add(order[i] / COPIES), "round " + round + ": place " + i + " repeats a picture");
            }
            for (int i = 0; i < batch; i++) {
                learner.label(order[i], classOf(order[i] / COPIES));
            }
            learner.refine(learner.update(false, ProgressSink.NONE), ProgressSink.NONE);
        }
    }
}
