package org.activelabel.workspace;

import java.util.List;

/**
 * What the window shows about the current model.
 *
 * @param version           increases with every update
 * @param labelled          labels it was trained on
 * @param cvAccuracy        k-fold cross-validated accuracy on the labels, NaN when too few
 * @param trainMillis       how long the update took
 * @param confusion         out-of-fold confusion matrix [true][predicted]
 * @param learningCurve     one point per update so far
 */
public record ModelSummary(long version, int labelled, double cvAccuracy, long trainMillis, boolean full,
                           int[][] confusion, List<CurvePoint> learningCurve) {

    public record CurvePoint(int labelled, double cvAccuracy) {
    }
}
