package org.activelabel.workspace;

import java.util.List;

/**
 * What the window shows about the current model.
 *
 * @param version           increases with every update
 * @param labelled          labels it was trained on
 * @param cvAccuracy        k-fold cross-validated accuracy on the labels, NaN when too few or not validated yet
 * @param validated         whether the cross-validation of this model has run (it runs when the person pauses)
 * @param trainMillis       how long the update took
 * @param confusion         out-of-fold confusion matrix [true][predicted]; a provisional model shows its
 *                          predecessor's until it is validated
 * @param learningCurve     one point per update so far
 */
public record ModelSummary(long version, int labelled, double cvAccuracy, boolean validated, long trainMillis,
                           boolean full, int[][] confusion, List<CurvePoint> learningCurve) {

    public record CurvePoint(int labelled, double cvAccuracy) {
    }
}
