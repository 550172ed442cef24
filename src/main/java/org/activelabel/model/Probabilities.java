package org.activelabel.model;

/** Reading class probabilities: the one argmax of the project. */
public final class Probabilities {

    private Probabilities() {
    }

    /** Index of the largest value, the first on ties. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The argmax of every row. */
    public static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = argmax(rows[i]);
        }
        return out;
    }
}
