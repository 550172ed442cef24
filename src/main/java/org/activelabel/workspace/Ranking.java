package org.activelabel.workspace;

/**
 * An immutable snapshot of the queue. Per-item arrays are indexed by item id.
 *
 * @param order        unlabelled, featurised item ids, most useful first
 * @param score        strategy score per item (NaN where not scored)
 * @param predicted    predicted class per item, -1 before a model exists or when not featurised
 * @param confidence   probability of the predicted class per item (NaN when none)
 * @param probabilities class probabilities per item, or null rows where unknown
 * @param modelVersion version of the model that made the predictions, 0 for none
 * @param generation   when it was derived: a ranking never replaces one of a later generation
 */
public record Ranking(String strategy, int[] order, double[] score, int[] predicted, float[] confidence,
                      float[][] probabilities, long modelVersion, long generation) {

    /** A ranking of generation 0, for callers that publish only one. */
    public Ranking(String strategy, int[] order, double[] score, int[] predicted, float[] confidence,
                   float[][] probabilities, long modelVersion) {
        this(strategy, order, score, predicted, confidence, probabilities, modelVersion, 0);
    }

    public static Ranking empty(String strategy) {
        return new Ranking(strategy, new int[0], new double[0], new int[0], new float[0], new float[0][], 0);
    }
}
