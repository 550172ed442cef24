package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomStrategyTest {

    private final RandomStrategy random = new RandomStrategy();

    private static QueryContext poolWithSeed(long seed) {
        return new QueryContext(null, new float[100][1], new float[0][], new int[0], 2, null, seed);
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        assertArrayEquals(random.selectBatch(poolWithSeed(3), 10), random.selectBatch(poolWithSeed(3), 10));
    }

    @Test
    void anotherSeedGivesAnotherBatch() {
        assertFalse(Arrays.equals(random.selectBatch(poolWithSeed(3), 10), random.selectBatch(poolWithSeed(4), 10)));
    }

    @Test
    void theBatchHoldsDistinctPoolPositions() {
        int[] batch = random.selectBatch(poolWithSeed(9), 100);
        assertEquals(100, Arrays.stream(batch).distinct().filter(i -> i >= 0 && i < 100).count());
    }
}
