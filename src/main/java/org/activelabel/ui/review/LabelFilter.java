package org.activelabel.ui.review;

/** Which images the review table lists, by whether they carry a label. */
public enum LabelFilter {
    UNLABELLED("Unlabelled"),
    LABELLED("Labelled"),
    ALL("All");

    private final String text;

    LabelFilter(String text) {
        this.text = text;
    }

    boolean accepts(ReviewRow row) {
        return switch (this) {
            case UNLABELLED -> !row.isLabelled();
            case LABELLED -> row.isLabelled();
            case ALL -> true;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
