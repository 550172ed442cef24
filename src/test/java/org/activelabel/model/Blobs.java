package org.activelabel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Gaussian class clusters: easy, reproducible features for tests. */
final class Blobs {

    final float[][] features;
    final int[] labels;

    private Blobs(float[][] features, int[] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** {@code perClass} items of each of {@code classes} classes in {@code dim} dimensions, classes interleaved. */
    static Blobs of(int classes, int perClass, int dim, double separation, long seed) {
        var centres = centres(classes, dim, separation);
        var random = new Random(seed);
        int n = classes * perClass;
        var features = new float[n][dim];
        var labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < dim; j++) {
                features[i][j] = (float) (centres[labels[i]][j] + random.nextGaussian());
            }
        }
        return new Blobs(features, labels);
    }

    // fixed centres, so sets drawn with different seeds share their classes
    private static double[][] centres(int classes, int dim, double separation) {
        var random = new Random(12345);
        var centres = new double[classes][dim];
        for (var centre : centres) {
            for (int j = 0; j < dim; j++) {
                centre[j] = random.nextGaussian() * separation;
            }
        }
        return centres;
    }

    static List<String> names(int classes) {
        var names = new ArrayList<String>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        return names;
    }

    TrainingSet trainingSet(int classes) {
        return new TrainingSet(features, labels, names(classes));
    }

    static double accuracy(float[][] probabilities, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }

    /** A small, quick config for tests. */
    static HeadConfig smallConfig() {
        return HeadConfig.defaults().withHiddenUnits(16);
    }
}
