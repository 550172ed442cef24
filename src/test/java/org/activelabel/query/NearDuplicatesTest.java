package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static float[] randomRow(Random random, int d) {
        float[] row = new float[d];
        for (int j = 0; j < d; j++) {
            row[j] = random.nextFloat();
        }
        return row;
    }

    /** A copy with a little noise, as a re-encoded or burst shot of the same picture. */
    private static float[] nearCopy(float[] row, Random random) {
        float[] copy = row.clone();
        for (int j = 0; j < copy.length; j++) {
            copy[j] += 0.001f * (float) random.nextGaussian();
        }
        return copy;
    }

    @Test
    void aBatchSkipsCopiesOfItsOwnPicksAndOfLabelledImages() {
        var random = new Random(3);
        float[] a = randomRow(random, 32);
        float[] b = randomRow(random, 32);
        float[] labelled = randomRow(random, 32);
        float[][] pool = {a, nearCopy(a, random), nearCopy(labelled, random), b, randomRow(random, 32)};
        var context = new QueryContext(null, pool, new float[][]{labelled}, new int[]{0}, 2, null, 1);

        // the strategy's order puts the copies right behind their originals
        int[] batch = NearDuplicates.distinctBatch(new int[]{0, 1, 2, 3, 4}, context, 3);

        assertArrayEquals(new int[]{0, 3, 4}, batch);
    }

    @Test
    void whenTooFewDistinctImagesAreLeftTheBatchIsFilledInOrder() {
        var random = new Random(4);
        float[] a = randomRow(random, 16);
        float[] b = randomRow(random, 16);
        float[][] pool = {a, nearCopy(a, random), nearCopy(a, random), b};
        var context = new QueryContext(null, pool, new float[0][], new int[0], 2, null, 1);

        assertArrayEquals(new int[]{0, 3, 1}, NearDuplicates.distinctBatch(new int[]{0, 1, 2, 3}, context, 3));
    }

    @Test
    void differentImagesAreNotTakenForCopies() {
        var random = new Random(5);
        float[][] pool = new float[20][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = randomRow(random, 64);
        }
        var context = new QueryContext(null, pool, new float[0][], new int[0], 2, null, 1);
        int[] order = java.util.stream.IntStream.range(0, 20).toArray();

        assertArrayEquals(java.util.Arrays.copyOf(order, 10), NearDuplicates.distinctBatch(order, context, 10));
    }

    @Test
    void pastTheBatchTheQueuesHeadStillHoldsNoTwoCopiesAndTheCopiesComeAfterIt() {
        // three pictures, five copies each, ranked copies-together as equal scores leave them
        var random = new Random(6);
        float[][] originals = {randomRow(random, 32), randomRow(random, 32), randomRow(random, 32)};
        float[][] pool = new float[15][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = nearCopy(originals[i / 5], random);
        }
        var context = new QueryContext(null, pool, new float[0][], new int[0], 3, null, 1);
        int[] order = java.util.stream.IntStream.range(0, 15).toArray();

        int[] spread = NearDuplicates.distinctFirst(order, context, 8);

        assertArrayEquals(new int[]{0, 5, 10, 1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14}, spread);
        // a batch is the head of that order, whatever its size
        assertArrayEquals(new int[]{0, 5}, NearDuplicates.distinctBatch(order, context, 2));
    }
}
