package org.activelabel.simulation;

/** One round of a simulated session: the test scores after training on {@code labelled} labels. */
public record SimulationRound(String strategy, long seed, int labelled, double accuracy, double macroF1,
                             long updateMillis, long rankMillis) {
}
