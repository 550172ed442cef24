package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activelabel.Main;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadStore;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.activelabel.session.LabelState;
import org.activelabel.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: child JVMs that label, import or save a model are killed with SIGKILL at random moments;
 * the session is then reopened and compared with what the child had confirmed.
 */
class CrashSafetyTest {

    private static final int LABEL_TRIALS = 20;
    private static final int IMPORT_TRIALS = 8;
    private static final int HEAD_TRIALS = 6;
    private static final int IMPORT_ROWS = 300;
    private static final String BACKBONE = "test-backbone";
    private static final List<String> CLASSES = List.of("c0", "c1", "c2", "c3");

    @TempDir
    Path temp;

    private final Random random = new Random(20_251_126);
    private int trials;
    private int kills;
    private int labelsConfirmed;
    private int labelsRecovered;
    private int unconfirmedButWritten;
    private int tornLastLines;
    private int importsFinishedBeforeKill;
    private int modelSavesConfirmed;
    private int modelsLoadable;

    @Test
    void killedWritersLoseNoConfirmedLabelAndLeaveEveryFileReadable() throws Exception {
        labelTrials();
        importTrials();
        headTrials();
        System.out.printf("crash trials: %d, kills: %d, labels confirmed: %d, labels recovered: %d"
                        + " (plus %d written but not yet confirmed), torn last lines ignored: %d,"
                        + " imports finished before the kill: %d, model saves confirmed: %d,"
                        + " models loadable after a kill: %d of %d%n",
                trials, kills, labelsConfirmed, labelsRecovered, unconfirmedButWritten, tornLastLines,
                importsFinishedBeforeKill, modelSavesConfirmed, modelsLoadable, HEAD_TRIALS);
        assertTrue(trials >= 30);
        assertEquals(labelsConfirmed, labelsRecovered);
        assertEquals(HEAD_TRIALS, modelsLoadable);
    }

    /** One session; each child goes on where the last one was killed, so torn tails meet the next append. */
    private void labelTrials() throws Exception {
        Path dir = temp.resolve("label-session");
        Session.create(dir, "crash", Files.createDirectories(temp.resolve("no-images")), CLASSES, BACKBONE).close();
        Map<String, Integer> confirmed = new HashMap<>();
        Map<String, LabelState> recoveredBefore = new HashMap<>();
        Path err = temp.resolve("label-child.err");
        for (int t = 0; t < LABEL_TRIALS; t++) {
            trials++;
            List<String> lines;
            try (var child = ChildJvm.start(temp, err, CrashChild.class.getName(), "label", dir.toString())) {
                assertEquals(CrashChild.READY, child.nextLine(60), () -> "child failed: " + ChildJvm.read(err));
                Thread.sleep(random.nextInt(120));
                lines = child.killAndCollect();
                kills++;
            }
            for (String line : lines) {
                if (line.startsWith("confirmed ")) {
                    String[] parts = line.split(" ");
                    confirmed.put(parts[1], Integer.parseInt(parts[2]));
                }
            }
            byte[] journal = Files.readAllBytes(dir.resolve("labels.jsonl"));
            if (journal.length > 0 && journal[journal.length - 1] != '\n') {
                tornLastLines++;
            }
            try (Session reopened = Session.open(dir)) {
                Map<String, LabelState> current = reopened.currentLabels();
                for (var entry : confirmed.entrySet()) {
                    LabelState state = current.get(entry.getKey());
                    assertNotNull(state, "confirmed label of " + entry.getKey() + " lost in trial " + t);
                    assertEquals(entry.getValue(), state.classId());
                }
                for (var entry : current.entrySet()) {
                    int index = Integer.parseInt(entry.getKey().replaceAll("\\D", ""));
                    assertEquals(index % CrashChild.CLASSES, entry.getValue().classId(), "a label nobody wrote");
                }
                for (var entry : recoveredBefore.entrySet()) {
                    assertEquals(entry.getValue(), current.get(entry.getKey()), "a recovered label went away");
                }
                var unconfirmed = current.keySet().stream()
                        .filter(p -> !confirmed.containsKey(p) && !recoveredBefore.containsKey(p)).sorted().toList();
                long fresh = unconfirmed.size();
                List<String> printed = lines;
                assertTrue(fresh <= 1, () -> "at most the one append in flight may land unconfirmed, found "
                        + unconfirmed + "; the child printed " + printed.size() + " lines, last "
                        + printed.subList(Math.max(0, printed.size() - 3), printed.size()));
                unconfirmedButWritten += (int) fresh;
                recoveredBefore.putAll(current);
                if (t == LABEL_TRIALS - 1) {
                    labelsConfirmed += confirmed.size();
                    labelsRecovered += (int) confirmed.keySet().stream().filter(current::containsKey).count();
                }
            }
        }
    }

    /** A fresh session each time; the import command is killed anywhere from JVM start to after its write. */
    private void importTrials() throws Exception {
        Path images = temp.resolve("import-images");
        var csv = new StringBuilder("path,label\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            String path = CLASSES.get(i % CLASSES.size()) + "/" + i + ".png";
            Files.createDirectories(images.resolve(path).getParent());
            Files.createFile(images.resolve(path));
            csv.append(path).append(',').append(CLASSES.get(i % CLASSES.size())).append('\n');
        }
        Path csvFile = Files.writeString(temp.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
        Path err = temp.resolve("import-child.err");
        for (int t = 0; t < IMPORT_TRIALS; t++) {
            trials++;
            Path dir = temp.resolve("import-session-" + t);
            Session.create(dir, "import" + t, images, CLASSES, BACKBONE).close();
            List<String> lines;
            try (var child = ChildJvm.start(temp, err, Main.class.getName(), "import", "--session", dir.toString(),
                    "--csv", csvFile.toString())) {
                Thread.sleep(300 + random.nextInt(1200));
                if (child.process.isAlive()) {
                    kills++;
                }
                lines = child.killAndCollect();
            }
            boolean finished = lines.stream().anyMatch(l -> l.startsWith("imported " + IMPORT_ROWS + " labels"));
            try (Session reopened = Session.open(dir)) {
                Map<String, LabelState> current = reopened.currentLabels();
                int found = current.size();
                assertTrue(found == 0 || found == IMPORT_ROWS,
                        () -> "an import is all or nothing, found " + found + " labels in trial");
                for (var entry : current.entrySet()) {
                    String className = entry.getKey().substring(0, 2);
                    assertEquals(CLASSES.indexOf(className), entry.getValue().classId(), "a label nobody wrote");
                }
                if (finished) {
                    importsFinishedBeforeKill++;
                    assertEquals(IMPORT_ROWS, current.size(), "a confirmed import lost labels in trial " + t);
                    labelsConfirmed += IMPORT_ROWS;
                    labelsRecovered += current.size();
                } else {
                    unconfirmedButWritten += current.size();
                }
            }
        }
    }

    /** A saved model is overwritten again and again and killed; the file left must always load. */
    private void headTrials() throws Exception {
        Random data = new Random(7);
        int n = 16;
        int dim = 64;
        float[][] x = new float[n][dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES.size();
            for (int d = 0; d < dim; d++) {
                x[i][d] = (float) data.nextGaussian() + (d % CLASSES.size() == y[i] ? 2f : 0f);
            }
        }
        ModelSnapshot model = new HeadTrainer(HeadConfig.defaults())
                .fullRefit(new TrainingSet(x, y, CLASSES), BACKBONE, ProgressSink.NONE);
        Path template = temp.resolve("template").resolve("head.json");
        HeadStore.save(model, template);
        Path target = temp.resolve("head-session").resolve("models").resolve("head.json");
        HeadStore.save(model, target);
        float[][] expected = model.predict(x);
        Path err = temp.resolve("head-child.err");
        for (int t = 0; t < HEAD_TRIALS; t++) {
            trials++;
            List<String> lines;
            try (var child = ChildJvm.start(temp, err, CrashChild.class.getName(), "head", template.toString(),
                    target.toString(), BACKBONE)) {
                assertEquals(CrashChild.READY, child.nextLine(60), () -> "child failed: " + ChildJvm.read(err));
                Thread.sleep(random.nextInt(200));
                lines = child.killAndCollect();
                kills++;
            }
            modelSavesConfirmed += (int) lines.stream().filter(l -> l.startsWith("saved ")).count();
            ModelSnapshot loaded = HeadStore.load(target, BACKBONE);
            float[][] predicted = loaded.predict(x);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], predicted[i], 1e-6f);
            }
            modelsLoadable++;
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
