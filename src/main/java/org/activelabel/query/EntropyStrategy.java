package org.activelabel.query;

/** Shannon entropy of the class distribution, in nats. */
public final class EntropyStrategy implements UncertaintyStrategy {

    @Override
    public String name() {
        return "entropy";
    }

    @Override
    public double uncertainty(float[] probabilities) {
        return Math.max(0.0, entropy(probabilities));
    }

    static double entropy(float[] probabilities) {
        double h = 0.0;
        for (float p : probabilities) {
            if (p > 0f) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
