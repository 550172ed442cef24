package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.activelabel.backbone.Backbones;
import org.activelabel.deploy.OnnxClassifier;
import org.activelabel.deploy.OnnxClassifierExport;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.testing.SampleImages;
import org.activelabel.workspace.SessionWorkspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained through the commands leaves as one ONNX file that answers as the session does. */
class ExportModelCommandTest {

    static final List<String> CLASSES = List.of("activities", "flags", "food-drink", "smileys");

    @TempDir
    static Path sessionsRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void recentSessionsInTemp() {
        System.setProperty("activelabel.sessions", sessionsRoot.toString());
    }

    @Test
    void theExportedModelGivesTheSessionsProbabilitiesOnRealImages() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 8);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes-from-folders");
        Cli.ok("featurize", "--session", session);

        Cli refused = Cli.run("export-model", "--session", session, "--out", temp.resolve("none.onnx").toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("has no model to export yet: label some images and update the model first"), refused::toString);
        assertTrue(Files.notExists(temp.resolve("none.onnx")));

        var csv = new StringBuilder("path,label\n");
        for (String c : CLASSES) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                files.sorted().limit(3).forEach(f -> csv.append(c).append('/').append(f.getFileName()).append(',')
                        .append(c).append('\n'));
            }
        }
        Cli.ok("import", "--session", session, "--csv", Files.writeString(temp.resolve("labels.csv"), csv).toString());
        Cli.ok("train", "--session", session);

        Path onnx = temp.resolve("out/classifier.onnx");
        Cli exported = Cli.ok("export-model", "--session", session, "--out", onnx.toString());
        assertTrue(exported.out().matches("(?s)model version 2, trained on 12 labels, cross-validated accuracy \\d+\\.\\d%.*"),
                exported::toString);
        assertTrue(exported.out().contains("4 classes [activities, flags, food-drink, smileys], input 160x160"), exported::toString);

        List<Path> files;
        try (Stream<Path> all = Files.walk(images)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        var decoder = new ImageDecoder();
        try (var classifier = OnnxClassifier.open(onnx);
             var backbone = Backbones.openBundled();
             var workspace = SessionWorkspace.open(Path.of(session), backbone)) {
            assertEquals(CLASSES, classifier.classes());
            assertEquals("12", classifier.metadata().get(OnnxClassifierExport.KEY_LABELS));
            assertEquals(backbone.id(), classifier.metadata().get(OnnxClassifierExport.KEY_BACKBONE));
            var prepared = new ArrayList<BufferedImage>();
            for (Path f : files) {
                prepared.add(((DecodeResult.Decoded) classifier.prepare(decoder, f)).image());
            }
            float[][] expected = workspace.head().orElseThrow().predict(backbone.embed(prepared));
            float[][] actual = classifier.predict(prepared);
            double worst = 0;
            for (int i = 0; i < files.size(); i++) {
                for (int k = 0; k < CLASSES.size(); k++) {
                    worst = Math.max(worst, Math.abs(expected[i][k] - actual[i][k]));
                }
            }
            assertTrue(worst < 1e-4, "largest difference " + worst);
        }

        Path bySession = temp.resolve("by-session.csv");
        Path byFile = temp.resolve("by-file.csv");
        Cli.ok("predict", "--session", session, "--images", images.toString(), "--out", bySession.toString());
        assertTrue(Cli.ok("predict", "--model", onnx.toString(), "--images", images.toString(), "--out", byFile.toString())
                .out().startsWith("predicted 32 images with "));
        assertEquals(Files.readAllLines(bySession), Files.readAllLines(byFile));
    }

    @Test
    void predictWantsASessionOrAModelFile() throws Exception {
        Path images = Files.createDirectories(temp.resolve("images"));
        Cli neither = Cli.run("predict", "--images", images.toString(), "--out", temp.resolve("p.csv").toString());
        assertEquals(1, neither.code());
        assertTrue(neither.err().contains("give either --session DIR or --model FILE.onnx"), neither::toString);
        Cli notAModel = Cli.run("predict", "--model", Files.writeString(temp.resolve("x.onnx"), "nonsense").toString(),
                "--images", images.toString(), "--out", temp.resolve("p.csv").toString());
        assertEquals(1, notAModel.code());
        assertTrue(notAModel.err().contains("x.onnx: cannot load ONNX model"), notAModel::toString);
    }
}
