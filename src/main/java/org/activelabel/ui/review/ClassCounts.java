package org.activelabel.ui.review;

import java.util.List;

/** Labels per class, split by who gave them; arrays are indexed like {@code classes}. */
public record ClassCounts(List<String> classes, int[] human, int[] model) {

    public int humanTotal() {
        int total = 0;
        for (int count : human) {
            total += count;
        }
        return total;
    }

    public boolean hasModelLabels() {
        for (int count : model) {
            if (count > 0) {
                return true;
            }
        }
        return false;
    }
}
