package org.activelabel.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A seeded train/test split that keeps each class's share in both parts. */
public record StratifiedSplit(int[] train, int[] test) {

    public static StratifiedSplit of(int[] labels, int numClasses, double testFraction, long seed) {
        if (testFraction <= 0 || testFraction >= 1) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            int nTest = (int) Math.round(members.size() * testFraction);
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).toArray();
        int[] te = test.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(tr);
        Arrays.sort(te);
        return new StratifiedSplit(tr, te);
    }
}
