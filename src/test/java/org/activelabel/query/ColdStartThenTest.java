package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColdStartThenTest {

    private final QueryStrategy coldStart = new TypicalDiverseColdStart();
    private final QueryStrategy margin = new MarginStrategy();
    private final ColdStartThen pipeline = new ColdStartThen(coldStart, margin);

    private static QueryContext labelled(int numClasses, int... classes) {
        float[][] probabilities = {{0.5f, 0.5f}, {0.9f, 0.1f}, {0.6f, 0.4f}};
        return Contexts.of(probabilities, new float[][] {{0f}, {1f}, {2f}}, new float[classes.length][1], classes,
                numClasses);
    }

    @Test
    void switchesOnceEveryClassHasTwoLabels() {
        assertSame(coldStart, pipeline.activeFor(labelled(2, 0, 0, 1)));
        assertSame(margin, pipeline.activeFor(labelled(2, 0, 0, 1, 1)));
        // a class added later sends it back to the cold start
        assertSame(coldStart, pipeline.activeFor(labelled(3, 0, 0, 1, 1)));
    }

    @Test
    void staysColdUntilAModelGivesProbabilities() {
        var context = Contexts.of(null, new float[][] {{0f}, {1f}}, new float[4][1], new int[] {0, 0, 1, 1}, 2);
        assertSame(coldStart, pipeline.activeFor(context));
    }

    @Test
    void answersWithTheActiveStrategy() {
        var warm = labelled(2, 0, 0, 1, 1);
        assertArrayEquals(margin.scores(warm), pipeline.scores(warm));
        assertArrayEquals(new int[] {0, 2}, pipeline.selectBatch(warm, 2));
        assertArrayEquals(new int[] {0, 2, 1}, pipeline.rank(warm, 2).order());
    }

    @Test
    void asksForMcSamplesOnlyWhenTheLaterStrategyNeedsThem() {
        assertFalse(pipeline.needsMcSamples());
        assertTrue(new ColdStartThen(coldStart, new BaldStrategy()).needsMcSamples());
    }
}
