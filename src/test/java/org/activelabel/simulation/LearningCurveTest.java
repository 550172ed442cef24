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
    void aMeanThatTiesTheTargetInWholeImagesReachesItWhateverTheRounding() {
        // three seeds, 144 test images each: 70 + 70 + 73 right at 30 labels, 70 + 71 + 72 at 40, the same mean;
        // in doubles the first is one unit in the last place lower, and lower again with a CSV's four decimals
        int[][] right = {{10, 10, 10}, {30, 30, 30}, {70, 70, 73}, {70, 71, 72}};
        var rounds = new java.util.ArrayList<SimulationRound>();
        var rounded = new java.util.ArrayList<SimulationRound>();
        for (int i = 0; i < right.length; i++) {
            for (int seed = 0; seed < 3; seed++) {
                double accuracy = right[i][seed] / 144.0;
                rounds.add(new SimulationRound("lr", seed, 10 * (i + 1), accuracy, 0, 0, 0, 0));
                rounded.add(new SimulationRound("lr", seed, 10 * (i + 1), Math.round(accuracy * 1e4) / 1e4, 0, 0, 0, 0));
            }
        }
        var exact = LearningCurve.mean(rounds);
        assertTrue(exact.meanAccuracy()[2] < exact.finalAccuracy(), "the tie is broken in doubles");
        assertEquals(30.0, exact.labelsToReach(exact.finalAccuracy()), 1e-9);
        var fromCsv = LearningCurve.mean(rounded);
        assertEquals(30.0, fromCsv.labelsToReach(fromCsv.finalAccuracy()), 1e-9);
        assertEquals(25.0, exact.labelsToReach((exact.meanAccuracy()[1] + exact.meanAccuracy()[2]) / 2), 1e-6,
                "below a tie, rounds are interpolated as before");
    }

    @Test
    void worstShortfallIsTheLargestGapBelowTheBaseline() {
        var random = curve("random", 0.3, 0.5, 0.6);
        var other = curve("other", 0.35, 0.44, 0.62);
        assertEquals(0.06, other.worstShortfallVs(random), 1e-9);
        assertEquals(0.05, random.worstShortfallVs(other), 1e-9);
    }
}
