package org.activelabel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activelabel.backbone.Backbones;
import org.activelabel.backbone.convert.OnnxGraph;
import org.activelabel.backbone.convert.OnnxGraph.Dim;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head with a hidden ReLU layer on a bring-your-own NHWC backbone whose feature map is averaged in Java:
 * the exported graph does the same pooling and layers.
 */
class OnnxClassifierExportTest {

    @TempDir
    Path folder;

    @Test
    void hiddenLayerAndAveragedNhwcMapGiveTheSameProbabilities() throws Exception {
        var backboneGraph = new OnnxGraph("identity")
                .input("x", Dim.named("N"), Dim.fixed(4), Dim.fixed(4), Dim.fixed(3))
                .node("Relu", List.of("x"), List.of("map"))
                .output("map", Dim.named("N"), Dim.fixed(4), Dim.fixed(4), Dim.fixed(3));
        Files.write(folder.resolve("model.onnx"), backboneGraph.toModelBytes("test", Map.of()));
        Path descriptor = Files.writeString(folder.resolve("backbone.json"), """
                {"id": "relu-nhwc", "modelFile": "model.onnx", "inputName": "x", "width": 4, "height": 4,
                 "layout": "NHWC", "scale": 0.5, "mean": [10, 20, 30], "std": [2, 4, 5],
                 "outputName": "map", "pool": "avg", "featureDim": 3}
                """);
        var random = new Random(7);
        var images = new ArrayList<BufferedImage>();
        for (int i = 0; i < 40; i++) {
            var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 16; p++) {
                image.setRGB(p % 4, p / 4, random.nextInt(0x1000000));
            }
            images.add(image);
        }
        try (var backbone = Backbones.open(descriptor, 1)) {
            float[][] features = backbone.embed(images);
            var labels = new int[features.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = features[i][0] > features[i][2] ? 0 : features[i][1] > 20 ? 1 : 2;
            }
            var head = new HeadTrainer(HeadConfig.defaults().withHiddenUnits(8))
                    .fullRefit(new TrainingSet(features, labels, List.of("red", "green", "blue")), "relu-nhwc",
                            ProgressSink.NONE);
            Path onnx = folder.resolve("classifier.onnx");
            Files.write(onnx, OnnxClassifierExport.build(descriptor, head,
                    new OnnxClassifierExport.Provenance(40, 0.9, head.version())));
            try (var classifier = OnnxClassifier.open(onnx)) {
                assertEquals(List.of("red", "green", "blue"), classifier.classes());
                assertEquals("0.9000", classifier.metadata().get(OnnxClassifierExport.KEY_ACCURACY));
                float[][] expected = head.predict(features);
                float[][] actual = classifier.predict(images);
                for (int i = 0; i < images.size(); i++) {
                    for (int k = 0; k < 3; k++) {
                        assertEquals(expected[i][k], actual[i][k], 1e-5, "image " + i + " class " + k);
                    }
                }
            }
        }
    }

    @Test
    void aModelOfAnotherBackboneIsRefused() throws Exception {
        var head = new HeadTrainer(HeadConfig.defaults()).fullRefit(new TrainingSet(
                new float[][] {{1, 0, 0}, {0, 1, 0}, {1, 0.1f, 0}, {0, 1, 0.1f}}, new int[] {0, 1, 0, 1},
                List.of("a", "b")), "some-other-backbone", ProgressSink.NONE);
        var error = assertThrows(IllegalArgumentException.class,
                () -> OnnxClassifierExport.build(Backbones.bundledDescriptor(), head,
                        new OnnxClassifierExport.Provenance(4, Double.NaN, 1)));
        assertTrue(error.getMessage().contains("trained on backbone some-other-backbone"), error.getMessage());
    }
}
