package org.activelabel.simulation;

import java.util.List;

/** Features of a fully labelled image set (an ImageFolder), for replaying a labelling session with an oracle. */
public record LabelledSet(float[][] features, int[] labels, List<String> classes, List<String> paths) {

    public int size() {
        return labels.length;
    }
}
