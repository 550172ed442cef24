package org.activelabel.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;

import org.activelabel.progress.ProgressSink;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the head on cached features: a full refit from fresh weights, or an incremental fine-tune that
 * starts from a copy of the current snapshot's weights. Stateless apart from its config, so one trainer
 * may serve several threads; each call works on its own network.
 */
public final class HeadTrainer {

    // one item in this many is held out to decide when a full refit stops
    private static final int HOLD_OUT_FOLDS = 7;
    private static final double MIN_IMPROVEMENT = 1e-4;

    private final HeadConfig config;

    public HeadTrainer(HeadConfig config) {
        this.config = config;
    }

    public HeadConfig config() {
        return config;
    }

    /** A fresh head, version 1. */
    public ModelSnapshot fullRefit(TrainingSet data, String backboneId, ProgressSink progress) {
        return fullRefit(data, backboneId, 1, progress);
    }

    /**
     * A head trained from freshly initialised weights. With at least
     * {@link HeadConfig#minLabelsForEarlyStopping()} labels a stratified slice is held out and the weights of
     * the epoch with the lowest held-out loss are kept (one training pass, not two, to stay fast); with fewer it runs
     * {@link HeadConfig#fixedIterations()} minibatch steps. The same data and config give the same head.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public ModelSnapshot fullRefit(TrainingSet data, String backboneId, long version, ProgressSink progress) {
        requireLabels(data);
        var normalisation = InputNormalisation.fit(config.normalisation(), data.features());
        var x = normalisation.apply(data.features());
        var y = data.labels();
        int n = data.size();

        var network = n >= config.minLabelsForEarlyStopping()
                ? trainWithHoldOut(data, x, progress)
                : trainFixedBudget(data, x, null, "training on " + n + " labels", progress);
        return new ModelSnapshot(data.classes(), backboneId, data.featureDim(), version, config, normalisation, n,
                network);
    }

    /**
     * A head trained from fresh weights for {@link HeadConfig#fixedIterations()} steps where each row's loss counts by
     * its weight, e.g. pseudo-labels taken from a model's confident predictions against a person's labels.
     *
     * @param rowWeights  one weight in (0, 1] per row of {@code data}
     * @param humanLabels how many rows are a person's labels: what the snapshot reports it was trained on
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public ModelSnapshot weightedRefit(TrainingSet data, float[] rowWeights, int humanLabels, String backboneId,
                                       long version, ProgressSink progress) {
        requireLabels(data);
        if (rowWeights.length != data.size()) {
            throw new IllegalArgumentException(rowWeights.length + " weights for " + data.size() + " rows");
        }
        for (float w : rowWeights) {
            if (!(w > 0 && w <= 1)) {
                throw new IllegalArgumentException("row weights must be in (0, 1], got " + w);
            }
        }
        var normalisation = InputNormalisation.fit(config.normalisation(), data.features());
        String status = "training on " + humanLabels + " labels and " + (data.size() - humanLabels)
                + " of the model's own";
        var network = trainFixedBudget(data, normalisation.apply(data.features()), rowWeights, status, progress);
        return new ModelSnapshot(data.classes(), backboneId, data.featureDim(), version, config, normalisation,
                humanLabels, network);
    }

    /**
     * Fine-tunes a copy of {@code current}'s weights for {@link HeadConfig#incrementalEpochs()} passes over the
     * new labels plus up to this trainer's {@link HeadConfig#replaySize()} earlier ones drawn at random. Otherwise
     * uses the current snapshot's config and input normalisation. When {@code data.classes()} extends the current classes the
     * output layer is widened, keeping the old class weights. {@code current} is never modified, also when
     * cancelled.
     *
     * @param data       all labels so far; its classes must begin with {@code current.classes()}
     * @param newIndices rows of {@code data} labelled since {@code current}
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public ModelSnapshot incremental(ModelSnapshot current, TrainingSet data, int[] newIndices, ProgressSink progress) {
        requireLabels(data);
        if (data.featureDim() != current.featureDim()) {
            throw new IllegalArgumentException("features have " + data.featureDim() + " dimensions, the head takes "
                    + current.featureDim());
        }
        if (data.numClasses() < current.numClasses()
                || !data.classes().subList(0, current.numClasses()).equals(current.classes())) {
            throw new IllegalArgumentException("classes " + data.classes() + " do not extend the head's classes "
                    + current.classes());
        }
        var cfg = current.config();
        long seed = cfg.seed() + current.version();
        var random = new Random(seed);
        // how many earlier labels to replay is how this trainer trains, not part of the head: a head saved with
        // an older, smaller replay gets today's
        var rows = updateRows(data.size(), newIndices, config.replaySize(), random);

        var network = current.copyNetwork();
        if (data.numClasses() > current.numClasses()) {
            network = HeadNetworks.widen(network, cfg, current.featureDim(), data.numClasses(), seed);
        }
        var x = current.normalisation().apply(data.features());
        var y = data.labels();
        Nd4j.getRandom().setSeed(seed);
        var epochs = new Epochs(network, x, y, null, rows, cfg.batchSize(), random);
        for (int e = 0; e < cfg.incrementalEpochs(); e++) {
            progress.checkCancelled();
            epochs.run(progress);
            progress.progress(e + 1, cfg.incrementalEpochs(), "updating on " + rows.length + " labels");
        }
        progress.checkCancelled();
        return new ModelSnapshot(data.classes(), current.backboneId(), current.featureDim(), current.version() + 1, cfg,
                current.normalisation(), data.size(), network);
    }

    private MultiLayerNetwork trainFixedBudget(TrainingSet data, float[][] x, float[] rowWeights, String status,
                                               ProgressSink progress) {
        int n = data.size();
        int batchesPerEpoch = (n + config.batchSize() - 1) / config.batchSize();
        int epochs = Math.max(1, (config.fixedIterations() + batchesPerEpoch - 1) / batchesPerEpoch);
        var network = HeadNetworks.create(config, data.featureDim(), data.numClasses(), config.seed());
        var random = new Random(config.seed());
        Nd4j.getRandom().setSeed(config.seed());
        var passes = new Epochs(network, x, data.labels(), rowWeights, range(n), config.batchSize(), random);
        for (int e = 0; e < epochs; e++) {
            progress.checkCancelled();
            passes.run(progress);
            progress.progress(e + 1, epochs, status);
        }
        return network;
    }

    private MultiLayerNetwork trainWithHoldOut(TrainingSet data, float[][] x, ProgressSink progress) {
        var random = new Random(config.seed());
        int[] fold = Folds.stratified(data.labels(), data.numClasses(), HOLD_OUT_FOLDS, random);
        int[] train = Folds.where(fold, 0, false);
        int[] held = Folds.where(fold, 0, true);
        var heldX = HeadNetworks.matrix(x, held);
        var heldLabels = new int[held.length];
        for (int i = 0; i < held.length; i++) {
            heldLabels[i] = data.labels()[held[i]];
        }
        var network = HeadNetworks.create(config, data.featureDim(), data.numClasses(), config.seed());
        Nd4j.getRandom().setSeed(config.seed());
        var passes = new Epochs(network, x, data.labels(), null, train, config.batchSize(), random);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = network.params().dup();
        // never fewer steps than the fixed budget: with few batches per epoch, patience alone stops too early
        int batchesPerEpoch = (train.length + config.batchSize() - 1) / config.batchSize();
        int minEpochs = (config.fixedIterations() + batchesPerEpoch - 1) / batchesPerEpoch;
        int maxEpochs = Math.max(config.maxEpochs(), minEpochs);
        for (int e = 1; e <= maxEpochs; e++) {
            progress.checkCancelled();
            passes.run(progress);
            double loss = crossEntropy(network.output(heldX, false), heldLabels);
            if (loss < bestLoss - MIN_IMPROVEMENT) {
                bestLoss = loss;
                bestEpoch = e;
                bestParams = network.params().dup();
            } else if (e >= minEpochs && e - bestEpoch >= config.patience()) {
                break;
            }
            progress.progress(e, maxEpochs, "training on " + train.length + " labels, "
                    + held.length + " held out");
        }
        network.setParams(bestParams);
        return network;
    }

    /**
     * Passes over {@code rows}; {@code rowWeights} (null: all 1) scale each row's loss. One full batch is built once
     * and fitted every epoch, and minibatches reuse their arrays: DL4J's fit leaves its arrays as they are, and
     * rebuilding them each step only made garbage.
     */
    private static final class Epochs {
        private final MultiLayerNetwork network;
        private final float[][] x;
        private final int[] labels;
        private final float[] rowWeights;
        private final int[] rows;
        private final int batch;
        private final Random random;
        private final DataSet fullBatch;
        private final Map<Integer, DataSet> bySize = new HashMap<>();

        Epochs(MultiLayerNetwork network, float[][] x, int[] labels, float[] rowWeights, int[] rows, int batch,
               Random random) {
            this.network = network;
            this.x = x;
            this.labels = labels;
            this.rowWeights = rowWeights;
            this.rows = rows;
            this.batch = batch;
            this.random = random;
            // one full batch: order is irrelevant, and DL4J's cost is per call, so one fit per epoch
            this.fullBatch = rows.length <= batch ? minibatch(rows) : null;
        }

        void run(ProgressSink progress) {
            if (fullBatch != null) {
                progress.checkCancelled();
                network.fit(fullBatch);
                return;
            }
            var order = rows.clone();
            shuffle(order, random);
            for (int start = 0; start < order.length; ) {
                progress.checkCancelled();
                int end = Math.min(order.length, start + batch);
                // a lone last row joins this minibatch: DL4J reads a 1x1 weight mask as a per-class mask and refuses it
                if (order.length - end == 1) {
                    end = order.length;
                }
                network.fit(reused(Arrays.copyOfRange(order, start, end)));
                start = end;
            }
        }

        private DataSet minibatch(int[] pick) {
            return HeadNetworks.batch(x, labels, rowWeights, pick, HeadNetworks.numClasses(network));
        }

        /**
         * These rows, written into the arrays of the last minibatch of their length: new native arrays cost more than
         * the training step.
         */
        private DataSet reused(int[] pick) {
            DataSet batch = bySize.get(pick.length);
            if (batch == null) {
                batch = minibatch(pick);
                bySize.put(pick.length, batch);
            } else {
                HeadNetworks.refill(batch, x, labels, rowWeights, pick);
            }
            return batch;
        }
    }

    private static double crossEntropy(INDArray probabilities, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-7, probabilities.getFloat(i, labels[i])));
        }
        return sum / labels.length;
    }

    /** The new rows, then a random sample of the other rows, no repeats. */
    private static int[] updateRows(int n, int[] newIndices, int replaySize, Random random) {
        var chosen = new LinkedHashSet<Integer>();
        for (int i : newIndices) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("new label index " + i + " is outside the " + n + " labels");
            }
            chosen.add(i);
        }
        var others = new int[n - chosen.size()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!chosen.contains(i)) {
                others[k++] = i;
            }
        }
        shuffle(others, random);
        for (int i = 0; i < Math.min(replaySize, others.length); i++) {
            chosen.add(others[i]);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void requireLabels(TrainingSet data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no labels to train on");
        }
    }

    private static int[] range(int n) {
        var out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
