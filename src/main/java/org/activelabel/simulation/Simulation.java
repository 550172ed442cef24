package org.activelabel.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.SelfTraining;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.QueryContext;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.RandomStrategy;

/**
 * Replays a labelling session with an oracle: each round the strategy picks a batch from the
 * unlabelled training pool, its true labels are revealed, the head is updated the way the app
 * updates it, and the model is scored on a held-out test split it never sees.
 */
public final class Simulation {

    /**
     * @param initial   labels in the first round
     * @param batch     labels per later round
     * @param budget    labels at which the run stops
     * @param fullRefit refit from scratch every round instead of fine-tuning incrementally
     */
    public record Settings(int initial, int batch, int budget, boolean fullRefit, int mcSamples) {
    }

    /** How a run learns: a strategy to pick images, and whether the head also learns from the unlabelled pool. */
    public record Pipeline(String name, QueryStrategy strategy, SelfTraining selfTraining) {

        /** Labels only: the head never sees an unlabelled image. */
        public static Pipeline supervised(String name, QueryStrategy strategy) {
            return new Pipeline(name, strategy, null);
        }
    }

    private final LabelledSet data;
    private final HeadTrainer trainer;
    private final String backboneId;

    public Simulation(LabelledSet data, HeadTrainer trainer, String backboneId) {
        this.data = data;
        this.trainer = trainer;
        this.backboneId = backboneId;
    }

    public List<SimulationRound> run(Pipeline pipeline, StratifiedSplit split, Settings settings, long seed,
                                     ProgressSink progress) {
        String strategyName = pipeline.name();
        QueryStrategy strategy = pipeline.strategy();
        int numClasses = data.classes().size();
        int[] pool = split.train();
        boolean[] taken = new boolean[pool.length];
        List<Integer> labelled = new ArrayList<>();
        float[][] testX = rows(data.features(), split.test());
        int[] testY = pick(data.labels(), split.test());
        int budget = Math.min(settings.budget(), pool.length);
        List<SimulationRound> rounds = new ArrayList<>();
        ModelSnapshot model = null;
        int round = 0;
        while (labelled.size() < budget) {
            progress.checkCancelled();
            int want = Math.min(labelled.isEmpty() ? settings.initial() : settings.batch(), budget - labelled.size());
            int[] unlabelled = unlabelledPositions(taken);

            long rankStart = System.nanoTime();
            float[][] unlabelledX = rows(data.features(), pick(pool, unlabelled));
            QueryStrategy chooser = model == null && !strategy.worksWithoutModel()
                    ? new RandomStrategy() : strategy;
            float[][] probabilities = model == null ? null : model.predict(unlabelledX);
            float[][][] mc = model != null && chooser.needsMcSamples()
                    ? model.predictWithDropout(unlabelledX, settings.mcSamples(), seed + round) : null;
            int[] labelledRows = labelled.stream().mapToInt(p -> pool[p]).toArray();
            QueryContext context = new QueryContext(probabilities, unlabelledX, rows(data.features(), labelledRows),
                    pick(data.labels(), labelledRows), numClasses, mc, seed * 1_000_003L + round);
            int[] chosen = chooser.selectBatch(context, want);
            long rankMillis = (System.nanoTime() - rankStart) / 1_000_000;

            int firstNew = labelled.size();
            for (int c : chosen) {
                int position = unlabelled[c];
                taken[position] = true;
                labelled.add(position);
            }
            int[] allRows = labelled.stream().mapToInt(p -> pool[p]).toArray();
            TrainingSet training = new TrainingSet(rows(data.features(), allRows), pick(data.labels(), allRows),
                    data.classes());
            long updateStart = System.nanoTime();
            if (model == null || settings.fullRefit()) {
                model = trainer.fullRefit(training, backboneId, ProgressSink.NONE);
            } else {
                int[] newIndices = java.util.stream.IntStream.range(firstNew, labelled.size()).toArray();
                model = trainer.incremental(model, training, newIndices, ProgressSink.NONE);
            }
            long updateMillis = (System.nanoTime() - updateStart) / 1_000_000;
            long refineStart = System.nanoTime();
            if (pipeline.selfTraining() != null) {
                // the app's second background step: the refined head serves the next round and the score
                float[][] stillUnlabelled = rows(data.features(), pick(pool, unlabelledPositions(taken)));
                model = pipeline.selfTraining().refine(model, training, stillUnlabelled, model.version() + 1,
                        ProgressSink.NONE).model();
            }
            long refineMillis = (System.nanoTime() - refineStart) / 1_000_000;

            Scores scores = Scores.of(testY, argmax(model.predict(testX)), numClasses);
            rounds.add(new SimulationRound(strategyName, seed, labelled.size(), scores.accuracy(), scores.macroF1(),
                    updateMillis, refineMillis, rankMillis));
            progress.progress(labelled.size(), budget, strategyName + " seed " + seed);
            round++;
        }
        return rounds;
    }

    private static int[] unlabelledPositions(boolean[] taken) {
        int count = 0;
        for (boolean t : taken) {
            if (!t) {
                count++;
            }
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < taken.length; i++) {
            if (!taken[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static float[][] rows(float[][] matrix, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = matrix[indices[i]];
        }
        return out;
    }

    private static int[] pick(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }
}
