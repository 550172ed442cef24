package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class KCenterGreedyStrategyTest {

    private final KCenterGreedyStrategy kcenter = new KCenterGreedyStrategy();

    @Test
    void scoresAreDistancesToTheNearestLabelledItem() {
        var context = Contexts.of(null, new float[][] {{0.1f, 0f}, {3f, 4f}, {1f, 0f}},
                new float[][] {{0f, 0f}, {3f, 3f}}, new int[] {0, 1}, 2);
        assertArrayEquals(new double[] {0.1, 1.0, 1.0}, kcenter.scores(context), 1e-5);
    }

    @Test
    void picksTheFarPointThenTheFarPointInAnotherDirection() {
        // labelled at the origin; two far points side by side and one far point elsewhere
        var context = Contexts.of(null, new float[][] {{1f, 0f}, {10f, 0f}, {9.9f, 0f}, {0f, 9f}},
                new float[][] {{0f, 0f}}, new int[] {0}, 1);
        assertArrayEquals(new int[] {1, 3}, kcenter.selectBatch(context, 2));
        // plain top scores would take the near-duplicate
        assertArrayEquals(new int[] {1, 2}, TopK.indicesOfLargest(kcenter.scores(context), 2));
    }

    @Test
    void withNothingLabelledThePoolMeanStandsIn() {
        var context = Contexts.ofFeatures(new float[][] {{0f, 0f}, {2f, 0f}, {1f, 0f}});
        assertArrayEquals(new double[] {1.0, 1.0, 0.0}, kcenter.scores(context), 1e-5);
    }

    @Test
    void duplicatesStillGiveDistinctPicks() {
        var context = Contexts.of(null, Contexts.repeat(new float[] {1f, 1f}, 4), new float[][] {{0f, 0f}},
                new int[] {0}, 1);
        assertArrayEquals(new int[] {0, 1, 2, 3}, kcenter.selectBatch(context, 10));
    }
}
