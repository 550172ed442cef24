package org.activelabel.query;

import java.util.SplittableRandom;

/** Small hand-made query contexts for tests. */
final class Contexts {

    private Contexts() {
    }

    /** A pool known only by its probabilities; features are one dimension of zeros. */
    static QueryContext ofProbabilities(float[][] probabilities) {
        return new QueryContext(probabilities, new float[probabilities.length][1], new float[0][], new int[0],
                probabilities.length == 0 ? 0 : probabilities[0].length, null, 1L);
    }

    /** A pool known only by its features, with nothing labelled and no model yet. */
    static QueryContext ofFeatures(float[][] features) {
        return new QueryContext(null, features, new float[0][], new int[0], 2, null, 1L);
    }

    static QueryContext of(float[][] probabilities, float[][] features, float[][] labelled, int[] classes,
                           int numClasses) {
        return new QueryContext(probabilities, features, labelled, classes, numClasses, null, 1L);
    }

    /** Random features, probabilities and MC samples; two labelled items a class. */
    static QueryContext random(int poolSize, int dimension, int numClasses, long seed) {
        var random = new SplittableRandom(seed);
        float[][] features = matrix(poolSize, dimension, random);
        float[][] labelled = matrix(2 * numClasses, dimension, random);
        int[] classes = new int[labelled.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % numClasses;
        }
        float[][][] mc = new float[5][][];
        for (int t = 0; t < mc.length; t++) {
            mc[t] = probabilities(poolSize, numClasses, random);
        }
        return new QueryContext(probabilities(poolSize, numClasses, random), features, labelled, classes,
                numClasses, mc, seed);
    }

    static float[][] probabilities(int n, int k, SplittableRandom random) {
        float[][] rows = matrix(n, k, random);
        for (float[] row : rows) {
            float sum = 0f;
            for (float v : row) {
                sum += v;
            }
            for (int c = 0; c < k; c++) {
                row[c] /= sum;
            }
        }
        return rows;
    }

    private static float[][] matrix(int n, int d, SplittableRandom random) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextDouble();
            }
        }
        return rows;
    }

    /** {@code count} points within 0.1 of ({@code x}, {@code y}), in a fixed spiral. */
    static float[][] tightCluster(float x, float y, int count) {
        float[][] points = new float[count][];
        for (int i = 0; i < count; i++) {
            double angle = i * 2.4;
            double radius = 0.1 * Math.sqrt((i + 1.0) / count);
            points[i] = new float[] {x + (float) (radius * Math.cos(angle)), y + (float) (radius * Math.sin(angle))};
        }
        return points;
    }

    static float[][] concat(float[][]... parts) {
        int n = 0;
        for (float[][] part : parts) {
            n += part.length;
        }
        float[][] all = new float[n][];
        int next = 0;
        for (float[][] part : parts) {
            for (float[] row : part) {
                all[next++] = row;
            }
        }
        return all;
    }

    static float[][] repeat(float[] row, int count) {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = row.clone();
        }
        return rows;
    }
}
