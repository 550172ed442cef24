package org.activelabel.ui.review;

import org.activelabel.workspace.ImageItem;

/**
 * A possible label error as the list shows it.
 *
 * @param currentClass the image's label now, which differs from {@code givenClass} once the
 *                     reviewer has relabelled it and before the model has been updated
 */
public record SuspectRow(ImageItem item, int givenClass, String givenName, int predictedClass,
                         String predictedName, double confidence, int currentClass) {

    public int itemId() {
        return item.id();
    }

    public boolean isRelabelled() {
        return currentClass != givenClass;
    }
}
