package org.activelabel.learning;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.activelabel.model.ModelSnapshot;

/**
 * A consistent, immutable view of a learner, taken in one step so the slow steps (training, ranking) can run
 * while the learner moves on. Arrays are indexed by row; none is modified after the view is taken.
 *
 * @param features      backbone features by row, null where the image is not featurised (yet)
 * @param labels        class by row, in row order; only rows labelled by a person
 * @param setAside      rows that carry a label not given by a person: out of the pool, never trained on
 * @param head          the current head, null before the first update
 * @param probabilities the head's class probabilities by row (null rows where not featurised); null without a head
 * @param trainedRows   the labelled rows the head has been trained on
 */
public record LearnerState(Pipeline pipeline, List<String> classes, float[][] features,
                           SortedMap<Integer, Integer> labels, Set<Integer> setAside, ModelSnapshot head,
                           float[][] probabilities, Set<Integer> trainedRows) {

    /** The same state ranked or trained by another pipeline (a one-off ranking with another strategy). */
    public LearnerState withPipeline(Pipeline other) {
        return new LearnerState(other, classes, features, labels, setAside, head, probabilities, trainedRows);
    }

    public int rows() {
        return features.length;
    }

    /** Featurised rows with no label of any kind, ascending. */
    public int[] poolRows() {
        int count = 0;
        int[] pool = new int[features.length];
        for (int row = 0; row < features.length; row++) {
            if (features[row] != null && !labels.containsKey(row) && !setAside.contains(row)) {
                pool[count++] = row;
            }
        }
        return java.util.Arrays.copyOf(pool, count);
    }

    /** Labelled rows that have features: what a head can learn from, ascending. */
    public int[] trainableRows() {
        return labels.keySet().stream().filter(row -> features[row] != null).mapToInt(Integer::intValue).toArray();
    }

    /** The seed of this state's random steps: the pipeline's, moved on by every label so each round differs. */
    public long stepSeed() {
        return pipeline.seed() * 1_000_003L + labels.size();
    }
}
