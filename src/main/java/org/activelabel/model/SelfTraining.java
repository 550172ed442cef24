package org.activelabel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.activelabel.progress.ProgressSink;

/**
 * Learns from the unlabelled pool: the current head (the teacher) predicts every unlabelled image, its most
 * confident predictions become pseudo-labels, and a fresh head (the student) is trained on the person's labels
 * plus the pseudo-labels. Pseudo-labels are the model's, never the person's: they live only in
 * the returned {@link PseudoLabels} and are not written anywhere as labels.
 */
public final class SelfTraining {

    /**
     * @param threshold      lowest teacher probability for a prediction to become a pseudo-label
     * @param weight         how much a pseudo-label counts against a person's label (which counts 1)
     * @param maxPerClass    at most this many pseudo-labels per class, the most confident first, so a class the
     *                       teacher favours does not swamp the others and the student's cost stays bounded
     * @param rounds         times a student is trained: from the second on, the last student is the teacher
     */
    public record Settings(double threshold, float weight, int maxPerClass, int rounds) {

        public Settings {
            if (threshold <= 0 || threshold >= 1 || !(weight > 0 && weight <= 1) || maxPerClass < 1 || rounds < 1) {
                throw new IllegalArgumentException("self-training settings out of range: threshold " + threshold
                        + ", weight " + weight + ", maxPerClass " + maxPerClass + ", rounds " + rounds);
            }
        }

        /**
         * Measured with simulate (3 seeds, 250 labels): threshold 0.8 and weight 0.5 gave 1.94x on MNIST,
         * 0.7 and 0.5 2.42x, 0.7 and 1.0 2.77x; see docs/label-efficiency.md.
         */
        public static Settings defaults() {
            return new Settings(0.7, 1.0f, 300, 1);
        }
    }

    /** Pool rows the student was also trained on, with the class the teacher gave each and its probability. */
    public record PseudoLabels(int[] poolRows, int[] classes, float[] confidence) {

        public int size() {
            return poolRows.length;
        }
    }

    /** The student head and the pseudo-labels it learnt from. */
    public record Result(ModelSnapshot model, PseudoLabels pseudoLabels) {
    }

    private final HeadTrainer trainer;
    private final Settings settings;

    public SelfTraining(HeadTrainer trainer, Settings settings) {
        this.trainer = trainer;
        this.settings = settings;
    }

    /**
     * @param teacher  the head trained on {@code labelled}
     * @param labelled the person's labels
     * @param pool     features of the unlabelled images
     * @param version  version of the student
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public Result refine(ModelSnapshot teacher, TrainingSet labelled, float[][] pool, long version,
                         ProgressSink progress) {
        return refine(teacher, labelled, pool, pool.length == 0 ? new float[0][] : teacher.predict(pool), version,
                progress);
    }

    /** As above, with the teacher's probabilities for {@code pool} already at hand. */
    public Result refine(ModelSnapshot teacher, TrainingSet labelled, float[][] pool, float[][] teacherProbabilities,
                         long version, ProgressSink progress) {
        if (teacherProbabilities.length != pool.length) {
            throw new IllegalArgumentException(teacherProbabilities.length + " predictions for a pool of " + pool.length);
        }
        Result result = null;
        float[][] probabilities = teacherProbabilities;
        for (int round = 0; round < settings.rounds(); round++) {
            if (result != null) {
                progress.checkCancelled();
                probabilities = result.model().predict(pool);
            }
            result = student(teacher.backboneId(), labelled, pool, probabilities, version, progress);
        }
        return result;
    }

    /** A fresh head on the labels plus the confident ones of {@code probabilities}. */
    private Result student(String backboneId, TrainingSet labelled, float[][] pool, float[][] probabilities,
                           long version, ProgressSink progress) {
        var pseudo = select(probabilities, labelled.numClasses());
        progress.checkCancelled();
        int n = labelled.size();
        int total = n + pseudo.size();
        var x = Arrays.copyOf(labelled.features(), total);
        var y = Arrays.copyOf(labelled.labels(), total);
        var weights = new float[total];
        Arrays.fill(weights, 0, n, 1f);
        for (int i = 0; i < pseudo.size(); i++) {
            x[n + i] = pool[pseudo.poolRows()[i]];
            y[n + i] = pseudo.classes()[i];
            weights[n + i] = settings.weight();
        }
        var student = trainer.weightedRefit(new TrainingSet(x, y, labelled.classes()), weights, n, backboneId,
                version, progress);
        return new Result(student, pseudo);
    }

    /** The confident predictions, at most {@link Settings#maxPerClass()} per class, most confident first. */
    PseudoLabels select(float[][] probabilities, int numClasses) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            byClass.add(new ArrayList<>());
        }
        float[] best = new float[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int k = Probabilities.argmax(probabilities[i]);
            best[i] = probabilities[i][k];
            if (best[i] >= settings.threshold() && k < numClasses) {
                byClass.get(k).add(i);
            }
        }
        List<int[]> chosen = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            var rows = byClass.get(k);
            rows.sort(Comparator.comparingDouble((Integer i) -> -best[i]).thenComparingInt(i -> i));
            for (int r : rows.subList(0, Math.min(rows.size(), settings.maxPerClass()))) {
                chosen.add(new int[]{r, k});
            }
        }
        chosen.sort(Comparator.comparingInt(c -> c[0]));
        var poolRows = new int[chosen.size()];
        var classes = new int[chosen.size()];
        var confidence = new float[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            poolRows[i] = chosen.get(i)[0];
            classes[i] = chosen.get(i)[1];
            confidence[i] = best[poolRows[i]];
        }
        return new PseudoLabels(poolRows, classes, confidence);
    }
}
