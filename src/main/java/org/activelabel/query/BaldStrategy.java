package org.activelabel.query;

import java.util.stream.IntStream;

/**
 * BALD: mutual information between the prediction and the head's weights, estimated from MC-dropout
 * samples as H(mean p) - mean H(p). High where the samples are each confident but disagree.
 */
public final class BaldStrategy implements QueryStrategy {

    /** Samples per ranking: the estimate settles by about 10, and each sample is a pass over the pool. */
    public static final int DEFAULT_SAMPLES = 10;

    private final int samples;

    public BaldStrategy() {
        this(DEFAULT_SAMPLES);
    }

    public BaldStrategy(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("BALD needs at least 2 MC-dropout samples, was " + samples);
        }
        this.samples = samples;
    }

    @Override
    public String name() {
        return "bald";
    }

    @Override
    public int mcSamples() {
        return samples;
    }

    @Override
    public double[] scores(QueryContext context) {
        float[][][] samples = context.mcProbabilities();
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("strategy 'bald' needs MC-dropout samples of the pool probabilities");
        }
        int n = context.poolSize();
        double[] scores = new double[n];
        IntStream range = IntStream.range(0, n);
        if ((long) n * samples.length >= 20_000) {
            range = range.parallel();
        }
        range.forEach(i -> scores[i] = mutualInformation(samples, i));
        return scores;
    }

    private static double mutualInformation(float[][][] samples, int item) {
        int k = samples[0][item].length;
        double[] mean = new double[k];
        double meanEntropy = 0.0;
        for (float[][] sample : samples) {
            float[] p = sample[item];
            for (int c = 0; c < k; c++) {
                mean[c] += p[c];
            }
            meanEntropy += EntropyStrategy.entropy(p);
        }
        double entropyOfMean = 0.0;
        for (int c = 0; c < k; c++) {
            double m = mean[c] / samples.length;
            if (m > 0.0) {
                entropyOfMean -= m * Math.log(m);
            }
        }
        // the difference is >= 0 in exact arithmetic; clamp rounding noise
        return Math.max(0.0, entropyOfMean - meanEntropy / samples.length);
    }
}
