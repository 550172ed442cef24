package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.activelabel.backbone.Backbone;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FileKey;
import org.activelabel.learning.Pipeline;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.Probabilities;
import org.activelabel.model.SelfTraining;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.Strategies;
import org.activelabel.simulation.ImageFolderLoader;
import org.activelabel.simulation.LabelledSet;
import org.activelabel.simulation.Scores;
import org.activelabel.simulation.Simulation;
import org.activelabel.simulation.SimulationRound;
import org.activelabel.simulation.StratifiedSplit;
import org.activelabel.testing.SampleImages;
import org.activelabel.testing.SharedBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code simulate} measures is what a person gets: a session fed the oracle's labels through the workspace
 * picks the same images in the same order as the simulation with the session's seed, and its model scores the
 * same on the held-out images, round after round.
 */
class SimulateMatchesSessionTest {

    private static final List<String> CLASSES = List.of("animals-nature", "flags", "food-drink", "smileys");
    private static final int ROUNDS = 5;
    private static final int BATCH = 10;

    private static final Backbone backbone = SharedBackbone.bundled();

    @TempDir
    Path temp;

    @Test
    void aSessionLabelledByTheOracleMakesTheSimulationsPicksAndScores() throws Exception {
        // the whole set, split as simulate splits it; the session gets the training part only
        Path all = SampleImages.copy(temp.resolve("all"), CLASSES, 40);
        LabelledSet whole = ImageFolderLoader.load(all, backbone, temp.resolve("cache"), ProgressSink.NONE).set();
        assertEquals(CLASSES, whole.classes());
        StratifiedSplit split = StratifiedSplit.of(whole.labels(), CLASSES.size(), 0.3, 7);
        Path poolDir = temp.resolve("pool");
        for (int row : split.train()) {
            Path target = poolDir.resolve(whole.paths().get(row));
            Files.createDirectories(target.getParent());
            Files.copy(all.resolve(whole.paths().get(row)), target);
        }
        Path sessionDir = temp.resolve("session");
        try (var workspace = SessionWorkspace.create(sessionDir, "oracle", poolDir, CLASSES, backbone)) {
            workspace.featurize(ProgressSink.NONE);
            assertEquals(IntStream.of(split.train()).mapToObj(whole.paths()::get).toList(),
                    workspace.items().stream().map(ImageItem::relativePath).toList(), "the session's rows are the pool's");
        }

        // the simulation runs on the session's own features, so both learn from identical numbers
        int pool = split.train().length;
        float[][] features = new float[pool + split.test().length][];
        int[] labels = new int[features.length];
        List<String> paths = new ArrayList<>();
        try (var store = FeatureStore.open(sessionDir.resolve("features"), backbone.id(), backbone.featureDim())) {
            for (int i = 0; i < pool; i++) {
                String path = whole.paths().get(split.train()[i]);
                features[i] = store.get(FileKey.of(poolDir, path)).orElseThrow();
                labels[i] = whole.labels()[split.train()[i]];
                paths.add(path);
            }
        }
        for (int i = 0; i < split.test().length; i++) {
            features[pool + i] = whole.features()[split.test()[i]];
            labels[pool + i] = whole.labels()[split.test()[i]];
            paths.add(whole.paths().get(split.test()[i]));
        }
        var set = new LabelledSet(features, labels, whole.classes(), paths);
        var sessionSplit = new StratifiedSplit(IntStream.range(0, pool).toArray(),
                IntStream.range(pool, features.length).toArray());
        var trainer = new HeadTrainer(HeadConfig.defaults());
        var pipeline = new Pipeline(Strategies.DEFAULT, Strategies.byName(Strategies.DEFAULT),
                new SelfTraining(trainer, SelfTraining.Settings.defaults()), SessionWorkspace.PIPELINE_SEED);
        List<int[]> simulatedPicks = new ArrayList<>();
        List<SimulationRound> simulated = new Simulation(set, trainer, backbone.id()).run(pipeline, sessionSplit,
                new Simulation.Settings(BATCH, BATCH, ROUNDS * BATCH, false), ProgressSink.NONE, simulatedPicks::add);

        float[][] testX = java.util.Arrays.copyOfRange(features, pool, features.length);
        int[] testY = java.util.Arrays.copyOfRange(labels, pool, labels.length);
        try (var workspace = SessionWorkspace.open(sessionDir, backbone)) {
            assertEquals(BATCH, workspace.batchSize());
            for (int round = 0; round < ROUNDS; round++) {
                int[] picked = java.util.Arrays.copyOf(workspace.ranking().order(), BATCH);
                assertArrayEquals(simulatedPicks.get(round), picked, "round " + (round + 1) + " picks");
                for (int id : picked) {
                    workspace.label(new int[]{id}, labels[id]);
                }
                workspace.updateModel(false, ProgressSink.NONE);
                var predicted = Probabilities.argmax(workspace.head().orElseThrow().predict(testX));
                assertEquals(simulated.get(round).accuracy(), Scores.of(testY, predicted, CLASSES.size()).accuracy(),
                        "round " + (round + 1) + " accuracy");
            }
        }
    }
}
