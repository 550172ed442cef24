package org.activelabel.query;

import java.util.SplittableRandom;

/** Uniformly random order, fixed by the context's seed: the baseline every other strategy must beat. */
public final class RandomStrategy implements QueryStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean keepsNearDuplicatesApart() {
        return false;
    }

    @Override
    public boolean worksWithoutModel() {
        return true;
    }

    @Override
    public double[] scores(QueryContext context) {
        var random = new SplittableRandom(context.seed());
        double[] scores = new double[context.poolSize()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
        }
        return scores;
    }
}
