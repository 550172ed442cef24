package org.activelabel.session;

import java.time.Instant;

/**
 * One model update of the session.
 *
 * @param labelled     labels the model was trained on
 * @param cvAccuracy   cross-validated accuracy, NaN when there were too few labels
 * @param modelVersion version of the model the update made
 * @param trainMillis  how long the update took
 * @param full         a full refit rather than an incremental fine-tune
 */
public record HistoryEntry(Instant time, int labelled, double cvAccuracy, long modelVersion, long trainMillis,
                           boolean full) {
}
