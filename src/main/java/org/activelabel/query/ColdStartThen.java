package org.activelabel.query;

/**
 * Uses a cold-start strategy until the head can be trusted, then another: the cold start runs while no
 * probabilities exist or any class has fewer than {@code minPerClass} labels.
 */
public final class ColdStartThen implements QueryStrategy {

    public static final int DEFAULT_MIN_PER_CLASS = 2;

    private final String name;
    private final QueryStrategy coldStart;
    private final QueryStrategy then;
    private final int minPerClass;

    public ColdStartThen(String name, QueryStrategy coldStart, QueryStrategy then, int minPerClass) {
        if (minPerClass < 0) {
            throw new IllegalArgumentException("minPerClass must not be negative, was " + minPerClass);
        }
        this.name = name;
        this.coldStart = coldStart;
        this.then = then;
        this.minPerClass = minPerClass;
    }

    /** Named {@code <coldStart>-then-<then>}, switching at two labels a class. */
    public ColdStartThen(QueryStrategy coldStart, QueryStrategy then) {
        this(coldStart.name() + "-then-" + then.name(), coldStart, then, DEFAULT_MIN_PER_CLASS);
    }

    @Override
    public String name() {
        return name;
    }

    /** The later strategy's need: samples are only used once the cold start is over. */
    @Override
    public int mcSamples() {
        return then.mcSamples();
    }

    /** Without a model the cold start answers. */
    @Override
    public boolean worksWithoutModel() {
        return coldStart.worksWithoutModel();
    }

    /** The strategy that answers for this context. */
    public QueryStrategy activeFor(QueryContext context) {
        if (context.poolProbabilities() == null || context.numClasses() == 0) {
            return coldStart;
        }
        for (int count : context.labelsPerClass()) {
            if (count < minPerClass) {
                return coldStart;
            }
        }
        return then;
    }

    @Override
    public double[] scores(QueryContext context) {
        return activeFor(context).scores(context);
    }

    @Override
    public int[] selectBatch(QueryContext context, int batchSize) {
        return activeFor(context).selectBatch(context, batchSize);
    }

    @Override
    public int[] selectBatch(QueryContext context, int batchSize, double[] scores) {
        return activeFor(context).selectBatch(context, batchSize, scores);
    }

    @Override
    public PoolRanking rank(QueryContext context, int batchSize) {
        return activeFor(context).rank(context, batchSize);
    }
}
