package org.activelabel.report;

import java.util.List;
import java.util.TreeMap;
import org.activelabel.simulation.LearningCurve;
import org.activelabel.simulation.SimulationRound;

/**
 * One strategy's learning curve over seeds: the mean accuracy at each label count, and the lowest
 * and highest accuracy any seed reached there (the spread a chart draws as a band).
 */
public record StrategyCurve(String strategy, LearningCurve mean, double[] minAccuracy, double[] maxAccuracy, int seeds) {

    /** The rounds of one strategy, any number of seeds. */
    public static StrategyCurve of(String strategy, List<SimulationRound> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds for strategy " + strategy);
        }
        LearningCurve mean = LearningCurve.mean(rounds);
        TreeMap<Integer, double[]> range = new TreeMap<>();
        for (SimulationRound r : rounds) {
            range.merge(r.labelled(), new double[] {r.accuracy(), r.accuracy()},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        double[] min = range.values().stream().mapToDouble(v -> v[0]).toArray();
        double[] max = range.values().stream().mapToDouble(v -> v[1]).toArray();
        int seeds = (int) rounds.stream().mapToLong(SimulationRound::seed).distinct().count();
        return new StrategyCurve(strategy, mean, min, max, seeds);
    }

    public int[] labelled() {
        return mean.labelled();
    }

    public double[] meanAccuracy() {
        return mean.meanAccuracy();
    }
}
