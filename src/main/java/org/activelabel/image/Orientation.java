package org.activelabel.image;

import java.awt.image.BufferedImage;

/** Applies an EXIF orientation (1..8) to a TYPE_INT_RGB or TYPE_INT_ARGB image so it shows upright. */
final class Orientation {

    private Orientation() {
    }

    static BufferedImage apply(BufferedImage rgb, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean transpose = orientation >= 5;
        int outW = transpose ? h : w;
        int outH = transpose ? w : h;
        int[] src = Resizer.pixels(rgb);
        var out = new BufferedImage(outW, outH, rgb.getType());
        int[] dst = Resizer.pixels(out);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }          // mirrored horizontally
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }  // rotated 180
                    case 4 -> { dx = x; dy = h - 1 - y; }          // mirrored vertically
                    case 5 -> { dx = y; dy = x; }                  // transposed
                    case 6 -> { dx = h - 1 - y; dy = x; }          // needs 90 clockwise
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }  // transversed
                    default -> { dx = y; dy = w - 1 - x; }         // 8: needs 90 counter-clockwise
                }
                dst[dy * outW + dx] = src[y * w + x];
            }
        }
        return out;
    }
}
