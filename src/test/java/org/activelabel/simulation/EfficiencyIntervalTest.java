package org.activelabel.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread of a label-efficiency figure over seeds. */
class EfficiencyIntervalTest {

    /** One seed's curve at 10, 20, 30, 40 labels. */
    private static List<SimulationRound> seed(String name, long seed, double... accuracies) {
        var rounds = new ArrayList<SimulationRound>();
        for (int i = 0; i < accuracies.length; i++) {
            rounds.add(new SimulationRound(name, seed, 10 * (i + 1), accuracies[i], accuracies[i], 0, 0, 0));
        }
        return rounds;
    }

    private static List<SimulationRound> seeds(String name, double[]... perSeed) {
        var rounds = new ArrayList<SimulationRound>();
        for (int s = 0; s < perSeed.length; s++) {
            rounds.addAll(seed(name, s + 1, perSeed[s]));
        }
        return rounds;
    }

    @Test
    void seedsThatAgreeGiveNoSpread() {
        double[] random = {0.2, 0.4, 0.5, 0.6};
        double[] better = {0.4, 0.6, 0.7, 0.75};
        var interval = EfficiencyInterval.bootstrap(seeds("better", better, better, better, better),
                seeds("random", random, random, random, random), 1);
        assertEquals(2.0, interval.low(), 1e-9);
        assertEquals(2.0, interval.high(), 1e-9);
    }

    @Test
    void seedsThatDisagreeSpreadAroundTheFigureOfTheMeanCurves() {
        var strategy = seeds("better", new double[] {0.4, 0.6, 0.7, 0.75}, new double[] {0.2, 0.45, 0.6, 0.7},
                new double[] {0.5, 0.6, 0.6, 0.65}, new double[] {0.3, 0.5, 0.62, 0.7}, new double[] {0.3, 0.55, 0.6, 0.7});
        var baseline = seeds("random", new double[] {0.2, 0.4, 0.5, 0.6}, new double[] {0.3, 0.5, 0.55, 0.6},
                new double[] {0.1, 0.4, 0.5, 0.62}, new double[] {0.2, 0.3, 0.5, 0.6}, new double[] {0.2, 0.4, 0.6, 0.61});
        double point = LearningCurve.mean(strategy).labelEfficiencyVs(LearningCurve.mean(baseline));

        var interval = EfficiencyInterval.bootstrap(strategy, baseline, 1);

        assertTrue(interval.low() < interval.high(), interval.toString());
        assertTrue(interval.low() <= point && point <= interval.high(), point + " outside " + interval);
        assertEquals(interval, EfficiencyInterval.bootstrap(strategy, baseline, 1), "the same draws every time");
    }

    @Test
    void aCurveThatNeverGetsThereCountsAtItsUpperBound() {
        double[] random = {0.2, 0.4, 0.5, 0.6};
        double[] worse = {0.1, 0.2, 0.3, 0.4};
        var interval = EfficiencyInterval.bootstrap(seeds("worse", worse, worse, worse),
                seeds("random", random, random, random), 1);
        assertEquals(1.0, interval.high(), 1e-9, "random needs all 40 labels; worse does not get there in 40");
    }

    @Test
    void twoSeedsAreTooFewForAnInterval() {
        double[] curve = {0.2, 0.4, 0.5, 0.6};
        assertNull(EfficiencyInterval.bootstrap(seeds("a", curve, curve), seeds("random", curve, curve), 1));
    }
}
