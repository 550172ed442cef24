package org.activelabel.model;

import java.util.HashSet;
import java.util.List;

/**
 * Labelled feature vectors. {@code classes} may name more classes than the labels use, and may grow
 * between updates; a label is an index into it.
 */
public record TrainingSet(float[][] features, int[] labels, List<String> classes) {

    public TrainingSet {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a training set needs at least one class");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("class names repeat: " + classes);
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length
                        + " features, row 0 has " + features[0].length);
            }
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not one of "
                        + classes.size() + " classes");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Length of each feature vector, 0 when there are no rows. */
    public int featureDim() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int numClasses() {
        return classes.size();
    }

    /** The rows at the given positions, same classes. */
    public TrainingSet subset(int[] rows) {
        var f = new float[rows.length][];
        var l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = features[rows[i]];
            l[i] = labels[rows[i]];
        }
        return new TrainingSet(f, l, classes);
    }
}
