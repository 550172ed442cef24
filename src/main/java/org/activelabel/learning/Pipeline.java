package org.activelabel.learning;

import org.activelabel.model.SelfTraining;
import org.activelabel.query.QueryStrategy;

/**
 * How a learner learns: the strategy that picks images, whether the head also learns from the unlabelled pool,
 * and the seed every random step derives its own from.
 *
 * @param selfTraining null when the head learns from labels only
 */
public record Pipeline(String name, QueryStrategy strategy, SelfTraining selfTraining, long seed) {

    /** Labels only: the head never sees an unlabelled image. */
    public static Pipeline supervised(String name, QueryStrategy strategy, long seed) {
        return new Pipeline(name, strategy, null, seed);
    }

    public Pipeline withStrategy(QueryStrategy other) {
        return new Pipeline(other.name(), other, selfTraining, seed);
    }
}
