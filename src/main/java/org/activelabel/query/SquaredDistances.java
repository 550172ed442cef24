package org.activelabel.query;

import java.util.stream.IntStream;

/**
 * Squared Euclidean distances as |a|^2 + |b|^2 - 2 a.b with precomputed norms: one dot product per pair.
 * Work is split over blocks of points with parallel streams once it is big enough to pay for the threads.
 */
final class SquaredDistances {

    /** Points per parallel task; also the block of points that shares a block of centres in cache. */
    private static final int POINT_BLOCK = 64;
    private static final int CENTRE_BLOCK = 64;
    /** Below this many multiply-adds a single thread is faster than forking. */
    private static final long PARALLEL_WORK = 2_000_000L;

    private SquaredDistances() {
    }

    static float[] norms(float[][] rows) {
        float[] norms = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            norms[i] = dot(rows[i], rows[i]);
        }
        return norms;
    }

    static float dot(float[] a, float[] b) {
        int d = a.length;
        // eight accumulators let the CPU overlap the adds; the JIT does not reorder float sums itself
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < d; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < d; i++) {
            s0 += a[i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static float between(float[] a, float aNorm, float[] b, float bNorm) {
        // rounding can make near-duplicates slightly negative
        return Math.max(0f, aNorm + bNorm - 2f * dot(a, b));
    }

    /** For each point, the squared distance to its nearest centre; +infinity when there are no centres. */
    static float[] toNearest(float[][] points, float[] pointNorms, float[][] centres, float[] centreNorms) {
        float[] nearest = new float[points.length];
        int[] unused = new int[points.length];
        nearest(points, pointNorms, centres, centreNorms, nearest, unused);
        return nearest;
    }

    /**
     * Fills, for each point, the squared distance to its nearest centre and that centre's index
     * (lowest index on ties; -1 and +infinity when there are no centres).
     */
    static void nearest(float[][] points, float[] pointNorms, float[][] centres, float[] centreNorms,
                        float[] distance, int[] centre) {
        int blocks = (points.length + POINT_BLOCK - 1) / POINT_BLOCK;
        IntStream range = IntStream.range(0, blocks);
        if (work(points, centres.length) >= PARALLEL_WORK) {
            range = range.parallel();
        }
        range.forEach(block -> {
            int from = block * POINT_BLOCK;
            int to = Math.min(points.length, from + POINT_BLOCK);
            for (int i = from; i < to; i++) {
                distance[i] = Float.POSITIVE_INFINITY;
                centre[i] = -1;
            }
            for (int c0 = 0; c0 < centres.length; c0 += CENTRE_BLOCK) {
                int c1 = Math.min(centres.length, c0 + CENTRE_BLOCK);
                for (int i = from; i < to; i++) {
                    float best = distance[i];
                    int bestCentre = centre[i];
                    for (int c = c0; c < c1; c++) {
                        float d = pointNorms[i] + centreNorms[c] - 2f * dot(points[i], centres[c]);
                        if (d < best) {
                            best = d;
                            bestCentre = c;
                        }
                    }
                    distance[i] = best;
                    centre[i] = bestCentre;
                }
            }
            for (int i = from; i < to; i++) {
                distance[i] = Math.max(0f, distance[i]);
            }
        });
    }

    /** Lowers each {@code nearest[i]} to the squared distance from point i to {@code centre} where that is closer. */
    static void lowerTo(float[][] points, float[] pointNorms, float[] centre, float centreNorm, float[] nearest) {
        IntStream range = IntStream.range(0, (points.length + POINT_BLOCK - 1) / POINT_BLOCK);
        if (work(points, 1) >= PARALLEL_WORK) {
            range = range.parallel();
        }
        range.forEach(block -> {
            int to = Math.min(points.length, (block + 1) * POINT_BLOCK);
            for (int i = block * POINT_BLOCK; i < to; i++) {
                float d = between(points[i], pointNorms[i], centre, centreNorm);
                if (d < nearest[i]) {
                    nearest[i] = d;
                }
            }
        });
    }

    private static long work(float[][] points, int centres) {
        int dimension = points.length == 0 ? 0 : points[0].length;
        return (long) points.length * centres * dimension;
    }
}
