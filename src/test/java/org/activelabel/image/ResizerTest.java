package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Color;
import java.awt.image.BufferedImage;
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
}
