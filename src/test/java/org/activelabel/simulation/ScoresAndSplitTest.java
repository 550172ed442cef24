package org.activelabel.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoresAndSplitTest {

    @Test
    void accuracyAndMacroF1() {
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 1, 1, 1};
        Scores s = Scores.of(truth, predicted, 2);
        assertEquals(0.75, s.accuracy(), 1e-9);
        // class 0: tp1 fp0 fn1 -> 2/3; class 1: tp2 fp1 fn0 -> 4/5
        assertEquals((2.0 / 3 + 0.8) / 2, s.macroF1(), 1e-9);
    }

    @Test
    void splitKeepsClassSharesAndCoversEveryItemOnce() {
        int[] labels = IntStream.range(0, 100).map(i -> i < 80 ? 0 : 1).toArray();
        var split = StratifiedSplit.of(labels, 2, 0.25, 7);
        assertEquals(25, split.test().length);
        assertEquals(5, Arrays.stream(split.test()).filter(i -> labels[i] == 1).count());
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertArrayEquals(split.test(), StratifiedSplit.of(labels, 2, 0.25, 7).test());
    }
}
