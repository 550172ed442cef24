package org.activelabel.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

    private static LearningCurve curve(String name, double... accuracies) {
        var rounds = new java.util.ArrayList<SimulationRound>();
        for (int i = 0; i < accuracies.length; i++) {
            rounds.add(new SimulationRound(name, 1, 10 * (i + 1), accuracies[i], accuracies[i], 0, 0, 0));
        }
        return LearningCurve.mean(rounds);
    }

    @Test
    void averagesSeedsAtEachLabelCount() {
        var mean = LearningCurve.mean(List.of(
                new SimulationRound("a", 1, 10, 0.5, 0, 0, 0, 0),
                new SimulationRound("a", 2, 10, 0.7, 0, 0, 0, 0),
                new SimulationRound("a", 1, 20, 0.8, 0, 0, 0, 0),
                new SimulationRound("a", 2, 20, 0.9, 0, 0, 0, 0)));
        assertEquals(2, mean.labelled().length);
        assertEquals(0.6, mean.meanAccuracy()[0], 1e-9);
        assertEquals(0.85, mean.finalAccuracy(), 1e-9);
    }

    @Test
    void strategyReachingTheBaselineTwiceAsFastIsTwiceAsEfficient() {
        var random = curve("random", 0.2, 0.4, 0.5, 0.6);       // reaches 0.6 at 40 labels
        var better = curve("better", 0.4, 0.6, 0.7, 0.75);      // reaches 0.6 at 20 labels
        assertEquals(2.0, better.labelEfficiencyVs(random), 1e-9);
        assertEquals(1.0, random.labelEfficiencyVs(random), 1e-9);
    }

    @Test
    void labelsToReachInterpolatesBetweenRounds() {
        var c = curve("c", 0.2, 0.4);
        assertEquals(15.0, c.labelsToReach(0.3), 1e-9);
        assertTrue(Double.isNaN(c.labelsToReach(0.9)));
    }

    @Test
    void worstShortfallIsTheLargestGapBelowTheBaseline() {
        var random = curve("random", 0.3, 0.5, 0.6);
        var other = curve("other", 0.35, 0.44, 0.62);
        assertEquals(0.06, other.worstShortfallVs(random), 1e-9);
        assertEquals(0.05, random.worstShortfallVs(other), 1e-9);
    }
}
