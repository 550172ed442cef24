package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted MobileNetV2 gives the same features as the original TF.js model on fixed images. The references
 * were recorded at 224 x 224, the network's training size, so the bundled weights run at that size here.
 */
class BundledBackboneParityTest {

    private static final float TOLERANCE = 1e-3f;
    private static OnnxBackbone backbone;

    @BeforeAll
    static void open() {
        var file = Backbones.bundledDescriptor();
        var bundled = BackboneDescriptor.read(file);
        var at224 = new BackboneDescriptor(bundled.id() + "-at224", bundled.modelFile(), bundled.inputName(), 224, 224,
                bundled.layout(), bundled.scale(), bundled.mean(), bundled.std(), bundled.outputName(), bundled.pool(),
                bundled.featureDim(), bundled.description());
        backbone = new OnnxBackbone(at224, bundled.modelPath(file), 2);
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void bundledBackboneDescribesItself() {
        try (var bundled = Backbones.openBundled(1)) {
            assertEquals("mobilenet_v2-nsfwjs440-block13expand-160", bundled.id());
            assertEquals(160, bundled.inputWidth());
            assertEquals(160, bundled.inputHeight());
            assertEquals(576, bundled.featureDim());
        }
    }

    @Test
    void sameInputTensorGivesTheTfjsActivations() throws Exception {
        var expected = ReferenceImages.activations("block_13_expand_relu");
        var actual = backbone.embedTensor(ReferenceImages.nchwTensor(), ReferenceImages.count());
        float diff = ReferenceImages.maxAbsDiff(actual, expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
    }

    @Test
    void imagesGoThroughTheSameNormalisationAsTfjs() throws Exception {
        var expected = ReferenceImages.activations("block_13_expand_relu");
        var actual = backbone.embed(ReferenceImages.images());
        float diff = ReferenceImages.maxAbsDiff(actual, expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
    }
}
