package org.activelabel.learning;

import java.util.List;

/**
 * Cross-validation of a head's training labels.
 *
 * @param accuracy  out-of-fold accuracy, NaN when there are too few labels to validate
 * @param confusion out-of-fold confusion matrix [given][predicted], empty when not computed
 * @param suspects  labels whose out-of-fold prediction confidently disagrees, most confident first
 */
public record Validation(double accuracy, int[][] confusion, List<Suspect> suspects) {

    /** A labelled row the model thinks is wrong. */
    public record Suspect(int row, int given, int predicted, float confidence) {
    }

    static Validation none() {
        return new Validation(Double.NaN, new int[0][0], List.of());
    }
}
