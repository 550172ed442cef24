package org.activelabel.query;

/**
 * Everything a strategy may look at. Arrays are indexed by pool position; none is modified.
 *
 * @param poolProbabilities  class probabilities of the current head for each pool item ([n][k]); null before any model exists
 * @param poolFeatures       backbone features of each pool item ([n][d])
 * @param labelledFeatures   features of items already labelled ([m][d]); may be empty
 * @param labelledClasses    class index of each labelled item ([m])
 * @param numClasses         number of classes the user has defined
 * @param mcProbabilities    MC-dropout samples [t][n][k] when the strategy asked for them, else null
 * @param seed               seed for any randomness
 */
public record QueryContext(
        float[][] poolProbabilities,
        float[][] poolFeatures,
        float[][] labelledFeatures,
        int[] labelledClasses,
        int numClasses,
        float[][][] mcProbabilities,
        long seed) {

    public QueryContext {
        if (labelledFeatures.length != labelledClasses.length) {
            throw new IllegalArgumentException(labelledFeatures.length + " labelled feature rows but "
                    + labelledClasses.length + " labelled classes");
        }
        int dimension = poolFeatures.length > 0 ? poolFeatures[0].length
                : labelledFeatures.length > 0 ? labelledFeatures[0].length : 0;
        requireDimension(poolFeatures, dimension, "pool");
        requireDimension(labelledFeatures, dimension, "labelled");
        if (poolProbabilities != null && poolProbabilities.length != poolFeatures.length) {
            throw new IllegalArgumentException(poolProbabilities.length + " probability rows for a pool of "
                    + poolFeatures.length);
        }
        if (mcProbabilities != null) {
            for (float[][] sample : mcProbabilities) {
                if (sample.length != poolFeatures.length) {
                    throw new IllegalArgumentException("an MC sample has " + sample.length
                            + " rows for a pool of " + poolFeatures.length);
                }
            }
        }
    }

    private static void requireDimension(float[][] features, int dimension, String what) {
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != dimension) {
                throw new IllegalArgumentException(what + " feature row " + i + " has " + features[i].length
                        + " values, expected " + dimension);
            }
        }
    }

    public int poolSize() {
        return poolFeatures.length;
    }

    /** Number of labelled items of each class ([numClasses]); labels outside the range are ignored. */
    public int[] labelsPerClass() {
        int[] counts = new int[numClasses];
        for (int c : labelledClasses) {
            if (c >= 0 && c < numClasses) {
                counts[c]++;
            }
        }
        return counts;
    }
}
