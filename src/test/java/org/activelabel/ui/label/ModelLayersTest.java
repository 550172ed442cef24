package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.activelabel.backbone.Backbones;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class ModelLayersTest {

    private static final String BACKBONE = "MobileNetV2 (nsfwjs 4.4.0) up to block 13, 576 features";

    @Test
    void beforeTheFirstUpdateTheBackboneIsFrozenAndTheHeadIsStillToBeTrained() {
        var layers = ModelLayers.of(BACKBONE, Optional.empty(), 3);

        assertEquals("MobileNetV2: frozen · head: new", layers.summary());
        assertEquals(List.of(ModelLayers.Role.FROZEN, ModelLayers.Role.FINE_TUNED, ModelLayers.Role.NEW),
                layers.layers().stream().map(ModelLayers.Layer::role).toList());
        assertTrue(layers.details().contains("Frozen: " + BACKBONE), layers.details());
        assertTrue(layers.details().contains("Fine-tuned: none"), layers.details());
        assertTrue(layers.details().contains("3 classes: trained at the first update"), layers.details());
    }

    @Test
    void aTrainedHeadListsEachOfItsLayersAsNewWithItsShapeAndLabels() {
        var data = new TrainingSet(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 1}},
                new int[] {0, 1, 2, 0}, List.of("a", "b", "c"));
        var head = new HeadTrainer(HeadConfig.defaults().withHiddenUnits(16))
                .fullRefit(data, "bb", ProgressSink.NONE);

        var layers = ModelLayers.of(BACKBONE, Optional.of(head), 3);

        var fresh = layers.layers().stream().filter(l -> l.role() == ModelLayers.Role.NEW).toList();
        assertEquals(2, fresh.size(), layers.details());
        assertEquals("dense 4 → 16, ReLU", fresh.get(0).what());
        assertTrue(fresh.get(1).what().startsWith("dense 16 → 3, softmax"), fresh.get(1).what());
        assertTrue(fresh.get(1).what().contains("trained on 4 labels"), fresh.get(1).what());
    }

    @Test
    void aBackboneWithoutADescriptionIsNamedByItsId() {
        assertEquals("my-own-backbone-v2", Backbones.networkName("my-own-backbone-v2"));
        assertEquals("InceptionV3", Backbones.networkName("InceptionV3 (nsfwjs 4.4.0) up to mixed5, 768 features"));
        assertEquals(32, Backbones.networkName("x".repeat(80)).length());
    }
}
