package org.activelabel.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One trained head, never changed after it is made: an update produces a new snapshot while this one
 * keeps serving predictions. Safe to share between threads (its network is used by one thread at a time).
 */
public final class ModelSnapshot {

    // rows per native call: bounds the off-heap memory of one prediction over a large pool
    private static final int CHUNK_ROWS = 8192;

    private final List<String> classes;
    private final String backboneId;
    private final int featureDim;
    private final long version;
    private final HeadConfig config;
    private final InputNormalisation normalisation;
    private final int trainedLabels;
    private final MultiLayerNetwork network; // guarded by itself: DL4J output is not thread-safe

    ModelSnapshot(List<String> classes, String backboneId, int featureDim, long version, HeadConfig config,
                  InputNormalisation normalisation, int trainedLabels, MultiLayerNetwork network) {
        if (HeadNetworks.numClasses(network) != classes.size()) {
            throw new IllegalArgumentException("network has " + HeadNetworks.numClasses(network)
                    + " outputs for " + classes.size() + " classes");
        }
        if (normalisation.dimension() != featureDim) {
            throw new IllegalArgumentException("normalisation is for " + normalisation.dimension()
                    + " features, the head takes " + featureDim);
        }
        this.classes = List.copyOf(classes);
        this.backboneId = backboneId;
        this.featureDim = featureDim;
        this.version = version;
        this.config = config;
        this.normalisation = normalisation;
        this.trainedLabels = trainedLabels;
        this.network = network;
    }

    public List<String> classes() {
        return classes;
    }

    public int numClasses() {
        return classes.size();
    }

    public String backboneId() {
        return backboneId;
    }

    public int featureDim() {
        return featureDim;
    }

    /** Increases with every update of a session. */
    public long version() {
        return version;
    }

    public HeadConfig config() {
        return config;
    }

    public InputNormalisation normalisation() {
        return normalisation;
    }

    /** How many labels the last update saw. */
    public int trainedLabels() {
        return trainedLabels;
    }

    /** Class probabilities [n][numClasses()], each row summing to 1. */
    public float[][] predict(float[][] features) {
        var out = new float[features.length][];
        for (int start = 0; start < features.length; start += CHUNK_ROWS) {
            int end = Math.min(features.length, start + CHUNK_ROWS);
            var input = HeadNetworks.matrix(normalisation.apply(slice(features, start, end)), featureDim);
            float[][] probabilities;
            synchronized (network) {
                probabilities = HeadNetworks.rows(network.output(input, false));
            }
            System.arraycopy(probabilities, 0, out, start, end - start);
        }
        return out;
    }

    /**
     * Monte Carlo dropout: {@code samples} predictions with dropout left on, [samples][n][numClasses()].
     * The same seed gives the same samples. With no dropout in the config every sample equals {@link #predict}.
     */
    public float[][][] predictWithDropout(float[][] features, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, was " + samples);
        }
        var out = new float[samples][features.length][];
        var normalised = normalisation.apply(features);
        synchronized (network) {
            // dropout masks come from this thread's ND4J generator
            Nd4j.getRandom().setSeed(seed);
            for (int start = 0; start < features.length; start += CHUNK_ROWS) {
                int end = Math.min(features.length, start + CHUNK_ROWS);
                var input = HeadNetworks.matrix(slice(normalised, start, end), featureDim);
                for (int s = 0; s < samples; s++) {
                    float[][] probabilities = HeadNetworks.rows(network.output(input, true));
                    System.arraycopy(probabilities, 0, out[s], start, end - start);
                }
            }
        }
        return out;
    }

    /** A private copy of the weights to train further; this snapshot is unaffected. */
    MultiLayerNetwork copyNetwork() {
        synchronized (network) {
            return network.clone();
        }
    }

    /** The head's dense layers as they predict (dropout off), input side first; the last ends in softmax. */
    public List<DenseLayerWeights> denseLayers() {
        synchronized (network) {
            return HeadNetworks.denseLayers(network);
        }
    }

    float[] parameters() {
        synchronized (network) {
            return HeadNetworks.parameters(network);
        }
    }

    private static float[][] slice(float[][] rows, int start, int end) {
        var out = new float[end - start][];
        System.arraycopy(rows, start, out, 0, end - start);
        return out;
    }

    @Override
    public String toString() {
        return "ModelSnapshot[v" + version + ", " + classes.size() + " classes, " + trainedLabels + " labels, backbone "
                + backboneId + "]";
    }
}
