package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled accurate backbone (InceptionV3 cut at mixed5) gives the same features as the original TF.js model
 * on fixed images, at its own input size, 224 x 224: the channel means TF.js gives, then each channel's maximum.
 */
class AccurateBackboneParityTest {

    private static final float TOLERANCE = 1e-3f;
    private static final int CHANNELS = 768;
    private static final String RETIRED_ID = "inception_v3-nsfwjs440-mixed5-224";
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
        assertEquals("inception_v3-nsfwjs440-mixed5-avgmax-224", backbone.id());
        assertEquals(ReferenceImages.SIZE, backbone.inputWidth());
        assertEquals(ReferenceImages.SIZE, backbone.inputHeight());
        assertEquals(2 * CHANNELS, backbone.featureDim());
    }

    @Test
    void sameInputTensorGivesTheTfjsActivations() throws Exception {
        var expected = ReferenceImages.activations("mixed5");
        var actual = backbone.embedTensor(ReferenceImages.nchwTensor(), ReferenceImages.count());
        float diff = ReferenceImages.maxAbsDiff(means(actual), expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
        assertMaximaAboveMeans(actual);
    }

    @Test
    void imagesGoThroughTheSameNormalisationAsTfjs() throws Exception {
        var expected = ReferenceImages.activations("mixed5");
        var actual = backbone.embed(ReferenceImages.images());
        float diff = ReferenceImages.maxAbsDiff(means(actual), expected);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
        assertMaximaAboveMeans(actual);
    }

    @Test
    void theRetiredMeansOnlyBackboneStillGivesTheTfjsActivationsToItsSessions() throws Exception {
        var descriptor = Backbones.bundledDescriptorWithId(RETIRED_ID).orElseThrow();
        assertEquals(Optional.of(descriptor), Optional.of(Backbones.bundledDescriptor("accurate-768")));
        try (var retired = OnnxBackbone.open(descriptor, 2)) {
            assertEquals(CHANNELS, retired.featureDim());
            var actual = retired.embedTensor(ReferenceImages.nchwTensor(), ReferenceImages.count());
            float diff = ReferenceImages.maxAbsDiff(actual, ReferenceImages.activations("mixed5"));
            assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
        }
        assertFalse(Backbones.bundledNames().contains("accurate-768"), "a retired backbone is not offered");
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
                Backbones.bundledDescriptorWithId("inception_v3-nsfwjs440-mixed5-avgmax-224"));
        assertEquals(Optional.of(Backbones.bundledDescriptor()),
                Backbones.bundledDescriptorWithId("mobilenet_v2-nsfwjs440-block13expand-160"));
        assertEquals(Optional.empty(), Backbones.bundledDescriptorWithId("my-own-backbone"));
    }

    private static float[][] means(float[][] features) {
        var means = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            means[i] = Arrays.copyOf(features[i], CHANNELS);
        }
        return means;
    }

    /** A maximum over the map is never below its mean, and on real activations is above it somewhere. */
    private static void assertMaximaAboveMeans(float[][] features) {
        for (var f : features) {
            double gap = 0;
            for (int c = 0; c < CHANNELS; c++) {
                assertTrue(f[CHANNELS + c] >= f[c] - 1e-5f, "channel " + c + ": maximum " + f[CHANNELS + c] + " below mean " + f[c]);
                gap += f[CHANNELS + c] - f[c];
            }
            assertTrue(gap > 1, "maxima equal to the means: the second half is not the maxima");
        }
    }
}
