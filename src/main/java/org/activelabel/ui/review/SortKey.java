package org.activelabel.ui.review;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Orders of the review table. Each sorts the way a reviewer usually wants it: names A to Z,
 * most useful (highest score) first, least confident first, classes in index order.
 * Missing values (NaN, no prediction) go last; ties fall back to the file name.
 */
public enum SortKey {
    FILE_NAME("File name", Comparator.comparing(ReviewRow::fileName)),
    SCORE("Score, highest first", nanLast(ReviewRow::score, true)),
    CONFIDENCE("Confidence, lowest first", nanLast(ReviewRow::confidence, false)),
    PREDICTED_CLASS("Predicted class", Comparator.comparingInt(
            (ReviewRow row) -> row.predicted() < 0 ? Integer.MAX_VALUE : row.predicted()));

    private final String text;
    private final Comparator<ReviewRow> order;

    SortKey(String text, Comparator<ReviewRow> primary) {
        this.text = text;
        this.order = primary.thenComparing(ReviewRow::fileName).thenComparingInt(ReviewRow::itemId);
    }

    Comparator<ReviewRow> comparator() {
        return order;
    }

    private static Comparator<ReviewRow> nanLast(ToDoubleFunction<ReviewRow> value,
                                                 boolean descending) {
        return (a, b) -> {
            double x = value.applyAsDouble(a);
            double y = value.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return descending ? Double.compare(y, x) : Double.compare(x, y);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
