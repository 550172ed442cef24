package org.activelabel.learning;

import org.activelabel.model.ModelSnapshot;

/**
 * A head refined by self-training, and the model's own labels it also learnt from (never a person's labels).
 *
 * @param pseudoRows    rows that got a pseudo-label
 * @param pseudoClasses the class the teacher gave each of them
 */
public record Refinement(ModelSnapshot model, int[] pseudoRows, int[] pseudoClasses) {
}
