package org.activelabel.ui.review;

import javafx.scene.chart.NumberAxis;

/**
 * An axis of counts (images, labels) from zero in whole steps of 1, 2 or 5 times a power of ten: left to itself a
 * {@link NumberAxis} labels three labels as 0.0, 0.5, ..., 3.0.
 *
 * @param upper the axis' end, a whole number of steps at or above the largest count
 * @param step  the distance between ticks, at least 1
 */
record CountScale(long upper, long step) {

    /** About five ticks up to {@code largest}. */
    static CountScale upTo(double largest) {
        double top = Math.max(1, Math.ceil(largest));
        long step = 1;
        for (long power = 1; step * 5 < top; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                step = factor * power;
                if (step * 5 >= top) {
                    break;
                }
            }
        }
        return new CountScale((long) Math.ceil(top / step) * step, step);
    }

    void applyTo(NumberAxis axis) {
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(upper);
        axis.setTickUnit(step);
    }
}
