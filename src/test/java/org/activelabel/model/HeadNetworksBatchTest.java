package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeadNetworksBatchTest {

    private static final float[][] X = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}, {13, 14, 15}};
    private static final int[] LABELS = {0, 2, 1, 1, 0};
    private static final float[] WEIGHTS = {1f, 0.5f, 0.25f, 1f, 0.75f};

    @Test
    void aRefilledBatchHoldsWhatAFreshOneWould() {
        var batch = HeadNetworks.batch(X, LABELS, WEIGHTS, new int[]{0, 1, 2}, 3);
        var features = batch.getFeatures();

        HeadNetworks.refill(batch, X, LABELS, WEIGHTS, new int[]{4, 3, 1});

        var fresh = HeadNetworks.batch(X, LABELS, WEIGHTS, new int[]{4, 3, 1}, 3);
        assertSame(features, batch.getFeatures(), "the same native arrays, written over");
        assertEquals(fresh.getFeatures(), batch.getFeatures());
        assertEquals(fresh.getLabels(), batch.getLabels());
        assertEquals(fresh.getLabelsMaskArray(), batch.getLabelsMaskArray());
        assertEquals(13f, batch.getFeatures().getFloat(0, 0));
        assertEquals(0f, batch.getLabels().getFloat(1, 0), "no one left over from the earlier rows");
        assertEquals(1f, batch.getLabels().getFloat(1, 1));
    }

    @Test
    void aBatchOfAnotherSizeIsRefused() {
        var batch = HeadNetworks.batch(X, LABELS, null, new int[]{0, 1}, 3);

        assertThrows(IllegalArgumentException.class,
                () -> HeadNetworks.refill(batch, X, LABELS, null, new int[]{0, 1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> HeadNetworks.refill(batch, X, LABELS, WEIGHTS, new int[]{2, 3}));
    }

    @Test
    void matricesHoldTheRowsInOrder() {
        var m = HeadNetworks.matrix(X, 3);

        assertEquals(5, m.rows());
        assertEquals(9f, m.getFloat(2, 2));
        assertEquals(4f, HeadNetworks.matrix(X, new int[]{3, 1}).getFloat(1, 0));
    }
}
