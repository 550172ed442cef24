package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activelabel.backbone.convert.OnnxAttribute;
import org.activelabel.backbone.convert.OnnxGraph;
import org.activelabel.backbone.convert.OnnxGraph.Dim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any ONNX model with a descriptor beside it can be the backbone: layouts, normalisation and pooling come from the JSON. */
class BringYourOwnBackboneTest {

    @TempDir
    Path folder;

    /** Left half (r, g, b) = (10, 100, 200), right half (30, 60, 90). */
    private static BufferedImage twoColours(int width, int height, int type) {
        var image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                image.setRGB(x, y, x < width / 2 ? 0x0A64C8 : 0x1E3C5A);
        return image;
    }

    @Test
    void nhwcFeatureMapIsNormalisedAndAveragedInJava() throws Exception {
        // Identity model: the output is the normalised input map, [N, H, W, 3].
        var graph = new OnnxGraph("identity")
                .input("pixels", Dim.named("N"), Dim.fixed(4), Dim.fixed(4), Dim.fixed(3))
                .node("Identity", List.of("pixels"), List.of("map"))
                .output("map", Dim.named("N"), Dim.fixed(4), Dim.fixed(4), Dim.fixed(3));
        var descriptor = writeBackbone(graph, """
                {"id": "identity-nhwc", "modelFile": "model.onnx", "inputName": "pixels", "width": 4, "height": 4,
                 "layout": "NHWC", "scale": 1, "mean": [10, 20, 30], "std": [2, 4, 5],
                 "outputName": "map", "pool": "avg", "featureDim": 3}
                """);
        try (var backbone = Backbones.open(descriptor, 1)) {
            var features = backbone.embed(List.of(
                    twoColours(4, 4, BufferedImage.TYPE_INT_RGB), twoColours(4, 4, BufferedImage.TYPE_3BYTE_BGR)));
            // mean over space of ((pixel - mean) / std): R ((10-10)/2 + (30-10)/2)/2 = 5, G (20+10)/2 = 15, B (34+12)/2 = 23
            assertArrayEquals(new float[] {5, 15, 23}, features[0], 1e-5f);
            assertArrayEquals(new float[] {5, 15, 23}, features[1], 1e-5f);
        }
    }

    @Test
    void nchwModelWithPooledOutputAndScaledPixels() throws Exception {
        var graph = new OnnxGraph("mean")
                .input("x", Dim.named("N"), Dim.fixed(3), Dim.named("H"), Dim.named("W"))
                .node("ReduceMean", List.of("x"), List.of("pooled"), OnnxAttribute.of("axes", 2, 3), OnnxAttribute.of("keepdims", 0))
                .output("pooled", Dim.named("N"), Dim.fixed(3));
        var descriptor = writeBackbone(graph, """
                {"id": "mean-nchw", "modelFile": "model.onnx", "inputName": "x", "width": 6, "height": 2,
                 "layout": "NCHW", "scale": 0.01, "mean": [0, 0, 0], "std": [1, 1, 1],
                 "outputName": "pooled", "pool": "none", "featureDim": 3}
                """);
        try (var backbone = Backbones.open(descriptor, 1)) {
            assertEquals("mean-nchw", backbone.id());
            var features = backbone.embed(List.of(twoColours(6, 2, BufferedImage.TYPE_INT_ARGB)));
            assertArrayEquals(new float[] {0.2f, 0.8f, 1.45f}, features[0], 1e-5f);
        }
    }

    @Test
    void concurrentCallersGetTheirOwnResults() throws Exception {
        var graph = new OnnxGraph("mean")
                .input("x", Dim.named("N"), Dim.fixed(3), Dim.named("H"), Dim.named("W"))
                .node("ReduceMean", List.of("x"), List.of("pooled"), OnnxAttribute.of("axes", 2, 3), OnnxAttribute.of("keepdims", 0))
                .output("pooled", Dim.named("N"), Dim.fixed(3));
        var descriptor = writeBackbone(graph, """
                {"id": "mean", "modelFile": "model.onnx", "inputName": "x", "width": 2, "height": 2,
                 "layout": "NCHW", "scale": 1, "mean": [0, 0, 0], "std": [1, 1, 1],
                 "outputName": "pooled", "pool": "none", "featureDim": 3}
                """);
        var pool = Executors.newFixedThreadPool(4);
        try (var backbone = Backbones.open(descriptor, 1)) {
            var futures = new java.util.ArrayList<Future<float[][]>>();
            for (int t = 0; t < 16; t++) {
                int grey = t * 10;
                var image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < 4; i++) image.setRGB(i % 2, i / 2, grey << 16 | grey << 8 | grey);
                futures.add(pool.submit(() -> backbone.embed(List.of(image, image))));
            }
            for (int t = 0; t < 16; t++) {
                var features = futures.get(t).get();
                assertEquals(2, features.length);
                assertArrayEquals(new float[] {t * 10, t * 10, t * 10}, features[1], 1e-5f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void descriptorNamingAMissingOutputIsRefused() throws Exception {
        var graph = new OnnxGraph("identity")
                .input("x", Dim.named("N"), Dim.fixed(3), Dim.fixed(2), Dim.fixed(2))
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", Dim.named("N"), Dim.fixed(3), Dim.fixed(2), Dim.fixed(2));
        var descriptor = writeBackbone(graph, """
                {"id": "bad", "modelFile": "model.onnx", "inputName": "x", "width": 2, "height": 2,
                 "layout": "NCHW", "scale": 1, "mean": [0, 0, 0], "std": [1, 1, 1],
                 "outputName": "features", "pool": "avg", "featureDim": 3}
                """);
        var error = assertThrows(BackboneException.class, () -> Backbones.open(descriptor, 1));
        assertTrue(error.getMessage().contains("model.onnx") && error.getMessage().contains("features"), error.getMessage());
    }

    @Test
    void wrongImageSizeIsRefused() throws Exception {
        var graph = new OnnxGraph("identity")
                .input("x", Dim.named("N"), Dim.fixed(3), Dim.named("H"), Dim.named("W"))
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", Dim.named("N"), Dim.fixed(3), Dim.named("H"), Dim.named("W"));
        var descriptor = writeBackbone(graph, """
                {"id": "id", "modelFile": "model.onnx", "inputName": "x", "width": 2, "height": 2,
                 "layout": "NCHW", "scale": 1, "mean": [0, 0, 0], "std": [1, 1, 1],
                 "outputName": "y", "pool": "avg", "featureDim": 3}
                """);
        try (var backbone = Backbones.open(descriptor, 1)) {
            var error = assertThrows(IllegalArgumentException.class,
                    () -> backbone.embed(List.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB))));
            assertTrue(error.getMessage().contains("3x2"), error.getMessage());
        }
    }

    private Path writeBackbone(OnnxGraph graph, String descriptorJson) throws Exception {
        Files.write(folder.resolve("model.onnx"), graph.toModelBytes("test", Map.of()));
        return Files.writeString(folder.resolve("backbone.json"), descriptorJson);
    }
}
