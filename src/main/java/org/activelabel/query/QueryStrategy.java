package org.activelabel.query;

/**
 * Chooses which unlabelled items a person should label next. Pure: the same context gives the same answer.
 */
public interface QueryStrategy {

    /** Name used on the command line and in the window. */
    String name();

    /** How many MC-dropout samples {@link QueryContext#mcProbabilities()} must hold; 0 when none are read. */
    default int mcSamples() {
        return 0;
    }

    /** True when {@link QueryContext#mcProbabilities()} must be filled (MC dropout). */
    default boolean needsMcSamples() {
        return mcSamples() > 0;
    }

    /**
     * True when a batch must not hold near-identical images ({@link NearDuplicates}); false for the blind
     * baseline, which must stay blind.
     */
    default boolean keepsNearDuplicatesApart() {
        return true;
    }

    /** True when it can rank with no model yet, i.e. with {@link QueryContext#poolProbabilities()} null. */
    default boolean worksWithoutModel() {
        return false;
    }

    /**
     * Usefulness of every pool item, higher is more useful ([n]). Used to order the whole queue.
     */
    double[] scores(QueryContext context);

    /**
     * Pool positions of the next batch, most useful first, at most {@code batchSize} distinct positions.
     */
    default int[] selectBatch(QueryContext context, int batchSize) {
        return selectBatch(context, batchSize, scores(context));
    }

    /**
     * The same batch, given {@code scores(context)} already computed so it is not computed twice.
     * Strategies with a diversity term override this; the default takes the top scores.
     */
    default int[] selectBatch(QueryContext context, int batchSize, double[] scores) {
        return TopK.indicesOfLargest(scores, batchSize);
    }

    /** The whole queue: the batch first, then every other pool item by descending score. */
    default PoolRanking rank(QueryContext context, int batchSize) {
        double[] scores = scores(context);
        return PoolRanking.of(selectBatch(context, batchSize, scores), scores);
    }
}
