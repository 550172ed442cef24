package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lazy backbone answers from its descriptor and, once asked to embed, gives the eager backbone's features. */
class LazyBackboneTest {

    @Test
    void describesItselfFromTheDescriptorAndEmbedsLikeTheEagerBackbone() {
        var image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 160; x++) {
                image.setRGB(x, y, (x * 3) << 16 | (y * 2) << 8 | (x + y) % 256);
            }
        }
        try (var lazy = new LazyBackbone(Backbones.bundledDescriptor());
             var eager = Backbones.openBundled(1)) {
            assertEquals(eager.id(), lazy.id());
            assertEquals(eager.featureDim(), lazy.featureDim());
            assertEquals(eager.inputWidth(), lazy.inputWidth());
            assertArrayEquals(eager.embed(List.of(image))[0], lazy.embed(List.of(image))[0], 1e-5f);
            lazy.close();
            assertThrows(BackboneException.class, () -> lazy.embed(List.of(image)));
        }
    }
}
