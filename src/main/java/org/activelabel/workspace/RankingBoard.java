package org.activelabel.workspace;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The one published ranking of a workspace. Rankings are computed outside any lock, so two can race: each full
 * ranking carries the ticket of the state it was computed from, and one from an older state never replaces one
 * from a newer state. A label-time refresh derives from whatever is published at that moment and publishes by
 * compare-and-set, retrying when a new ranking came out meanwhile. Every published ranking has a generation
 * one above the one it replaced, so a listener can drop notifications that arrive out of order.
 */
final class RankingBoard {

    private record Published(Ranking ranking, long ticket) {
    }

    private final AtomicReference<Published> current;
    private final AtomicLong tickets = new AtomicLong();

    RankingBoard(Ranking initial) {
        current = new AtomicReference<>(new Published(initial, 0));
    }

    Ranking current() {
        return current.get().ranking();
    }

    /** A ticket for a ranking about to be computed; take it together with the state the ranking reads. */
    long ticket() {
        return tickets.incrementAndGet();
    }

    /**
     * Publishes {@code candidate}, brought up to date by {@code reconcile} (labels given since its state), unless a
     * ranking from a later state is out already.
     *
     * @return the ranking published, empty when the candidate was stale
     */
    Optional<Ranking> publish(Ranking candidate, long ticket, UnaryOperator<Ranking> reconcile) {
        while (true) {
            Published seen = current.get();
            if (ticket < seen.ticket()) {
                return Optional.empty();
            }
            Ranking next = next(reconcile.apply(candidate), seen);
            if (current.compareAndSet(seen, new Published(next, ticket))) {
                return Optional.of(next);
            }
        }
    }

    /** Derives a new ranking from the published one (the same order less what was just labelled) and publishes it. */
    Ranking refresh(UnaryOperator<Ranking> derive) {
        while (true) {
            Published seen = current.get();
            Ranking next = next(derive.apply(seen.ranking()), seen);
            if (current.compareAndSet(seen, new Published(next, seen.ticket()))) {
                return next;
            }
        }
    }

    private static Ranking next(Ranking r, Published after) {
        return new Ranking(r.strategy(), r.order(), r.score(), r.predicted(), r.confidence(), r.probabilities(),
                r.modelVersion(), after.ranking().generation() + 1);
    }
}
