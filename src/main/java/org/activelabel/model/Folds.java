package org.activelabel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified assignment of labelled items to folds. */
final class Folds {

    private Folds() {
    }

    /**
     * Fold number of each item: every class is shuffled and dealt round-robin, continuing where the previous
     * class stopped, so each fold gets a share of every class and the folds differ in size by at most one.
     */
    static int[] stratified(int[] labels, int numClasses, int folds, Random random) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        var fold = new int[labels.length];
        int next = 0;
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    static int[] where(int[] fold, int wanted, boolean equal) {
        int count = 0;
        for (int f : fold) {
            if ((f == wanted) == equal) {
                count++;
            }
        }
        var out = new int[count];
        int k = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == wanted) == equal) {
                out[k++] = i;
            }
        }
        return out;
    }
}
