package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaldStrategyTest {

    private final BaldStrategy bald = new BaldStrategy();

    @Test
    void samplesThatAgreeScoreZeroEvenWhenUncertain() {
        // item 0: every sample says 50/50; item 1: every sample is sure
        float[][] sample = {{0.5f, 0.5f}, {0.9f, 0.1f}};
        double[] scores = bald.scores(withSamples(2, sample, sample, sample));
        assertEquals(0.0, scores[0], 1e-6);
        assertEquals(0.0, scores[1], 1e-6);
    }

    @Test
    void confidentSamplesThatDisagreeScoreHighest() {
        // item 0: samples flip between sure answers; item 1: always 50/50; item 2: always sure
        float[][] a = {{1f, 0f}, {0.5f, 0.5f}, {0.9f, 0.1f}};
        float[][] b = {{0f, 1f}, {0.5f, 0.5f}, {0.9f, 0.1f}};
        var context = withSamples(3, a, b, a, b);
        assertEquals(Math.log(2), bald.scores(context)[0], 1e-6);
        assertEquals(0, bald.selectBatch(context, 1)[0]);
    }

    @Test
    void asksForMcSamplesAndRefusesToRunWithout() {
        assertTrue(bald.needsMcSamples());
        var context = Contexts.ofProbabilities(new float[][] {{0.5f, 0.5f}});
        assertThrows(IllegalArgumentException.class, () -> bald.scores(context));
    }

    @Test
    void ordersByDisagreement() {
        float[][] a = {{0.6f, 0.4f}, {1f, 0f}, {0.5f, 0.5f}};
        float[][] b = {{0.4f, 0.6f}, {0f, 1f}, {0.5f, 0.5f}};
        assertArrayEquals(new int[] {1, 0, 2}, bald.selectBatch(withSamples(3, a, b), 3));
    }

    private static QueryContext withSamples(int n, float[][]... samples) {
        return new QueryContext(samples[0], new float[n][1], new float[0][], new int[0], 2, samples, 1L);
    }
}
