package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UncertaintyStrategyTest {

    private final List<UncertaintyStrategy> all =
            List.of(new LeastConfidenceStrategy(), new MarginStrategy(), new EntropyStrategy());

    @Test
    void aCoinFlipComesFirstAndACertainItemLast() {
        var context = Contexts.ofProbabilities(new float[][] {{1f, 0f}, {0.5f, 0.5f}, {0.8f, 0.2f}});
        for (var strategy : all) {
            assertArrayEquals(new int[] {1, 2, 0}, strategy.selectBatch(context, 3), strategy.name());
            assertEquals(0.0, strategy.scores(context)[0], 1e-9, strategy.name());
        }
    }

    @Test
    void knownValuesOnTwoClasses() {
        float[] coinFlip = {0.5f, 0.5f};
        assertEquals(0.5, new LeastConfidenceStrategy().uncertainty(coinFlip), 1e-6);
        assertEquals(1.0, new MarginStrategy().uncertainty(coinFlip), 1e-6);
        assertEquals(Math.log(2), new EntropyStrategy().uncertainty(coinFlip), 1e-6);
    }

    @Test
    void marginAndEntropyDisagreeWhenTwoClassesTieAndTheRestIsSpread() {
        // item 0: two classes nearly tied, a third almost impossible; item 1: mass spread over three classes
        var context = Contexts.ofProbabilities(new float[][] {{0.5f, 0.49f, 0.01f}, {0.4f, 0.3f, 0.3f}});
        assertArrayEquals(new int[] {0, 1}, new MarginStrategy().selectBatch(context, 2));
        assertArrayEquals(new int[] {1, 0}, new EntropyStrategy().selectBatch(context, 2));
        assertArrayEquals(new int[] {1, 0}, new LeastConfidenceStrategy().selectBatch(context, 2));
    }

    @Test
    void withoutAModelTheErrorNamesTheStrategy() {
        var context = Contexts.ofFeatures(new float[][] {{0f}, {1f}});
        for (var strategy : all) {
            var error = assertThrows(IllegalArgumentException.class, () -> strategy.scores(context));
            assertTrue(error.getMessage().contains(strategy.name()), error.getMessage());
        }
    }
}
