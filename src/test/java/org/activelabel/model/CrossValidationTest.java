package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private final CrossValidation crossValidation = new CrossValidation(new HeadTrainer(Blobs.smallConfig()));

    @Test
    void aLabelThatContradictsItsNeighboursGetsLowOutOfFoldProbability() {
        var blobs = Blobs.of(3, 20, 16, 1.0, 1);
        int flipped = 5;
        int[] labels = blobs.labels.clone();
        int givenClass = (labels[flipped] + 1) % 3;
        labels[flipped] = givenClass;
        var data = new TrainingSet(blobs.features, labels, Blobs.names(3));

        var result = crossValidation.run(data, 5, ProgressSink.NONE);

        assertEquals(5, result.folds());
        assertEquals(60, result.outOfFoldProbabilities().length);
        assertEquals(3, result.outOfFoldProbabilities()[0].length);
        assertTrue(result.outOfFoldProbabilities()[flipped][givenClass] < 0.2);
        assertTrue(result.accuracy() > 0.9 && result.accuracy() < 1.0, "accuracy " + result.accuracy());
        assertTrue(result.macroF1() > 0.9);
        assertEquals(60, Arrays.stream(result.confusion()).flatMapToInt(Arrays::stream).sum());
        assertEquals(1, result.confusion()[givenClass][blobs.labels[flipped]]);
    }

    @Test
    void fewerLabelsThanFoldsFallsBackToLeaveOneOut() {
        var blobs = Blobs.of(2, 2, 16, 1.0, 1);

        var result = crossValidation.run(blobs.trainingSet(2), 5, ProgressSink.NONE);

        assertEquals(4, result.folds());
        assertEquals(4, result.outOfFoldProbabilities().length);
        assertFalse(Double.isNaN(result.accuracy()));
    }

    @Test
    void tooFewLabelsGiveNaNWithAReason() {
        var one = new TrainingSet(new float[][]{{1f, 2f}}, new int[]{0}, Blobs.names(2));

        var result = crossValidation.run(one, 5, ProgressSink.NONE);

        assertTrue(Double.isNaN(result.accuracy()));
        assertNull(result.outOfFoldProbabilities());
        assertFalse(result.note().isEmpty());
    }

    @Test
    void macroF1AveragesOverClassesInPlay() {
        int[][] confusion = {{2, 0, 0}, {1, 1, 0}, {0, 0, 0}};
        // class 0: 2*2/(2+3) = 0.8; class 1: 2*1/(2+1) = 0.667; class 2 unused
        assertEquals((0.8 + 2.0 / 3) / 2, CrossValidation.macroF1(confusion), 1e-9);
    }
}
