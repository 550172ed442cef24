package org.activelabel.query;

/** One minus the probability of the predicted class. */
public final class LeastConfidenceStrategy implements UncertaintyStrategy {

    @Override
    public String name() {
        return "least-confidence";
    }

    @Override
    public double uncertainty(float[] probabilities) {
        float max = 0f;
        for (float p : probabilities) {
            max = Math.max(max, p);
        }
        return Math.max(0.0, 1.0 - max);
    }
}
