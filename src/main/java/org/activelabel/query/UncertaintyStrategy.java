package org.activelabel.query;

import java.util.stream.IntStream;

/**
 * A strategy whose score for an item depends only on that item's class probabilities
 * (modAL's classifier_uncertainty, classifier_margin, classifier_entropy). Scores are never negative.
 */
public sealed interface UncertaintyStrategy extends QueryStrategy
        permits LeastConfidenceStrategy, MarginStrategy, EntropyStrategy {

    /** Uncertainty of one item, higher is more uncertain, at least 0. */
    double uncertainty(float[] probabilities);

    @Override
    default double[] scores(QueryContext context) {
        float[][] probabilities = requireProbabilities(context, name());
        double[] scores = new double[probabilities.length];
        IntStream range = IntStream.range(0, probabilities.length);
        // a row costs a few nanoseconds: forking pays only for big pools
        if (probabilities.length >= 50_000) {
            range = range.parallel();
        }
        range.forEach(i -> scores[i] = uncertainty(probabilities[i]));
        return scores;
    }

    static float[][] requireProbabilities(QueryContext context, String strategy) {
        if (context.poolProbabilities() == null) {
            throw new IllegalArgumentException("strategy '" + strategy
                    + "' needs class probabilities; train a model first or use a cold start");
        }
        return context.poolProbabilities();
    }
}
