package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class ResizerTest {

    @Test
    void squareInputKeepsTheCentreOfAWideImage() {
        var wide = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        var g = wide.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 300, 300);
        g.setColor(Color.GREEN);
        g.fillRect(300, 0, 300, 300);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 300, 300);
        g.dispose();

        BufferedImage input = Resizer.toSquareInput(wide, 224, 224);

        assertEquals(224, input.getWidth());
        assertEquals(224, input.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, input.getType());
        assertEquals(0x00FF00, input.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x00FF00, input.getRGB(223, 223) & 0xFFFFFF);
    }

    @Test
    void downscalingAveragesFineDetailInsteadOfPickingPixels() {
        var stripes = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 800; x += 2) {
                stripes.setRGB(x, y, 0xFFFFFF);
            }
        }
        BufferedImage small = Resizer.toSquareInput(stripes, 50, 50);
        int level = small.getRGB(25, 25) & 0xFF;
        assertEquals(128, level, 2);
    }

    @Test
    void fitWithinKeepsAspectAndLeavesSmallImagesAlone() {
        BufferedImage tall = Resizer.fitWithin(TestImages.solid(300, 1200, Color.GRAY), 192);
        assertEquals(48, tall.getWidth());
        assertEquals(192, tall.getHeight());

        BufferedImage small = TestImages.solid(100, 50, Color.GRAY);
        assertSame(small, Resizer.fitWithin(small, 192));
    }

    @Test
    void aTransparentThumbnailKeepsItsTransparencyAndTakesNoColourFromInvisiblePixels() {
        // invisible red left of column 203, opaque blue from it: averaging without premultiplying shows purple
        var picture = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                picture.setRGB(x, y, x < 203 ? 0x00FF0000 : 0xFF0000FF);
            }
        }
        for (int side : new int[] {100, 90}) {
            BufferedImage thumbnail = Resizer.fitWithin(picture, side);
            assertEquals(BufferedImage.TYPE_INT_ARGB, thumbnail.getType());
            assertEquals(side, thumbnail.getWidth());
            assertEquals(0, thumbnail.getRGB(5, 5) >>> 24, "left stays transparent");
            assertEquals(0xFF0000FF, thumbnail.getRGB(side - 5, 5), "right stays opaque blue");
            int edge = 0;
            for (int x = 0; x < side; x++) {
                int p = thumbnail.getRGB(x, side / 2);
                int alpha = p >>> 24;
                if (alpha > 0 && alpha < 255) {
                    edge++;
                    assertTrue(((p >> 16) & 0xFF) <= 2, "edge pixel %d of %d: %08x".formatted(x, side, p));
                }
            }
            assertTrue(edge > 0, "the edge falls between pixels at " + side);
        }
    }

    @Test
    void intPixelsOfAPaletteWithTransparencyCompositeOnWhiteAsTheOriginalDoes() {
        byte[] r = {(byte) 255, 0, 10};
        byte[] g = {0, 0, (byte) 200};
        byte[] b = {0, (byte) 255, 30};
        byte[] a = {0, (byte) 255, (byte) 100};
        var paletted = new BufferedImage(6, 3, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b, a));
        for (int x = 0; x < 6; x++) {
            paletted.getRaster().setSample(x, 0, 0, 0);
            paletted.getRaster().setSample(x, 1, 0, 1);
            paletted.getRaster().setSample(x, 2, 0, 2);
        }
        BufferedImage pixels = Resizer.toIntPixels(paletted);

        assertEquals(BufferedImage.TYPE_INT_ARGB, pixels.getType());
        assertEquals(0x64_0A_C8_1E, pixels.getRGB(2, 2));
        BufferedImage flat = Resizer.toIntRgb(pixels);
        BufferedImage reference = Resizer.toIntRgb(paletted);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(reference.getRGB(x, y), flat.getRGB(x, y), "at " + x + ", " + y);
            }
        }
        assertEquals(0xFFFFFFFF, flat.getRGB(0, 0));
    }
}
