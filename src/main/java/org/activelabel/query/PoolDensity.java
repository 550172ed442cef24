package org.activelabel.query;

import java.util.Arrays;
import java.util.Random;

/**
 * How crowded the pool is around an image: the inverse of its mean distance to its nearest pool images. An uncertain
 * outlier teaches the head about itself; an equally uncertain image from a crowded part of the pool stands for many
 * (information density, Settles and Craven 2008). Measured against a seeded sample of the pool, so a batch costs the
 * same on 50,000 images as on 5,000.
 */
final class PoolDensity {

    /** Pool images the candidates are measured against. */
    static final int REFERENCES = 1_000;
    /** Nearest references averaged over. */
    static final int NEIGHBOURS = 20;

    private PoolDensity() {
    }

    /**
     * The density of each of {@code items} relative to the densest of them, in (0, 1]; all 1 when the pool is too
     * small to say.
     */
    static double[] relative(float[][] items, QueryContext context) {
        float[][] pool = context.poolFeatures();
        var density = new double[items.length];
        int references = Math.min(REFERENCES, pool.length);
        int neighbours = Math.min(NEIGHBOURS, references - 1);
        if (neighbours < 1) {
            Arrays.fill(density, 1.0);
            return density;
        }
        var random = new Random(context.seed() * 31 + 7);
        var sample = new float[references][];
        for (int r = 0; r < references; r++) {
            sample[r] = pool[references == pool.length ? r : random.nextInt(pool.length)];
        }
        float[] sampleNorms = SquaredDistances.norms(sample);
        float[] itemNorms = SquaredDistances.norms(items);
        var distances = new float[references];
        double densest = 0;
        for (int j = 0; j < items.length; j++) {
            for (int r = 0; r < references; r++) {
                distances[r] = SquaredDistances.between(items[j], itemNorms[j], sample[r], sampleNorms[r]);
            }
            Arrays.sort(distances);
            // the nearest is skipped: it is the image itself whenever the sample holds it
            double sum = 0;
            for (int r = 1; r <= neighbours; r++) {
                sum += Math.sqrt(Math.max(0, distances[r]));
            }
            density[j] = 1.0 / (sum / neighbours + 1e-9);
            densest = Math.max(densest, density[j]);
        }
        for (int j = 0; j < items.length; j++) {
            density[j] /= densest;
        }
        return density;
    }
}
