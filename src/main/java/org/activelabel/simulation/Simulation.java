package org.activelabel.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.activelabel.learning.ActiveLearner;
import org.activelabel.learning.Pipeline;
import org.activelabel.learning.Update;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.LogisticRegression;
import org.activelabel.model.Probabilities;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.RandomStrategy;

/**
 * Replays a labelling session with an oracle: each round the app's own {@link ActiveLearner} picks a batch from
 * the unlabelled training pool, its true labels are revealed, the head is updated and refined as the app does
 * it, and the model is scored on a held-out test split it never sees.
 */
public final class Simulation {

    /**
     * @param initial   labels in the first round
     * @param batch     labels per later round
     * @param budget    labels at which the run stops
     * @param fullRefit refit from scratch every round instead of fine-tuning incrementally
     */
    public record Settings(int initial, int batch, int budget, boolean fullRefit) {
    }

    private final LabelledSet data;
    private final HeadTrainer trainer;
    private final String backboneId;

    public Simulation(LabelledSet data, HeadTrainer trainer, String backboneId) {
        this.data = data;
        this.trainer = trainer;
        this.backboneId = backboneId;
    }

    public List<SimulationRound> run(Pipeline pipeline, StratifiedSplit split, Settings settings,
                                     ProgressSink progress) {
        return run(pipeline, split, settings, progress, picked -> { });
    }

    /**
     * @param picked told each round's batch, as rows of the learner: positions in {@code split.train()}
     */
    public List<SimulationRound> run(Pipeline pipeline, StratifiedSplit split, Settings settings,
                                     ProgressSink progress, Consumer<int[]> picked) {
        int[] pool = split.train();
        var learner = new ActiveLearner(trainer, backboneId, pipeline, data.classes(), rows(data.features(), pool));
        float[][] testX = rows(data.features(), split.test());
        int[] testY = Arrays.stream(split.test()).map(i -> data.labels()[i]).toArray();
        int budget = Math.min(settings.budget(), pool.length);
        List<SimulationRound> rounds = new ArrayList<>();
        while (learner.labelCount() < budget) {
            progress.checkCancelled();
            int labelled = learner.labelCount();
            int want = Math.min(labelled == 0 ? settings.initial() : settings.batch(), budget - labelled);

            long rankStart = System.nanoTime();
            int[] batch = learner.rank(want).batch();
            long rankMillis = (System.nanoTime() - rankStart) / 1_000_000;
            picked.accept(batch.clone());
            for (int row : batch) {
                learner.label(row, data.labels()[pool[row]]);
            }

            Update update = learner.update(settings.fullRefit(), ProgressSink.NONE);
            long refineStart = System.nanoTime();
            learner.refine(update, ProgressSink.NONE);
            long refineMillis = pipeline.selfTraining() == null ? 0 : (System.nanoTime() - refineStart) / 1_000_000;

            var head = learner.head().orElseThrow();
            Scores scores = Scores.of(testY, Probabilities.argmax(head.predict(testX)), data.classes().size());
            rounds.add(new SimulationRound(pipeline.name(), pipeline.seed(), learner.labelCount(), scores.accuracy(),
                    scores.macroF1(), update.millis(), refineMillis, rankMillis));
            progress.progress(learner.labelCount(), budget, pipeline.name() + " seed " + pipeline.seed());
        }
        return rounds;
    }

    /** Name of the reference curve in results: {@link #reference}. */
    public static final String REFERENCE = "lr-random";

    /**
     * The external reference: multinomial logistic regression fitted to convergence (C = 1 on standardised
     * features, as scikit-learn's default) on the labels {@code random} picks with the same seed. No head, no
     * pool: the gap between it and {@code random} is what the head leaves on the table.
     */
    public List<SimulationRound> reference(StratifiedSplit split, Settings settings, long seed, ProgressSink progress) {
        int[] pool = split.train();
        var pipeline = Pipeline.supervised(REFERENCE, new RandomStrategy(), seed);
        var learner = new ActiveLearner(trainer, backboneId, pipeline, data.classes(), rows(data.features(), pool));
        float[][] testX = rows(data.features(), split.test());
        int[] testY = Arrays.stream(split.test()).map(i -> data.labels()[i]).toArray();
        int budget = Math.min(settings.budget(), pool.length);
        List<Integer> labelled = new ArrayList<>();
        List<SimulationRound> rounds = new ArrayList<>();
        while (labelled.size() < budget) {
            progress.checkCancelled();
            int want = Math.min(labelled.isEmpty() ? settings.initial() : settings.batch(), budget - labelled.size());
            for (int row : learner.rank(want).batch()) {
                learner.label(row, data.labels()[pool[row]]);
                labelled.add(row);
            }
            long start = System.nanoTime();
            float[][] x = labelled.stream().map(r -> data.features()[pool[r]]).toArray(float[][]::new);
            int[] y = labelled.stream().mapToInt(r -> data.labels()[pool[r]]).toArray();
            var model = LogisticRegression.fit(LogisticRegression.standardise(x, x), y, data.classes().size(), 1.0,
                    REFERENCE_ITERATIONS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int[] predicted = Probabilities.argmax(model.predict(LogisticRegression.standardise(x, testX)));
            Scores scores = Scores.of(testY, predicted, data.classes().size());
            rounds.add(new SimulationRound(REFERENCE, seed, labelled.size(), scores.accuracy(), scores.macroF1(),
                    millis, 0, 0));
            progress.progress(labelled.size(), budget, REFERENCE + " seed " + seed);
        }
        return rounds;
    }

    private static final int REFERENCE_ITERATIONS = 500;

    private static float[][] rows(float[][] matrix, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = matrix[indices[i]];
        }
        return out;
    }
}
