package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.activelabel.Main;
import org.activelabel.backbone.Backbones;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.model.HeadStore;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.session.DataFolder;
import org.activelabel.session.HistoryEntry;
import org.activelabel.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} killed with SIGKILL again and again, at random moments from JVM start to after its save: the
 * saved model must always load, its version never go back, and history.jsonl never name a model version that is
 * not on disk. About two minutes, so not part of the ordinary build; run it with
 * {@code mvn -o test -Dtest=TrainKillRunTest -Dactivelabel.killrun=25}.
 */
@EnabledIfSystemProperty(named = "activelabel.killrun", matches = "\\d+")
class TrainKillRunTest {

    @TempDir
    Path temp;

    @Test
    void killedTrainsLeaveALoadableModelAndATrueHistory() throws Exception {
        int wanted = Integer.parseInt(System.getProperty("activelabel.killrun"));
        System.setProperty(DataFolder.PROPERTY, temp.resolve("data").toString());
        Path images = SessionCommandsTest.sampleImages(temp.resolve("images"), 5);
        Path session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                "--classes-from-folders");
        Cli.ok("featurize", "--session", session.toString());
        var csv = new StringBuilder("path,label\n");
        for (String c : SessionCommandsTest.CLASSES) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                files.sorted().limit(3).forEach(f -> csv.append(c).append('/').append(f.getFileName()).append(',')
                        .append(c).append('\n'));
            }
        }
        Cli.ok("import", "--session", session.toString(), "--csv",
                Files.writeString(temp.resolve("labels.csv"), csv).toString());
        String backbone = BackboneDescriptor.read(Backbones.bundledDescriptor()).id();
        Path head = session.resolve("models").resolve("head.json");

        // one train to the end in a child, to know how long one takes
        Path err = temp.resolve("train.err");
        long started = System.nanoTime();
        try (var child = ChildJvm.start(temp, err, Main.class.getName(), "train", "--session", session.toString())) {
            List<String> lines = child.waitAndCollect();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("model version")), () -> lines + ChildJvm.read(err));
        }
        long fullMillis = (System.nanoTime() - started) / 1_000_000;

        Random random = new Random(20_251_201);
        int kills = 0;
        int trials = 0;
        int finished = 0;
        long lastVersion = HeadStore.load(head, backbone).version();
        while (kills < wanted && trials < 3 * wanted) {
            trials++;
            List<String> lines;
            boolean killed;
            try (var child = ChildJvm.start(temp, err, Main.class.getName(), "train", "--session", session.toString())) {
                Thread.sleep((long) (fullMillis * (0.2 + 0.9 * random.nextDouble())));
                killed = child.process.isAlive();
                lines = child.killAndCollect();
            }
            if (killed) {
                kills++;
            } else {
                finished++;
            }
            ModelSnapshot model = HeadStore.load(head, backbone); // throws if a kill left it unreadable
            assertTrue(model.version() >= lastVersion, "the saved model went back from " + lastVersion);
            lastVersion = model.version();
            try (Session reopened = Session.open(session)) {
                assertEquals(12, reopened.labelCount());
                for (HistoryEntry entry : reopened.history()) {
                    assertTrue(entry.modelVersion() <= model.version(), "history.jsonl names model version "
                            + entry.modelVersion() + ", the saved model is version " + model.version()
                            + " (child printed " + lines + ")");
                }
            }
        }
        System.out.printf("train kill run: %d trials, %d killed mid-run, %d finished before the kill, one train"
                + " takes %d ms; saved model loadable after every one, last version %d, history never ahead%n",
                trials, kills, finished, fullMillis, lastVersion);
        assertTrue(kills >= wanted, "only " + kills + " kills landed");
    }
}
