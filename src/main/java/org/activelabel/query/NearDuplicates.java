package org.activelabel.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps near-identical images apart: a batch never holds two images whose features are nearly the same, nor an
 * image nearly the same as one already labelled. Real folders hold bursts of shots and copies; without this a
 * "diverse batch among the most uncertain" can still be nine copies of one picture, each as uncertain as the next.
 *
 * <p>Similarity is the cosine of the features centred on the mean of the pool and the labelled images (backbone
 * features after a ReLU all point into one orthant, so their plain cosine is near 1 for unrelated images). On the
 * bundled sample the most similar pair of different emoji (two clock faces) has 0.993 and the median nearest
 * neighbour 0.68; a copy has 1.
 */
public final class NearDuplicates {

    /** Centred cosine at or above which two images count as the same picture. */
    public static final double SIMILARITY = 0.995;

    private NearDuplicates() {
    }

    /**
     * The first {@code batchSize} positions of {@code order} that are not near duplicates of an earlier pick or of
     * a labelled image; when fewer than that are distinct, the batch is filled up with the rest in order.
     */
    public static int[] distinctBatch(int[] order, QueryContext context, int batchSize) {
        return java.util.Arrays.copyOf(distinctFirst(order, context, batchSize), Math.min(batchSize, order.length));
    }

    /**
     * {@code order} with its first {@code count} places given, in order, to positions that are not near duplicates
     * of an earlier one or of a labelled image, and every other position after them in the order given. The window
     * shows more of the ranking than one batch: past the batch, copies would otherwise sit side by side, each as
     * useful as the next. The first places are exactly {@link #distinctBatch}'s for a batch of any size up to
     * {@code count}.
     */
    public static int[] distinctFirst(int[] order, QueryContext context, int count) {
        int size = Math.min(count, order.length);
        if (size == 0) {
            return order.clone();
        }
        float[][] pool = context.poolFeatures();
        float[] mean = mean(pool, context.labelledFeatures());
        List<float[]> taken = new ArrayList<>();
        for (float[] labelled : context.labelledFeatures()) {
            taken.add(unitCentred(labelled, mean));
        }
        int[] out = new int[order.length];
        boolean[] used = new boolean[pool.length];
        int placed = 0;
        for (int i = 0; i < order.length && placed < size; i++) {
            float[] candidate = unitCentred(pool[order[i]], mean);
            if (!nearAny(candidate, taken)) {
                out[placed++] = order[i];
                used[order[i]] = true;
                taken.add(candidate);
            }
        }
        for (int position : order) {
            if (!used[position]) {
                out[placed++] = position;
            }
        }
        return out;
    }

    private static boolean nearAny(float[] candidate, List<float[]> taken) {
        for (float[] t : taken) {
            if (SquaredDistances.dot(candidate, t) >= SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    private static float[] mean(float[][] pool, float[][] labelled) {
        int d = pool.length > 0 ? pool[0].length : labelled[0].length;
        double[] sum = new double[d];
        for (float[][] rows : List.of(pool, labelled)) {
            for (float[] r : rows) {
                for (int j = 0; j < d; j++) {
                    sum[j] += r[j];
                }
            }
        }
        float[] mean = new float[d];
        int n = pool.length + labelled.length;
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / n);
        }
        return mean;
    }

    private static float[] unitCentred(float[] row, float[] mean) {
        float[] c = new float[row.length];
        double sq = 0;
        for (int j = 0; j < row.length; j++) {
            c[j] = row[j] - mean[j];
            sq += (double) c[j] * c[j];
        }
        float norm = (float) Math.sqrt(sq);
        if (norm > 0) {
            for (int j = 0; j < c.length; j++) {
                c[j] /= norm;
            }
        }
        return c;
    }
}
