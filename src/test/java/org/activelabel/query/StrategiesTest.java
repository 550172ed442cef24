package org.activelabel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrategiesTest {

    static List<String> names() {
        return Strategies.names();
    }

    @Test
    void listsEveryStrategyDefaultFirst() {
        assertEquals(List.of("default", "random", "least-confidence", "margin", "entropy", "bald", "kcenter",
                "hybrid", "typiclust"), Strategies.names());
    }

    @Test
    void refusesAnUnknownNameAndListsTheValidOnes() {
        var error = assertThrows(IllegalArgumentException.class, () -> Strategies.byName("smartest"));
        assertTrue(error.getMessage().contains("smartest"), error.getMessage());
        for (String name : Strategies.names()) {
            assertTrue(error.getMessage().contains(name), error.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void aStrategyKeepsTheNameItWasAskedBy(String name) {
        assertEquals(name, Strategies.byName(name).name());
    }

    @ParameterizedTest
    @MethodSource("names")
    void batchesHoldDistinctPoolPositionsAndNeverMoreThanThePool(String name) {
        var strategy = Strategies.byName(name);
        var context = Contexts.random(30, 4, 3, 11L);
        for (int batchSize : new int[] {0, 1, 5, 30, 50}) {
            int[] batch = strategy.selectBatch(context, batchSize);
            assertEquals(Math.min(batchSize, 30), batch.length, name + " batch " + batchSize);
            assertEquals(batch.length, Arrays.stream(batch).distinct().filter(i -> i >= 0 && i < 30).count(),
                    name + " gave " + Arrays.toString(batch));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void theQueueHoldsEveryPoolItemOnceWithTheBatchFirst(String name) {
        var strategy = Strategies.byName(name);
        var context = Contexts.random(40, 4, 3, 12L);
        var ranking = strategy.rank(context, 6);
        assertEquals(40, Arrays.stream(ranking.order()).distinct().filter(i -> i >= 0 && i < 40).count());
        assertEquals(Arrays.toString(ranking.batch()), Arrays.toString(Arrays.copyOf(ranking.order(), 6)));
        assertEquals(Arrays.toString(strategy.selectBatch(context, 6)), Arrays.toString(ranking.batch()));
        assertTrue(Arrays.stream(ranking.scores()).allMatch(Double::isFinite), name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void ranksWithoutAModelExactlyWhenItSaysItCan(String name) {
        var strategy = Strategies.byName(name);
        var trained = Contexts.random(20, 3, 2, 13L);
        var untrained = new QueryContext(null, trained.poolFeatures(), trained.labelledFeatures(),
                trained.labelledClasses(), 2, null, 13L);
        if (strategy.worksWithoutModel()) {
            assertEquals(20, strategy.rank(untrained, 5).order().length);
        } else {
            assertThrows(IllegalArgumentException.class, () -> strategy.rank(untrained, 5));
        }
    }

    @Test
    void theDefaultAndTheDiversityStrategiesWorkWithoutAModel() {
        for (String name : List.of("default", "random", "kcenter", "typiclust")) {
            assertTrue(Strategies.byName(name).worksWithoutModel(), name);
        }
        for (String name : List.of("least-confidence", "margin", "entropy", "bald", "hybrid")) {
            assertFalse(Strategies.byName(name).worksWithoutModel(), name);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void anEmptyPoolGivesAnEmptyBatch(String name) {
        var context = new QueryContext(new float[0][], new float[0][], new float[][] {{0f}, {1f}}, new int[] {0, 1},
                2, new float[][][] {new float[0][]}, 1L);
        assertEquals(0, Strategies.byName(name).selectBatch(context, 5).length);
        assertEquals(0, Strategies.byName(name).rank(context, 5).order().length);
    }
}
