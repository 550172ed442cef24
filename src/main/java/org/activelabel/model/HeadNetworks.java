package org.activelabel.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The only place that builds DL4J networks; everything outside speaks float arrays. */
final class HeadNetworks {

    static {
        NativeThreads.configure();
    }

    private HeadNetworks() {
    }

    static MultiLayerNetwork create(HeadConfig config, int featureDim, int numClasses, long seed) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(config))
                .weightInit(WeightInit.XAVIER)
                .l2(config.l2())
                .list();
        int outputInputs = featureDim;
        if (config.hiddenUnits() > 0) {
            builder.layer(new DenseLayer.Builder().nIn(featureDim).nOut(config.hiddenUnits())
                    .activation(Activation.RELU).weightInit(WeightInit.RELU).build());
            outputInputs = config.hiddenUnits();
        }
        var output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(outputInputs).nOut(numClasses).activation(Activation.SOFTMAX);
        if (config.dropout() > 0) {
            output.dropOut(new InputDropout(1.0 - config.dropout()));
        }
        MultiLayerConfiguration conf = builder.layer(output.build()).build();
        var network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /**
     * A copy of {@code source} whose output layer has {@code numClasses} units: old class weights kept,
     * new ones freshly initialised.
     */
    static MultiLayerNetwork widen(MultiLayerNetwork source, HeadConfig config, int featureDim, int numClasses,
                                   long seed) {
        var widened = create(config, featureDim, numClasses, seed);
        int last = source.getnLayers() - 1;
        for (int i = 0; i < last; i++) {
            widened.getLayer(i).setParams(source.getLayer(i).params().dup());
        }
        INDArray oldW = source.getLayer(last).getParam("W");
        INDArray oldB = source.getLayer(last).getParam("b");
        int oldClasses = (int) oldW.size(1);
        widened.getLayer(last).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(oldW);
        widened.getLayer(last).getParam("b").get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldClasses)).assign(oldB);
        return widened;
    }

    /** The layers' weights as plain arrays, input side first. */
    static java.util.List<DenseLayerWeights> denseLayers(MultiLayerNetwork network) {
        var layers = new java.util.ArrayList<DenseLayerWeights>();
        for (int i = 0; i < network.getnLayers(); i++) {
            var layer = network.getLayer(i);
            INDArray w = layer.getParam("W");
            INDArray b = layer.getParam("b");
            var conf = (org.deeplearning4j.nn.conf.layers.BaseLayer) layer.conf().getLayer();
            var activation = switch (conf.getActivationFn().getClass().getSimpleName()) {
                case "ActivationReLU" -> DenseLayerWeights.Activation.RELU;
                case "ActivationSoftmax" -> DenseLayerWeights.Activation.SOFTMAX;
                case "ActivationIdentity" -> DenseLayerWeights.Activation.IDENTITY;
                default -> throw new IllegalStateException("layer " + i + " has activation " + conf.getActivationFn()
                        + ", which cannot be written out");
            };
            layers.add(new DenseLayerWeights((int) w.size(0), (int) w.size(1), w.dup('c').data().asFloat(),
                    b.dup('c').data().asFloat(), activation));
        }
        return layers;
    }

    static int numClasses(MultiLayerNetwork network) {
        return (int) network.getLayer(network.getnLayers() - 1).getParam("b").length();
    }

    static float[] parameters(MultiLayerNetwork network) {
        return network.params().dup().data().asFloat();
    }

    static void setParameters(MultiLayerNetwork network, float[] params) {
        if (params.length != network.numParams()) {
            throw new IllegalArgumentException("expected " + network.numParams() + " parameters, got " + params.length);
        }
        network.setParams(Nd4j.create(params, new long[]{1, params.length}, DataType.FLOAT));
    }

    static INDArray matrix(float[][] rows, int columns) {
        var flat = new float[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return filled(flat, rows.length, columns);
    }

    /** The chosen rows as one matrix; copying on the Java side is far cheaper than ND4J's getRows. */
    static INDArray matrix(float[][] rows, int[] pick) {
        return filled(flatRows(rows, pick), pick.length, rows[0].length);
    }

    /** Rows {@code pick} as a minibatch; the weights (null: none) become a per-row label mask, which DL4J
     *  multiplies into each row's loss and gradient. */
    static DataSet batch(float[][] x, int[] labels, float[] rowWeights, int[] pick, int numClasses) {
        INDArray mask = rowWeights == null ? null : filled(flatWeights(rowWeights, pick), pick.length, 1);
        return new DataSet(matrix(x, pick), filled(flatOneHot(labels, pick, numClasses), pick.length, numClasses),
                null, mask);
    }

    /**
     * Writes rows {@code pick} into {@code batch}, a {@link #batch} of as many rows, in place: a training step then
     * allocates no native memory for its minibatch.
     */
    static void refill(DataSet batch, float[][] x, int[] labels, float[] rowWeights, int[] pick) {
        if (batch.getFeatures().rows() != pick.length || (rowWeights == null) != (batch.getLabelsMaskArray() == null)) {
            throw new IllegalArgumentException("a batch of " + batch.getFeatures().rows() + " rows cannot take "
                    + pick.length);
        }
        copyInto(batch.getFeatures(), flatRows(x, pick));
        copyInto(batch.getLabels(), flatOneHot(labels, pick, (int) batch.getLabels().columns()));
        if (rowWeights != null) {
            copyInto(batch.getLabelsMaskArray(), flatWeights(rowWeights, pick));
        }
    }

    private static float[] flatRows(float[][] rows, int[] pick) {
        int columns = rows[0].length;
        var flat = new float[pick.length * columns];
        for (int i = 0; i < pick.length; i++) {
            System.arraycopy(rows[pick[i]], 0, flat, i * columns, columns);
        }
        return flat;
    }

    private static float[] flatOneHot(int[] labels, int[] pick, int numClasses) {
        var flat = new float[pick.length * numClasses];
        for (int i = 0; i < pick.length; i++) {
            flat[i * numClasses + labels[pick[i]]] = 1f;
        }
        return flat;
    }

    private static float[] flatWeights(float[] rowWeights, int[] pick) {
        var w = new float[pick.length];
        for (int i = 0; i < pick.length; i++) {
            w[i] = rowWeights[pick[i]];
        }
        return w;
    }

    /** A new rows x columns matrix holding {@code flat}: Nd4j.create(float[], ...) copies element by element. */
    private static INDArray filled(float[] flat, long rows, long columns) {
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        copyInto(matrix, flat);
        return matrix;
    }

    /** One bulk copy into a whole, row-major array's native memory. */
    private static void copyInto(INDArray target, float[] flat) {
        if (target.isView() || target.ordering() != 'c' || target.length() != flat.length
                || target.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("cannot copy " + flat.length + " floats into " + target.shapeInfoToString());
        }
        var buffer = target.data().asNioFloat();
        buffer.position(0);
        buffer.put(flat);
    }

    static float[][] rows(INDArray matrix) {
        // one bulk copy out of native memory; toFloatMatrix() reads element by element
        INDArray c = matrix.ordering() == 'c' && !matrix.isView() ? matrix : matrix.dup('c');
        if (c.data().length() != c.length()) {
            return matrix.toFloatMatrix();
        }
        float[] flat = c.data().asFloat();
        int n = (int) c.rows();
        int k = (int) c.columns();
        var out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return out;
    }

    private static IUpdater updater(HeadConfig config) {
        return switch (config.optimizer()) {
            case ADAM -> new Adam(config.learningRate());
            case NESTEROVS -> new Nesterovs(config.learningRate(), 0.9);
            case SGD -> new Sgd(config.learningRate());
        };
    }
}
