package org.activelabel.model;

import java.util.Random;

import org.activelabel.progress.ProgressSink;

/**
 * Stratified k-fold cross-validation of full refits over the labelled items: how well the head would do on
 * labels it has not seen, and which given labels it disagrees with.
 */
public final class CrossValidation {

    private final HeadTrainer trainer;

    public CrossValidation(HeadTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * @param accuracy                   share of items whose out-of-fold prediction equals the label; NaN when not computed
     * @param macroF1                    F1 averaged over the classes that occur in labels or predictions; NaN when not computed
     * @param outOfFoldProbabilities     [n][k] probabilities from the fold that did not train on the item; null when not computed
     * @param confusion                  [true][predicted] counts over out-of-fold predictions; all zero when not computed
     * @param folds                      folds actually used (fewer than asked for when labels are few)
     * @param note                       why the figures are NaN, else empty
     */
    public record Result(double accuracy, double macroF1, float[][] outOfFoldProbabilities, int[][] confusion,
                         int folds, String note) {

        public boolean computed() {
            return outOfFoldProbabilities != null;
        }
    }

    /**
     * Runs at most {@code folds} folds; with fewer labels than folds, one fold per label (leave-one-out).
     * Fewer than 2 labels, or labels of a single class, give NaN figures and a note saying why.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public Result run(TrainingSet data, int folds, ProgressSink progress) {
        int n = data.size();
        int k = data.numClasses();
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, was " + folds);
        }
        if (n < 2) {
            return notComputed(k, "needs at least 2 labels, has " + n);
        }
        if (java.util.Arrays.stream(data.labels()).distinct().count() < 2) {
            return notComputed(k, "all labels are one class");
        }
        int used = Math.min(folds, n);
        int[] fold = Folds.stratified(data.labels(), k, used, new Random(trainer.config().seed()));
        var oof = new float[n][];
        for (int f = 0; f < used; f++) {
            progress.checkCancelled();
            progress.progress(f, used, "cross-validating fold " + (f + 1) + " of " + used);
            int[] trainRows = Folds.where(fold, f, false);
            int[] testRows = Folds.where(fold, f, true);
            var model = trainer.fullRefit(data.subset(trainRows), "cross-validation", ProgressSink.NONE);
            var test = new float[testRows.length][];
            for (int i = 0; i < testRows.length; i++) {
                test[i] = data.features()[testRows[i]];
            }
            var probabilities = model.predict(test);
            for (int i = 0; i < testRows.length; i++) {
                oof[testRows[i]] = probabilities[i];
            }
        }
        progress.progress(used, used, "cross-validated");
        var confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int predicted = Probabilities.argmax(oof[i]);
            confusion[data.labels()[i]][predicted]++;
            if (predicted == data.labels()[i]) {
                correct++;
            }
        }
        return new Result(correct / (double) n, macroF1(confusion), oof, confusion, used, "");
    }

    private static Result notComputed(int k, String why) {
        return new Result(Double.NaN, Double.NaN, null, new int[k][k], 0, why);
    }

    static double macroF1(int[][] confusion) {
        int k = confusion.length;
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            int truePositive = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                predicted += confusion[j][c];
            }
            if (actual + predicted == 0) {
                continue; // a class nobody labelled or predicted says nothing about the head
            }
            classes++;
            sum += 2.0 * truePositive / (actual + predicted);
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }
}
