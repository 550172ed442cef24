package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RankingBoardTest {

    private static Ranking ranking(long modelVersion, int... order) {
        int n = 6;
        return new Ranking("margin", order, new double[n], new int[n], new float[n], new float[n][], modelVersion);
    }

    private static UnaryOperator<Ranking> without(int labelled) {
        return r -> new Ranking(r.strategy(), Arrays.stream(r.order()).filter(id -> id != labelled).toArray(),
                r.score(), r.predicted(), r.confidence(), r.probabilities(), r.modelVersion(), r.generation());
    }

    @Test
    void aRankingOfAnOlderStateNeverReplacesOneOfANewerState() {
        var board = new RankingBoard(Ranking.empty("margin"));
        long beforeUpdate = board.ticket(); // a label-time rerank starts on the old model…
        long afterUpdate = board.ticket();  // …while the update's rerank starts on the new one and finishes first

        assertTrue(board.publish(ranking(2, 3, 1, 2), afterUpdate, UnaryOperator.identity()).isPresent());
        Optional<Ranking> stale = board.publish(ranking(1, 1, 2, 3), beforeUpdate, UnaryOperator.identity());

        assertTrue(stale.isEmpty());
        assertEquals(2, board.current().modelVersion());
        assertArrayEquals(new int[]{3, 1, 2}, board.current().order());
    }

    @Test
    void aLabelTimeRefreshThatRacesAnUpdateDerivesFromTheUpdatesRanking() {
        var board = new RankingBoard(Ranking.empty("margin"));
        board.publish(ranking(1, 0, 1, 2, 3), board.ticket(), UnaryOperator.identity());
        boolean[] updateDone = {false};

        Ranking refreshed = board.refresh(seen -> {
            if (!updateDone[0]) {
                // the update publishes between the refresh's read and its compare-and-set
                updateDone[0] = true;
                board.publish(ranking(2, 3, 2, 1, 0), board.ticket(), UnaryOperator.identity());
            }
            return without(2).apply(seen);
        });

        assertEquals(2, refreshed.modelVersion(), "the refresh was derived again from the newer ranking");
        assertArrayEquals(new int[]{3, 1, 0}, refreshed.order());
        assertEquals(refreshed, board.current());
    }

    @Test
    void everyPublicationIsOneGenerationLaterThanTheOneItReplaced() {
        var board = new RankingBoard(Ranking.empty("margin"));
        long first = board.publish(ranking(1, 0, 1), board.ticket(), UnaryOperator.identity()).orElseThrow().generation();
        long second = board.refresh(without(0)).generation();
        long third = board.publish(ranking(2, 1), board.ticket(), without(0)).orElseThrow().generation();

        assertEquals(first + 1, second);
        assertEquals(second + 1, third);
    }
}
