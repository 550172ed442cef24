package org.activelabel.query;

/**
 * Core-set selection (Sener and Savarese): an item's score is its distance to the nearest labelled item,
 * and a batch is built farthest-first, each pick counting as labelled for the next. With nothing labelled
 * yet, the mean of the pool stands in for the labelled set.
 */
public final class KCenterGreedyStrategy implements QueryStrategy {

    @Override
    public String name() {
        return "kcenter";
    }

    @Override
    public boolean worksWithoutModel() {
        return true;
    }

    @Override
    public double[] scores(QueryContext context) {
        float[] nearest = squaredDistancesToLabelled(context);
        double[] scores = new double[nearest.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.sqrt(nearest[i]);
        }
        return scores;
    }

    @Override
    public int[] selectBatch(QueryContext context, int batchSize, double[] scores) {
        float[] nearest = new float[scores.length];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = (float) (scores[i] * scores[i]);
        }
        float[][] pool = context.poolFeatures();
        return farthestFirst(pool, SquaredDistances.norms(pool), nearest, batchSize);
    }

    /**
     * Greedy farthest-first traversal: repeatedly takes the point farthest from every centre so far.
     * {@code nearest} holds each point's squared distance to the current centres and is updated in place.
     */
    static int[] farthestFirst(float[][] points, float[] norms, float[] nearest, int count) {
        int[] picked = new int[Math.max(0, Math.min(count, points.length))];
        for (int p = 0; p < picked.length; p++) {
            int best = -1;
            for (int i = 0; i < nearest.length; i++) {
                if (nearest[i] != Float.NEGATIVE_INFINITY && (best < 0 || nearest[i] > nearest[best])) {
                    best = i;
                }
            }
            picked[p] = best;
            SquaredDistances.lowerTo(points, norms, points[best], norms[best], nearest);
            nearest[best] = Float.NEGATIVE_INFINITY;
        }
        return picked;
    }

    private static float[] squaredDistancesToLabelled(QueryContext context) {
        float[][] pool = context.poolFeatures();
        float[][] labelled = context.labelledFeatures();
        if (labelled.length == 0) {
            labelled = pool.length == 0 ? new float[0][] : new float[][] {mean(pool)};
        }
        return SquaredDistances.toNearest(pool, SquaredDistances.norms(pool), labelled,
                SquaredDistances.norms(labelled));
    }

    private static float[] mean(float[][] rows) {
        double[] sum = new double[rows[0].length];
        for (float[] row : rows) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += row[j];
            }
        }
        float[] mean = new float[sum.length];
        for (int j = 0; j < sum.length; j++) {
            mean[j] = (float) (sum[j] / rows.length);
        }
        return mean;
    }
}
