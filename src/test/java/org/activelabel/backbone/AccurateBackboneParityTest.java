package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled accurate backbone (InceptionV3 cut at mixed5) gives the same features as the original TF.js model
 * on fixed images, at its own input size, 224 x 224.
 */
class AccurateBackboneParityTest {

    private static final float TOLERANCE = 1e-3f;
    private static OnnxBackbone backbone;

    @BeforeAll
    static void open() {
        backbone = Backbones.openBundled(Backbones.ACCURATE, 2);
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void accurateBackboneDescribesItself() {
        assertEquals("inception_v3-nsfwjs440-mixed5-224", backbone.id());
        assertEquals(ReferenceImages.SIZE, backbone.inputWidth());
        assertEquals(ReferenceImages.SIZE, backbone.inputHeight());
        assertEquals(768, backbone.featureDim());
    }

    @Test
    void sameInputTensorGivesTheTfjsActivations() throws Exception {
        var expected = ReferenceImages.activations("mixed5");
        var actual = backbone.embedTensor(ReferenceImages.nchwTensor(), ReferenceImages.count());
        float diff = ReferenceImages.maxAbsDiff(actual, expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
    }

    @Test
    void imagesGoThroughTheSameNormalisationAsTfjs() throws Exception {
        var expected = ReferenceImages.activations("mixed5");
        var actual = backbone.embed(ReferenceImages.images());
        float diff = ReferenceImages.maxAbsDiff(actual, expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
    }

    @Test
    void bundledBackbonesAreFoundByName() {
        assertEquals(Backbones.DEFAULT, Backbones.bundledNames().get(0));
        assertEquals(Backbones.bundledDescriptor(), Backbones.bundledDescriptor(Backbones.DEFAULT));
        assertEquals("accurate.json", Backbones.bundledDescriptor(Backbones.ACCURATE).getFileName().toString());
        var error = assertThrows(BackboneException.class, () -> Backbones.bundledDescriptor("huge"));
        assertTrue(error.getMessage().contains("huge"), error.getMessage());
    }

    @Test
    void aSessionsBackboneIdLeadsBackToTheBundledDescriptor() {
        assertEquals(Optional.of(Backbones.bundledDescriptor(Backbones.ACCURATE)),
                Backbones.bundledDescriptorWithId("inception_v3-nsfwjs440-mixed5-224"));
        assertEquals(Optional.of(Backbones.bundledDescriptor()),
                Backbones.bundledDescriptorWithId("mobilenet_v2-nsfwjs440-block13expand-160"));
        assertEquals(Optional.empty(), Backbones.bundledDescriptorWithId("my-own-backbone"));
    }
}
