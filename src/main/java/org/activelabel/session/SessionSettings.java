package org.activelabel.session;

/**
 * What a person chose for the session.
 *
 * @param strategy   name of the query strategy
 * @param batchSize  images proposed per round, at least 1
 * @param autoUpdate whether the model updates after each batch of labels
 */
public record SessionSettings(String strategy, int batchSize, boolean autoUpdate) {

    public static final String DEFAULT_STRATEGY = "default";
    public static final int DEFAULT_BATCH_SIZE = 10;

    public SessionSettings {
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("strategy must not be empty");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(DEFAULT_STRATEGY, DEFAULT_BATCH_SIZE, true);
    }
}
