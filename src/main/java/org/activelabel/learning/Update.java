package org.activelabel.learning;

import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.TrainingSet;

/**
 * A head trained on a state's labels.
 *
 * @param data      what it was trained on, rows in the order of {@code rows}
 * @param rows      the learner's row of each training example
 * @param fullRefit true when trained from scratch, false when fine-tuned from the previous head
 * @param millis    training time
 */
public record Update(ModelSnapshot model, TrainingSet data, int[] rows, boolean fullRefit, long millis) {
}
