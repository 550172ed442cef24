package org.activelabel.ui.review;

import java.util.List;

/**
 * The reviewer's choice of which images to list and in what order.
 *
 * @param predictedClass only images predicted as this class, or -1 for any
 */
public record ReviewFilter(LabelFilter labels, int predictedClass, ValueRange confidence, ValueRange score,
                           SortKey sort) {

    public static final ReviewFilter DEFAULT =
            new ReviewFilter(LabelFilter.UNLABELLED, -1, ValueRange.ANY, ValueRange.ANY, SortKey.SCORE);

    public boolean accepts(ReviewRow row) {
        return labels.accepts(row)
                && (predictedClass < 0 || row.predicted() == predictedClass)
                && confidence.contains(row.confidence())
                && score.contains(row.score());
    }

    public List<ReviewRow> apply(List<ReviewRow> rows) {
        return rows.stream().filter(this::accepts).sorted(sort.comparator()).toList();
    }
}
