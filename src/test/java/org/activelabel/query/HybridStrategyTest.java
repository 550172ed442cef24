package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HybridStrategyTest {

    /** Items 0-9 near (0,0) and 10-19 near (10,10), all 50/50; items 20-49 certain and spread out. */
    private static QueryContext twoUncertainClusters() {
        float[][] features = Contexts.concat(Contexts.tightCluster(0f, 0f, 10), Contexts.tightCluster(10f, 10f, 10),
                new float[30][]);
        for (int i = 20; i < 50; i++) {
            features[i] = new float[] {-20f + i, 30f - i};
        }
        float[][] probabilities = Contexts.concat(Contexts.repeat(new float[] {0.5f, 0.5f}, 20),
                Contexts.repeat(new float[] {1f, 0f}, 30));
        return Contexts.of(probabilities, features, new float[0][], new int[0], 2);
    }

    @Test
    void aBatchSpansBothUncertainClustersWhereMarginTakesOnlyTheFirst() {
        var context = twoUncertainClusters();
        int[] margin = new MarginStrategy().selectBatch(context, 4);
        int[] hybrid = new HybridStrategy().selectBatch(context, 4);

        assertTrue(Arrays.stream(margin).allMatch(i -> i < 10), Arrays.toString(margin));
        assertTrue(Arrays.stream(hybrid).anyMatch(i -> i < 10), Arrays.toString(hybrid));
        assertTrue(Arrays.stream(hybrid).anyMatch(i -> i >= 10 && i < 20), Arrays.toString(hybrid));
        assertTrue(Arrays.stream(hybrid).allMatch(i -> i < 20), "certain items stay out: " + Arrays.toString(hybrid));
    }

    @Test
    void theFirstPickIsTheMostUncertainItem() {
        var probabilities = new float[][] {{0.9f, 0.1f}, {0.55f, 0.45f}, {0.7f, 0.3f}};
        var context = Contexts.of(probabilities, new float[][] {{0f}, {1f}, {2f}}, new float[0][], new int[0], 2);
        assertEquals(1, new HybridStrategy().selectBatch(context, 1)[0]);
    }

    @Test
    void theRestOfTheQueueFollowsTheBaseUncertainty() {
        var context = twoUncertainClusters();
        var hybrid = new HybridStrategy();
        assertArrayEquals(new MarginStrategy().scores(context), hybrid.scores(context));
        var ranking = hybrid.rank(context, 4);
        assertArrayEquals(hybrid.selectBatch(context, 4), Arrays.copyOf(ranking.order(), 4));
        // every uncertain item still comes before every certain one
        assertTrue(Arrays.stream(ranking.order(), 0, 20).allMatch(i -> i < 20));
    }

    @Test
    void anUncertainImageAmongManyComesBeforeAnEquallyFarOutlier() {
        // 0: the most uncertain, at the origin; 1: an outlier, a little more uncertain and farther than the crowd;
        // 2-31: a crowd around (10, 0)
        var features = new float[32][];
        var probabilities = new float[32][];
        features[0] = new float[] {0f, 0f};
        probabilities[0] = new float[] {0.5f, 0.5f};
        features[1] = new float[] {-11f, 0f};
        probabilities[1] = new float[] {0.58f, 0.42f};
        for (int i = 2; i < 32; i++) {
            features[i] = new float[] {10f + 0.05f * (i % 6), 0.05f * (i / 6)};
            probabilities[i] = new float[] {0.6f, 0.4f};
        }
        var context = Contexts.of(probabilities, features, new float[0][], new int[0], 2);

        int[] batch = new HybridStrategy().selectBatch(context, 2);

        assertEquals(0, batch[0]);
        assertTrue(batch[1] >= 2, "the outlier was picked: " + Arrays.toString(batch));
    }

    @Test
    void aStrategyOtherThanMarginCanBeTheBase() {
        var hybrid = new HybridStrategy(new BaldStrategy(), 5);
        assertEquals("hybrid-bald", hybrid.name());
        assertTrue(hybrid.needsMcSamples());
    }
}
