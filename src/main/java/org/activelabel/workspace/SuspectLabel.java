package org.activelabel.workspace;

/** A labelled image the out-of-fold model confidently places in another class. */
public record SuspectLabel(int itemId, int givenClass, int predictedClass, double confidence) {
}
