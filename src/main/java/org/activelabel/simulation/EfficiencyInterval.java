package org.activelabel.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How far a label-efficiency figure could move with other seeds: a percentile bootstrap over seeds. Each draw takes
 * as many seeds as were run, with replacement, the same ones for the strategy and its baseline (a seed is one test
 * split, shared by both), and computes the efficiency of the mean curves. A strategy that never reaches the
 * baseline's final accuracy in a draw counts at its upper bound, the baseline's labels over the whole budget.
 *
 * @param low  2.5th percentile of the draws
 * @param high 97.5th percentile
 */
public record EfficiencyInterval(double low, double high) {

    public static final int DRAWS = 2000;

    /** Null with fewer than 3 seeds: too few to say anything about the spread. */
    public static EfficiencyInterval bootstrap(List<SimulationRound> strategy, List<SimulationRound> baseline,
                                               long seed) {
        Map<Long, List<SimulationRound>> strategyBySeed = bySeed(strategy);
        Map<Long, List<SimulationRound>> baselineBySeed = bySeed(baseline);
        List<Long> seeds = new ArrayList<>(strategyBySeed.keySet());
        seeds.retainAll(baselineBySeed.keySet());
        if (seeds.size() < 3) {
            return null;
        }
        var random = new Random(seed);
        double[] draws = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            List<SimulationRound> s = new ArrayList<>();
            List<SimulationRound> b = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                Long drawn = seeds.get(random.nextInt(seeds.size()));
                s.addAll(strategyBySeed.get(drawn));
                b.addAll(baselineBySeed.get(drawn));
            }
            draws[d] = efficiency(LearningCurve.mean(s), LearningCurve.mean(b));
        }
        Arrays.sort(draws);
        return new EfficiencyInterval(draws[(int) (0.025 * (DRAWS - 1))], draws[(int) Math.ceil(0.975 * (DRAWS - 1))]);
    }

    /** The efficiency, or its upper bound when the curve never reaches the baseline's final accuracy. */
    public static double efficiency(LearningCurve curve, LearningCurve baseline) {
        double e = curve.labelEfficiencyVs(baseline);
        return Double.isNaN(e) ? baseline.labelsToReach(baseline.finalAccuracy()) / curve.finalLabelled() : e;
    }

    private static Map<Long, List<SimulationRound>> bySeed(List<SimulationRound> rounds) {
        Map<Long, List<SimulationRound>> bySeed = new LinkedHashMap<>();
        rounds.forEach(r -> bySeed.computeIfAbsent(r.seed(), k -> new ArrayList<>()).add(r));
        return bySeed;
    }
}
