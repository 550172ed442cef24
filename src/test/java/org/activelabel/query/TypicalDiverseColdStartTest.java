package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TypicalDiverseColdStartTest {

    private final TypicalDiverseColdStart typiclust = new TypicalDiverseColdStart();

    /** Items 0-11 near (0,0), 12-15 near (20,0), 16-23 near (0,20). */
    private static float[][] threeClusters() {
        return Contexts.concat(Contexts.tightCluster(0f, 0f, 12), Contexts.tightCluster(20f, 0f, 4),
                Contexts.tightCluster(0f, 20f, 8));
    }

    private static int clusterOf(int item) {
        return item < 12 ? 0 : item < 16 ? 1 : 2;
    }

    @Test
    void takesOneItemPerClusterLargestFirst() {
        int[] batch = typiclust.selectBatch(Contexts.ofFeatures(threeClusters()), 3);
        assertArrayEquals(new int[] {0, 2, 1}, Arrays.stream(batch).map(TypicalDiverseColdStartTest::clusterOf).toArray(),
                Arrays.toString(batch));
    }

    @Test
    void skipsClustersThatAlreadyHoldALabel() {
        var context = Contexts.of(null, threeClusters(), new float[][] {{0.01f, 0.02f}}, new int[] {0}, 2);
        Set<Integer> clusters = Arrays.stream(typiclust.selectBatch(context, 2))
                .map(TypicalDiverseColdStartTest::clusterOf).boxed().collect(Collectors.toSet());
        assertEquals(Set.of(1, 2), clusters);
    }

    @Test
    void prefersTheDenseCentreOverAnOutlier() {
        // a 3x3 grid around the origin with an outlier on its edge, and a second cluster far away
        float[][] grid = new float[9][];
        for (int i = 0; i < 9; i++) {
            grid[i] = new float[] {0.1f * (i % 3 - 1), 0.1f * (i / 3 - 1)};
        }
        float[][] features = Contexts.concat(new float[][] {{0.6f, 0f}}, grid, Contexts.tightCluster(50f, 50f, 5));
        int[] batch = typiclust.selectBatch(Contexts.ofFeatures(features), 2);
        // item 5 is the grid's centre (0,0)
        assertTrue(Arrays.stream(batch).anyMatch(i -> i == 5), Arrays.toString(batch));
        assertTrue(Arrays.stream(batch).anyMatch(i -> i >= 10), Arrays.toString(batch));
    }

    @Test
    void theQueueStartsWithTheBatchAndUnlabelledClustersComeBeforeLabelledOnes() {
        var context = Contexts.of(null, threeClusters(), new float[][] {{0.01f, 0.02f}}, new int[] {0}, 2);
        var ranking = typiclust.rank(context, 2);
        assertArrayEquals(ranking.batch(), Arrays.copyOf(ranking.order(), 2));
        // the 12 items of the labelled cluster come last
        assertTrue(Arrays.stream(ranking.order(), 12, 24).allMatch(i -> clusterOf(i) == 0),
                Arrays.toString(ranking.order()));
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        var context = Contexts.random(300, 8, 3, 5L);
        assertArrayEquals(typiclust.selectBatch(context, 7), typiclust.selectBatch(context, 7));
    }

    @Test
    void aPoolSmallerThanTheBatchIsTakenWhole() {
        int[] batch = typiclust.selectBatch(Contexts.ofFeatures(new float[][] {{0f}, {1f}, {5f}}), 10);
        assertArrayEquals(new int[] {0, 1, 2}, Arrays.stream(batch).sorted().toArray());
    }
}
