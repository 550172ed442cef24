package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolDensityTest {

    private static QueryContext pool(float[][] features, long seed) {
        return new QueryContext(null, features, new float[0][], new int[0], 2, null, seed);
    }

    @Test
    void anImageInACrowdIsDenserThanAnOutlier() {
        var features = new float[41][];
        for (int i = 0; i < 40; i++) {
            features[i] = new float[] {i % 8 * 0.1f, i / 8 * 0.1f};
        }
        features[40] = new float[] {30f, 30f};

        double[] density = PoolDensity.relative(new float[][] {features[9], features[40]}, pool(features, 1));

        assertEquals(1.0, density[0]);
        assertTrue(density[1] < 0.05, "the outlier's density " + density[1]);
    }

    @Test
    void aLargePoolIsMeasuredAgainstTheSameSampleForTheSameSeed() {
        var random = new java.util.Random(3);
        var features = new float[5_000][];
        for (int i = 0; i < features.length; i++) {
            features[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
        }
        var items = new float[][] {features[0], features[1], {4f, 4f}};

        double[] first = PoolDensity.relative(items, pool(features, 7));
        assertArrayEquals(first, PoolDensity.relative(items, pool(features, 7)));
        assertTrue(first[2] < first[0] && first[2] < first[1], "a point far in the tail is the least dense");
    }

    @Test
    void aPoolTooSmallToMeasureWeighsEveryImageAlike() {
        var features = new float[][] {{0f, 0f}};
        assertArrayEquals(new double[] {1.0}, PoolDensity.relative(features, pool(features, 1)));
    }
}
