package org.activelabel.workspace;

/** Told about changes; called on whatever thread made them, so a window must hop to its own thread. */
public interface WorkspaceListener {

    default void labelsChanged() {
    }

    default void rankingChanged(Ranking ranking) {
    }

    default void itemsChanged() {
    }

    default void classesChanged() {
    }

    default void modelChanged(ModelSummary summary) {
    }
}
