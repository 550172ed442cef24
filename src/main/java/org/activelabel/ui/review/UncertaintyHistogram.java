package org.activelabel.ui.review;

import org.activelabel.workspace.Ranking;

/**
 * How uncertain the model is about the pool: counts of 1 − confidence of the predicted class
 * over the ranked (unlabelled, featurised) items, in equal bins over [0, 1].
 */
public record UncertaintyHistogram(int[] counts) {

    public static final int DEFAULT_BINS = 20;

    public static UncertaintyHistogram of(Ranking ranking, int bins) {
        var counts = new int[bins];
        for (int id : ranking.order()) {
            if (id >= ranking.confidence().length) {
                continue;
            }
            float confidence = ranking.confidence()[id];
            if (Float.isNaN(confidence)) {
                continue;
            }
            double uncertainty = Math.min(1.0, Math.max(0.0, 1.0 - confidence));
            // an uncertainty of exactly 1 belongs to the last bin, not one past it
            counts[Math.min(bins - 1, (int) (uncertainty * bins))]++;
        }
        return new UncertaintyHistogram(counts);
    }

    public int bins() {
        return counts.length;
    }

    public double binLow(int bin) {
        return (double) bin / counts.length;
    }

    public double binHigh(int bin) {
        return (double) (bin + 1) / counts.length;
    }

    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }
}
