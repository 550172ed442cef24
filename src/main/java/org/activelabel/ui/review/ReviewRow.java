package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import org.activelabel.workspace.ImageItem;

/**
 * One image as the review table shows it.
 *
 * @param labelClass  class of its label, -1 when unlabelled
 * @param labelSource who gave the label, null when unlabelled
 * @param predicted   predicted class, -1 when there is no prediction
 * @param confidence  probability of the predicted class, NaN when none
 * @param score       strategy score, NaN when not scored
 */
public record ReviewRow(ImageItem item, int labelClass, LabelSource labelSource, int predicted,
                        double confidence, double score) {

    public int itemId() {
        return item.id();
    }

    public String fileName() {
        return item.relativePath();
    }

    public boolean isLabelled() {
        return labelClass >= 0;
    }
}
