package org.activelabel.model;

import java.util.Arrays;

/**
 * What is done to a feature vector before the head sees it: optional scaling to unit length, then
 * {@code (x - mean) / scale} per dimension. Fitted once by a full refit and kept by incremental updates
 * so the weights keep their meaning.
 *
 * @param unitLength whether each vector is first scaled to unit L2 norm
 * @param mean       per-dimension offset (zeros for none)
 * @param scale      per-dimension divisor (ones for none)
 */
public record InputNormalisation(boolean unitLength, float[] mean, float[] scale) {

    public InputNormalisation {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " values, scale " + scale.length);
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] scale() {
        return scale.clone();
    }

    public int dimension() {
        return mean.length;
    }

    static InputNormalisation fit(HeadConfig.Normalisation kind, float[][] features) {
        int d = features[0].length;
        var mean = new float[d];
        var scale = new float[d];
        Arrays.fill(scale, 1f);
        if (kind != HeadConfig.Normalisation.L2_STANDARDISE) {
            return new InputNormalisation(kind == HeadConfig.Normalisation.L2, mean, scale);
        }
        var unit = new InputNormalisation(true, mean, scale).apply(features);
        var sum = new double[d];
        var sumSq = new double[d];
        for (float[] row : unit) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sumSq[j] += (double) row[j] * row[j];
            }
        }
        int n = unit.length;
        // pooled over all dimensions too, so a dimension that barely varies in few labels is not blown up
        double meanVariance = 0;
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            meanVariance += Math.max(0, sumSq[j] / n - m * m) / d;
        }
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double variance = Math.max(0, sumSq[j] / n - m * m);
            mean[j] = (float) m;
            scale[j] = (float) Math.sqrt(variance + meanVariance + 1e-12);
        }
        return new InputNormalisation(true, mean, scale);
    }

    /**
     * A normalised copy of the rows; the input is not modified. Multiplies by reciprocals in double precision, at
     * half the cost of dividing: a double's error is far below a float's rounding, so the floats are those of
     * dividing but in the rarest ties, and never more than one rounding apart.
     */
    float[][] apply(float[][] features) {
        int d = mean.length;
        var reciprocal = new double[d];
        for (int j = 0; j < d; j++) {
            reciprocal[j] = 1.0 / scale[j];
        }
        var out = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            float[] row = features[i];
            if (row.length != d) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " features, the head expects "
                        + d);
            }
            double inverseNorm = 1;
            if (unitLength) {
                double sq = 0;
                for (float v : row) {
                    sq += (double) v * v;
                }
                inverseNorm = sq > 0 ? 1 / Math.sqrt(sq) : 1;
            }
            var o = new float[d];
            for (int j = 0; j < d; j++) {
                o[j] = (float) ((row[j] * inverseNorm - mean[j]) * reciprocal[j]);
            }
            out[i] = o;
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputNormalisation n && n.unitLength == unitLength
                && Arrays.equals(n.mean, mean) && Arrays.equals(n.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Boolean.hashCode(unitLength) + Arrays.hashCode(mean)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "InputNormalisation[unitLength=" + unitLength + ", dimension=" + mean.length + "]";
    }
}
