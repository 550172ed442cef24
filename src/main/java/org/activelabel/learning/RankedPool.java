package org.activelabel.learning;

/**
 * A strategy's answer over a learner's rows.
 *
 * @param batch  the rows to label next, most useful first
 * @param order  every pool row once: the batch first, then the rest by descending score
 * @param scores usefulness by row, NaN for rows outside the pool
 * @param seed   the seed the strategy was given, so a run can be replayed
 */
public record RankedPool(int[] batch, int[] order, double[] scores, long seed) {
}
