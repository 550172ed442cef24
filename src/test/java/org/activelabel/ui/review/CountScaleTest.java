package org.activelabel.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountScaleTest {

    @Test
    void fewCountsGetWholeSteps() {
        assertEquals(new CountScale(1, 1), CountScale.upTo(0));
        assertEquals(new CountScale(3, 1), CountScale.upTo(3));
        assertEquals(new CountScale(5, 1), CountScale.upTo(5));
        assertEquals(new CountScale(8, 2), CountScale.upTo(7.5));
        assertEquals(new CountScale(10, 2), CountScale.upTo(10));
    }

    @Test
    void largerCountsGetStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(new CountScale(200, 50), CountScale.upTo(193));
        assertEquals(new CountScale(1500, 500), CountScale.upTo(1234));
        assertEquals(new CountScale(60_000, 20_000), CountScale.upTo(50_001));
        for (int largest = 1; largest < 100_000; largest = largest * 3 + 1) {
            var scale = CountScale.upTo(largest);
            assertTrue(scale.upper() >= largest && scale.upper() % scale.step() == 0, scale + " for " + largest);
            long ticks = scale.upper() / scale.step();
            assertTrue(ticks >= 1 && ticks <= 10, ticks + " ticks for " + largest);
        }
    }
}
