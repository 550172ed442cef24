package org.activelabel.ui.review;

/**
 * A closed interval a value must fall in. {@link #ANY} lets everything through, even a
 * missing (NaN) value; any narrower range rejects NaN, since an unknown value cannot be
 * said to lie inside it.
 */
public record ValueRange(double min, double max) {

    public static final ValueRange ANY = new ValueRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public ValueRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("not a range: [" + min + ", " + max + "]");
        }
    }

    public boolean isAny() {
        return min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY;
    }

    public boolean contains(double value) {
        return isAny() || (value >= min && value <= max);
    }
}
