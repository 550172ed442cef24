package org.activelabel.query;

/** One minus the gap between the two most probable classes: items the head can hardly tell apart come first. */
public final class MarginStrategy implements UncertaintyStrategy {

    @Override
    public String name() {
        return "margin";
    }

    @Override
    public double uncertainty(float[] probabilities) {
        float first = 0f;
        float second = 0f;
        for (float p : probabilities) {
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
        }
        return Math.max(0.0, 1.0 - (first - second));
    }
}
