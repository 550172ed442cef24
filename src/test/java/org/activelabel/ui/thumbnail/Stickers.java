package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import org.activelabel.image.TestImages;

/** Transparent pictures for tests of how the window shows them: what many emoji and sticker PNGs look like. */
final class Stickers {

    private Stickers() {
    }

    /** A PNG of {@code side} x {@code side}: an opaque red disc, 3/4 of the side across, on transparent black. */
    static Path redDisc(Path file, int side) throws IOException {
        var sticker = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        var g = sticker.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(side / 8, side / 8, side * 3 / 4, side * 3 / 4);
        g.dispose();
        return TestImages.write(file, sticker, "png");
    }

    /**
     * The tile of {@link #redDisc} shows the window's background in its corner and no dark rim: the invisible black
     * around the disc must not bleed into the red at its edge, as it does when transparency is scaled without
     * premultiplying.
     */
    static void assertShownCleanly(Image tile) {
        var pixels = tile.getPixelReader();
        assertEquals(0.0, pixels.getColor(2, 2).getOpacity(), "the corner is the window's background");
        int middle = (int) tile.getHeight() / 2;
        assertTrue(pixels.getColor(middle, middle).getRed() > 0.9, "red in the middle");
        for (int x = 0; x < middle; x++) {
            var c = pixels.getColor(x, middle);
            if (c.getOpacity() > 0.05) {
                assertTrue(c.getRed() > 0.9, "pixel %d on the rim darkened to %s".formatted(x, c));
            }
        }
    }
}
