package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;
import org.activelabel.testing.SampleImages;
import org.activelabel.ui.session.SessionLibrary;
import org.activelabel.workspace.SessionWorkspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session commands end to end on part of the bundled emoji sample, as a script would use them. */
class SessionCommandsTest {

    static final List<String> CLASSES = List.of("activities", "flags", "food-drink", "smileys");

    @TempDir
    static Path sessionsRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void recentSessionsInTemp() {
        System.setProperty("activelabel.data", sessionsRoot.toString());
    }

    /** {@code perClass} images of each of {@link #CLASSES}, in DIR/class/. */
    static Path sampleImages(Path dir, int perClass) throws IOException {
        return SampleImages.copy(dir, CLASSES, perClass);
    }

    @Test
    void initFeaturizeImportTrainRankExportPredict() throws Exception {
        Path images = sampleImages(temp.resolve("images"), 10);
        String session = temp.resolve("session").toString();

        assertTrue(Cli.ok("init", "--images", images.toString(), "--session", session, "--classes-from-folders").out()
                .contains("classes: activities, flags, food-drink, smileys"));
        assertTrue(Cli.ok("featurize", "--session", session).out()
                .contains("featurised 40 images now, 0 were already cached; 40 of 40 images have features"));
        assertTrue(Cli.ok("featurize", "--session", session).out().contains("featurised 0 images now, 40 were already cached"));

        var csv = new StringBuilder("path,label\n");
        Map<String, String> given = new HashMap<>();
        for (String c : CLASSES) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                for (Path f : files.sorted().limit(3).toList()) {
                    csv.append(c).append('/').append(f.getFileName()).append(',').append(c).append('\n');
                    given.put(c + "/" + f.getFileName(), c);
                }
            }
        }
        Path csvFile = Files.writeString(temp.resolve("labels.csv"), csv);
        assertTrue(Cli.ok("import", "--session", session, "--csv", csvFile.toString()).out()
                .startsWith("imported 12 labels, 0 already so, 0 rows refused"));

        Cli train = Cli.ok("train", "--session", session);
        assertTrue(train.out().matches("(?s)model version 2: trained from scratch on 12 labels in \\d+ ms, then refined with [1-9]\\d*"
                + " pseudo-labels.*"), train::toString);
        assertTrue(train.out().matches("(?s).*cross-validated accuracy: \\d+\\.\\d%.*"), train::toString);

        List<String> ranked = Cli.ok("rank", "--session", session, "--top", "5").out().lines().toList();
        assertEquals("path,score,predicted,confidence", ranked.get(0));
        assertEquals(6, ranked.size());
        for (String row : ranked.subList(1, 6)) {
            String[] f = row.split(",");
            assertFalse(given.containsKey(f[0]), "a labelled image is ranked: " + row);
            assertTrue(CLASSES.contains(f[2]), row);
        }
        assertEquals(4, Cli.ok("rank", "--session", session, "--top", "3", "--strategy", "entropy").out().lines().count());

        Path exported = temp.resolve("out.csv");
        Cli.ok("export", "--session", session, "--format", "csv", "--out", exported.toString());
        List<String> rows = Files.readAllLines(exported);
        assertEquals("path,label,source,confidence", rows.get(0));
        assertEquals(41, rows.size());
        assertEquals(12, rows.stream().filter(r -> r.contains(",human,")).count());
        for (String r : rows.stream().filter(r -> r.contains(",model,")).toList()) {
            double confidence = Double.parseDouble(r.substring(r.lastIndexOf(',') + 1));
            assertTrue(confidence > 0 && confidence <= 1, r);
        }
        given.forEach((path, label) -> assertTrue(rows.contains(path + "," + label + ",human,"), path));

        Path jsonl = temp.resolve("out.jsonl");
        Cli.ok("export", "--session", session, "--format", "jsonl", "--out", jsonl.toString());
        assertEquals(40, Files.readAllLines(jsonl).size());

        Path folder = temp.resolve("folder");
        Cli.ok("export", "--session", session, "--format", "imagefolder", "--out", folder.toString());
        given.forEach((path, label) -> assertTrue(Files.isRegularFile(folder.resolve(path)), path));
        try (Stream<Path> all = Files.walk(folder)) {
            assertEquals(12, all.filter(Files::isRegularFile).count());
        }
        assertEquals(1, Cli.run("export", "--session", session, "--format", "imagefolder", "--out",
                images.resolve("exported").toString()).code(), "an export inside the image folder is refused");

        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        Files.copy(images.resolve("flags").resolve(Files.list(images.resolve("flags")).sorted().toList().get(5)
                .getFileName()), fresh.resolve("a flag.png"));
        Path predicted = temp.resolve("predicted.csv");
        assertTrue(Cli.ok("predict", "--session", session, "--images", fresh.toString(), "--out", predicted.toString())
                .out().startsWith("predicted 1 of 1 images with model version 2"));
        List<String> predictions = Files.readAllLines(predicted);
        assertEquals(2, predictions.size());
        assertTrue(predictions.get(1).startsWith("a flag.png,"), predictions.get(1));

        // a torn last line (as a crash mid-write leaves) is ignored, the labels before it are all there
        Files.writeString(Path.of(session, "labels.jsonl"), "{\"time\":\"2025-01-01T00:0", StandardOpenOption.APPEND);
        Cli.ok("export", "--session", session, "--format", "csv", "--out", exported.toString());
        assertEquals(12, Files.readAllLines(exported).stream().filter(r -> r.contains(",human,")).count());

        // the window opens what the command line made: the last session is this one
        var library = new SessionLibrary(sessionsRoot, images, BackboneShelf.of(Backbones.openBundled()));
        try (var window = (SessionWorkspace) library.openLastOrSample()) {
            assertEquals(Path.of(session).toAbsolutePath(), window.sessionDir().toAbsolutePath());
            assertEquals(12, window.labels().size());
            window.loadSavedModel();
            assertEquals(2, window.head().orElseThrow().version());
            // the reopened model comes with the figures cross-validation gave it
            var summary = window.model().orElseThrow();
            assertTrue(summary.cvAccuracy() >= 0 && summary.cvAccuracy() <= 1, summary.toString());
            assertEquals(4, summary.confusion().length);
            assertEquals(12, Arrays.stream(summary.confusion()).flatMapToInt(Arrays::stream).sum());
        } finally {
            library.close();
        }
    }

    @Test
    void exportNamesTheLabelledImagesThatAreGoneAndKeepsTheirLabels() throws Exception {
        Path images = sampleImages(temp.resolve("images"), 2);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes-from-folders");
        String gone;
        String kept;
        try (Stream<Path> flags = Files.list(images.resolve("flags"))) {
            var two = flags.sorted().toList();
            gone = "flags/" + two.get(0).getFileName();
            kept = "flags/" + two.get(1).getFileName();
        }
        Path csvFile = Files.writeString(temp.resolve("labels.csv"), "path,label\n" + gone + ",flags\n" + kept + ",flags\n");
        Cli.ok("import", "--session", session, "--csv", csvFile.toString());
        Files.delete(images.resolve(gone));

        Path exported = temp.resolve("out.csv");
        Cli csv = Cli.ok("export", "--session", session, "--format", "csv", "--out", exported.toString(), "--human-only");
        assertEquals("missing " + gone + ": the image is gone from the image folder; its label is exported\n", csv.err());
        assertTrue(csv.out().contains("1 labelled image is gone from the image folder (listed on stderr)"), csv::toString);
        assertEquals(List.of("path,label,source,confidence", gone + ",flags,human,", kept + ",flags,human,"),
                Files.readAllLines(exported));

        Cli folder = Cli.ok("export", "--session", session, "--format", "imagefolder", "--out", temp.resolve("f").toString());
        assertEquals("missing " + gone + ": the image is gone from the image folder; its label is left out\n",
                folder.err(), "said once, not again as a file not found");
        assertTrue(Files.isRegularFile(temp.resolve("f").resolve(kept)));
    }

    @Test
    void predictWithoutAModelSaysSo() throws Exception {
        Path images = sampleImages(temp.resolve("images"), 2);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes", "a,b");
        Cli predict = Cli.run("predict", "--session", session, "--images", images.toString(), "--out",
                temp.resolve("p.csv").toString());
        assertEquals(1, predict.code());
        assertTrue(predict.err().startsWith("error: session ") && predict.err().contains("has no model yet"),
                predict::toString);
        assertEquals(1, predict.err().lines().count());
    }

    @Test
    void aSessionOpenInAnotherProcessIsRefused() throws Exception {
        Path images = Files.createDirectories(temp.resolve("images"));
        Path session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(), "--classes", "a,b");
        Path err = temp.resolve("holder.err");
        try (var holder = ChildJvm.start(temp, err, "org.activelabel.session.LockHolder", session.toString())) {
            assertEquals("session open", holder.nextLine(60), () -> ChildJvm.read(err));
            Cli second = Cli.run("import", "--session", session.toString(), "--csv", "x.csv");
            assertEquals(1, second.code());
            assertTrue(second.err().contains("is open in process " + holder.process.pid()), second::toString);
            holder.process.getOutputStream().close();
            holder.waitAndCollect();
        }
    }

    @Test
    void featurizingKilledHalfWayResumesWithoutRepeatingAnImage() throws Exception {
        Path images = sampleImages(temp.resolve("images"), 16);
        Path session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(), "--classes-from-folders");
        Path err = temp.resolve("featurize.err");
        Path cache;
        try (var child = ChildJvm.start(temp, err, "org.activelabel.Main", "featurize", "--session", session.toString())) {
            try {
                cache = waitForFeatureRecords(session, child);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + ChildJvm.read(err), e);
            }
            child.killAndCollect();
        }
        int before = FeatureFile.vectorsByPath(cache).size();
        assertTrue(before > 0 && before < 64, "killed half-way, found " + before + " of 64: " + ChildJvm.read(err));
        assertTrue(Cli.ok("featurize", "--session", session.toString()).out()
                .contains("featurised " + (64 - before) + " images now, " + before + " were already cached"));
        Map<String, Integer> records = FeatureFile.vectorsByPath(cache);
        assertEquals(64, records.size());
        records.forEach((path, count) -> assertEquals(1, count, path + " featurised " + count + " times"));
    }

    /** Waits until the child has stored its first batch, and returns the cache file. */
    private static Path waitForFeatureRecords(Path session, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && child.process.isAlive()) {
            try (Stream<Path> files = Files.walk(session.resolve("features"))) {
                var file = files.filter(f -> f.getFileName().toString().equals("features.bin")).findFirst();
                if (file.isPresent() && FeatureFile.vectorsByPath(file.get()).size() >= 16) {
                    return file.get();
                }
            } catch (IOException e) {
                // being written: look again
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the child stored no features in time (alive " + child.process.isAlive() + ")");
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
