package org.activelabel.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean accuracy against number of labels, averaged over seeds, and the label-efficiency
 * arithmetic: how many labels a strategy needs to reach the baseline's final accuracy.
 */
public record LearningCurve(int[] labelled, double[] meanAccuracy) {

    /** Averages the rounds of several seeds at each label count they share. */
    public static LearningCurve mean(List<SimulationRound> rounds) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (SimulationRound r : rounds) {
            double[] s = sums.computeIfAbsent(r.labelled(), k -> new double[2]);
            s[0] += r.accuracy();
            s[1]++;
        }
        int[] x = sums.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] y = sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
        return new LearningCurve(x, y);
    }

    public double finalAccuracy() {
        return meanAccuracy[meanAccuracy.length - 1];
    }

    public int finalLabelled() {
        return labelled[labelled.length - 1];
    }

    /** Accuracy at {@code n} labels, linearly interpolated between rounds; NaN outside the curve. */
    public double accuracyAt(double n) {
        if (n < labelled[0] || n > finalLabelled()) {
            return Double.NaN;
        }
        for (int i = 1; i < labelled.length; i++) {
            if (n <= labelled[i]) {
                double t = (n - labelled[i - 1]) / (labelled[i] - labelled[i - 1]);
                return meanAccuracy[i - 1] + t * (meanAccuracy[i] - meanAccuracy[i - 1]);
            }
        }
        return meanAccuracy[0];
    }

    /**
     * Within this much a curve counts as at its target: a mean of per-seed accuracies that ties the target in
     * whole test images must not miss it by floating-point error, or by the four decimals a CSV keeps.
     */
    static final double TIE = 6e-5;

    /**
     * Fewest labels at which the curve first reaches {@code target} (less {@link #TIE}), interpolated between
     * rounds; NaN when it never does.
     */
    public double labelsToReach(double target) {
        double reached = target - TIE;
        if (meanAccuracy[0] >= reached) {
            return labelled[0];
        }
        for (int i = 1; i < labelled.length; i++) {
            if (meanAccuracy[i] >= reached) {
                double rise = meanAccuracy[i] - meanAccuracy[i - 1];
                double t = rise <= 0 ? 1 : Math.min(1, (target - meanAccuracy[i - 1]) / rise);
                return labelled[i - 1] + t * (labelled[i] - labelled[i - 1]);
            }
        }
        return Double.NaN;
    }

    /** n_baseline / n_this, where n_X is the labels X needs to reach the baseline's final accuracy. */
    public double labelEfficiencyVs(LearningCurve baseline) {
        double target = baseline.finalAccuracy();
        return baseline.labelsToReach(target) / labelsToReach(target);
    }

    /** Largest shortfall below the baseline at any shared label count (0 when never below). */
    public double worstShortfallVs(LearningCurve baseline) {
        double worst = 0;
        for (int i = 0; i < labelled.length; i++) {
            int j = Arrays.binarySearch(baseline.labelled, labelled[i]);
            if (j >= 0) {
                worst = Math.max(worst, baseline.meanAccuracy[j] - meanAccuracy[i]);
            }
        }
        return worst;
    }
}
