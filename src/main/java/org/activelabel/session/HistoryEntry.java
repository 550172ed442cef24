package org.activelabel.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One model update of the session, or the cross-validation of one (a later line with the same model version).
 *
 * @param labelled     labels the model was trained on
 * @param cvAccuracy   cross-validated accuracy, NaN when there were too few labels
 * @param modelVersion version of the model the update made
 * @param trainMillis  how long the update took
 * @param full         a full refit rather than an incremental fine-tune
 * @param confusion    out-of-fold confusion matrix [true][predicted]; empty when not measured (and in older files)
 */
public record HistoryEntry(Instant time, int labelled, double cvAccuracy, long modelVersion, long trainMillis,
                           boolean full, int[][] confusion) {

    public HistoryEntry {
        confusion = confusion == null ? new int[0][0] : confusion;
    }

    // a record compares arrays by identity; entries are values
    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEntry h && time.equals(h.time) && labelled == h.labelled
                && Double.compare(cvAccuracy, h.cvAccuracy) == 0 && modelVersion == h.modelVersion
                && trainMillis == h.trainMillis && full == h.full && Arrays.deepEquals(confusion, h.confusion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, labelled, cvAccuracy, modelVersion, trainMillis, full) * 31
                + Arrays.deepHashCode(confusion);
    }

    @Override
    public String toString() {
        return "HistoryEntry[time=" + time + ", labelled=" + labelled + ", cvAccuracy=" + cvAccuracy + ", modelVersion="
                + modelVersion + ", trainMillis=" + trainMillis + ", full=" + full + ", confusion="
                + Arrays.deepToString(confusion) + "]";
    }
}
