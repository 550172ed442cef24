package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InputNormalisationTest {

    /** The definition: each row to unit length, then (x - mean) / scale, divided in double precision. */
    private static float[][] byDivision(InputNormalisation n, float[][] rows) {
        float[] mean = n.mean();
        float[] scale = n.scale();
        var out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double sq = 0;
            for (float v : rows[i]) {
                sq += (double) v * v;
            }
            double norm = !n.unitLength() || sq == 0 ? 1 : Math.sqrt(sq);
            out[i] = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (float) ((rows[i][j] / norm - mean[j]) / scale[j]);
            }
        }
        return out;
    }

    private static float[][] pooledActivations(int rows, int dim, long seed) {
        var random = new Random(seed);
        var x = new float[rows][dim];
        for (float[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) Math.abs(random.nextGaussian() * (1 + j % 7));
            }
        }
        return x;
    }

    @Test
    void standardisedRowsAreWithinOneRoundingOfDividing() {
        var train = pooledActivations(200, 64, 1);
        var normalisation = InputNormalisation.fit(HeadConfig.Normalisation.L2_STANDARDISE, train);
        var rows = pooledActivations(2_000, 64, 2);

        float[][] applied = normalisation.apply(rows);
        float[][] expected = byDivision(normalisation, rows);

        int same = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 64; j++) {
                float a = applied[i][j];
                float e = expected[i][j];
                assertTrue(Math.abs(a - e) <= Math.ulp(e), "row " + i + ", feature " + j + ": " + a + " against " + e);
                same += a == e ? 1 : 0;
            }
        }
        assertTrue(same >= rows.length * 64 - 2, same + " of " + rows.length * 64 + " identical");
    }

    @Test
    void fittedStatisticsCentreTheTrainingRows() {
        var train = pooledActivations(300, 16, 3);
        float[][] applied = InputNormalisation.fit(HeadConfig.Normalisation.L2_STANDARDISE, train).apply(train);
        for (int j = 0; j < 16; j++) {
            double sum = 0;
            for (float[] row : applied) {
                sum += row[j];
            }
            assertEquals(0, sum / train.length, 1e-4, "feature " + j);
        }
    }

    @Test
    void unitLengthOnlyScalesEachRowAndLeavesAZeroRowAtZero() {
        var normalisation = InputNormalisation.fit(HeadConfig.Normalisation.L2, new float[][] {{1, 1}});
        float[][] applied = normalisation.apply(new float[][] {{3, 4}, {0, 0}});
        assertArrayEquals(new float[] {0.6f, 0.8f}, applied[0], 1e-7f);
        assertArrayEquals(new float[] {0, 0}, applied[1]);
    }

    @Test
    void aRowOfTheWrongLengthIsNamed() {
        var normalisation = InputNormalisation.fit(HeadConfig.Normalisation.L2, new float[][] {{1, 1}});
        var e = assertThrows(IllegalArgumentException.class,
                () -> normalisation.apply(new float[][] {{1, 2}, {1, 2, 3}}));
        assertEquals("row 1 has 3 features, the head expects 2", e.getMessage());
    }
}
