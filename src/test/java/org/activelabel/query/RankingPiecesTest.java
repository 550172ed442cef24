package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingPiecesTest {

    @Test
    void sortsLargestFirstWithTiesToTheLowerIndex() {
        double[] values = {0.2, 0.9, 0.2, 0.5, 0.9};
        assertArrayEquals(new int[] {1, 4, 3, 0, 2}, TopK.indicesByDescending(values));
        assertArrayEquals(new int[] {1, 4, 3}, TopK.indicesOfLargest(values, 3));
        assertArrayEquals(new int[0], TopK.indicesOfLargest(values, 0));
    }

    @Test
    void aPoolRankingPutsTheBatchFirstThenTheRestByScore() {
        var ranking = PoolRanking.of(new int[] {2, 0}, new double[] {0.1, 0.5, 0.3, 0.9});
        assertArrayEquals(new int[] {2, 0, 3, 1}, ranking.order());
    }

    @Test
    void aBatchWithARepeatedItemIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PoolRanking.of(new int[] {1, 1}, new double[3]));
    }

    @Test
    void aContextWhoseArraysDisagreeIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new QueryContext(new float[2][2],
                new float[3][4], new float[0][], new int[0], 2, null, 1L));
        assertEquals("2 probability rows for a pool of 3", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QueryContext(null, new float[3][4],
                new float[1][4], new int[0], 2, null, 1L));
        var mixed = assertThrows(IllegalArgumentException.class, () -> new QueryContext(null, new float[3][4],
                new float[][] {new float[5]}, new int[] {0}, 2, null, 1L));
        assertEquals("labelled feature row 0 has 5 values, expected 4", mixed.getMessage());
    }
}
