package org.activelabel.query;

/**
 * A strategy's answer for the whole pool. Arrays are indexed by pool position, as in {@link QueryContext}.
 *
 * @param batch  the next batch, most useful first
 * @param order  every pool position exactly once: the batch first, then the rest by descending score
 * @param scores usefulness of each pool item ([n])
 */
public record PoolRanking(int[] batch, int[] order, double[] scores) {

    /** Puts {@code batch} first and orders the other items by descending score, ties to the lower position. */
    public static PoolRanking of(int[] batch, double[] scores) {
        boolean[] inBatch = new boolean[scores.length];
        for (int i : batch) {
            if (inBatch[i]) {
                throw new IllegalArgumentException("batch holds pool position " + i + " twice");
            }
            inBatch[i] = true;
        }
        int[] byScore = TopK.indicesByDescending(scores);
        int[] order = new int[scores.length];
        System.arraycopy(batch, 0, order, 0, batch.length);
        int next = batch.length;
        for (int i : byScore) {
            if (!inBatch[i]) {
                order[next++] = i;
            }
        }
        return new PoolRanking(batch, order, scores);
    }
}
