package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The converted MobileNetV2 gives the same features as the original TF.js model on fixed images. */
class BundledBackboneParityTest {

    private static final float TOLERANCE = 1e-3f;
    private static OnnxBackbone backbone;

    @BeforeAll
    static void open() {
        backbone = Backbones.openBundled(2);
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void bundledBackboneDescribesItself() {
        assertEquals("mobilenet_v2-nsfwjs440-block13expand-224", backbone.id());
        assertEquals(224, backbone.inputWidth());
        assertEquals(224, backbone.inputHeight());
        assertEquals(576, backbone.featureDim());
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
