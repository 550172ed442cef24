package org.activelabel.simulation;

/**
 * One round of a simulated session: the test scores after training on {@code labelled} labels.
 *
 * @param updateMillis the head update that the refreshed ranking waits for
 * @param refineMillis the learning from the unlabelled pool that follows it (0 when the pipeline does none)
 */
public record SimulationRound(String strategy, long seed, int labelled, double accuracy, double macroF1,
                             long updateMillis, long refineMillis, long rankMillis) {
}
