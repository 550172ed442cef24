package org.activelabel.workspace;

import java.util.Arrays;
import org.activelabel.learning.LearnerState;
import org.activelabel.learning.RankedPool;
import org.activelabel.model.Probabilities;

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

    /** The learner's ranking of state {@code s}, with the predictions of its head. */
    static Ranking of(LearnerState s, RankedPool ranked) {
        int n = s.rows();
        int[] predicted = new int[n];
        Arrays.fill(predicted, -1);
        float[] confidence = new float[n];
        Arrays.fill(confidence, Float.NaN);
        float[][] probabilities = new float[n][];
        if (s.head() != null && s.probabilities() != null) {
            for (int i = 0; i < Math.min(n, s.probabilities().length); i++) {
                float[] p = s.probabilities()[i];
                if (p != null) {
                    probabilities[i] = p;
                    predicted[i] = Probabilities.argmax(p);
                    confidence[i] = p[predicted[i]];
                }
            }
        }
        return new Ranking(s.pipeline().name(), ranked.order(), ranked.scores(), predicted, confidence, probabilities,
                s.head() == null ? 0 : s.head().version());
    }
}
