package org.activelabel.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Downscaling that keeps detail: repeated 2x2 box averaging while the image is at least twice the
 * target, then one bilinear step to the exact size. A single bilinear step from a big photo would
 * skip most source pixels and alias.
 */
public final class Resizer {

    private Resizer() {
    }

    /**
     * Backbone input: scaled so the image covers {@code width} x {@code height} (the shorter side
     * fits), then the centre cropped out. Result is TYPE_INT_RGB of exactly that size.
     */
    public static BufferedImage toSquareInput(BufferedImage image, int width, int height) {
        requirePositive(width, height);
        BufferedImage rgb = toIntRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        double scale = Math.max((double) width / w, (double) height / h);
        int cropW = Math.max(1, Math.min(w, (int) Math.round(width / scale)));
        int cropH = Math.max(1, Math.min(h, (int) Math.round(height / scale)));
        BufferedImage cropped = crop(rgb, (w - cropW) / 2, (h - cropH) / 2, cropW, cropH);
        return scaleTo(cropped, width, height);
    }

    /**
     * Thumbnail: aspect kept, the longer side at most {@code maxSide}. An image already small
     * enough comes back as TYPE_INT_RGB without scaling.
     */
    public static BufferedImage fitWithin(BufferedImage image, int maxSide) {
        requirePositive(maxSide, maxSide);
        BufferedImage rgb = toIntRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (w <= maxSide && h <= maxSide) {
            return rgb;
        }
        double scale = (double) maxSide / Math.max(w, h);
        return scaleTo(rgb, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
    }

    /** Copies into TYPE_INT_RGB when needed, compositing any alpha on white. */
    public static BufferedImage toIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scaleTo(BufferedImage rgb, int width, int height) {
        BufferedImage current = rgb;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = halve(current);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current == rgb ? copy(rgb) : current;
        }
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** 2x2 box average; an odd last row or column is averaged with itself. */
    static BufferedImage halve(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] src = pixels(rgb);
        int hw = w / 2;
        int hh = h / 2;
        var out = new BufferedImage(hw, hh, BufferedImage.TYPE_INT_RGB);
        int[] dst = pixels(out);
        for (int y = 0; y < hh; y++) {
            int row0 = 2 * y * w;
            int row1 = row0 + w;
            for (int x = 0; x < hw; x++) {
                int a = src[row0 + 2 * x];
                int b = src[row0 + 2 * x + 1];
                int c = src[row1 + 2 * x];
                int d = src[row1 + 2 * x + 1];
                int r = (((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff) + 2) >> 2;
                int gr = (((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff) + 2) >> 2;
                int bl = ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff) + 2) >> 2;
                dst[y * hw + x] = (r << 16) | (gr << 8) | bl;
            }
        }
        return out;
    }

    private static BufferedImage crop(BufferedImage rgb, int x, int y, int width, int height) {
        if (x == 0 && y == 0 && width == rgb.getWidth() && height == rgb.getHeight()) {
            return rgb;
        }
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] src = pixels(rgb);
        int[] dst = pixels(out);
        for (int row = 0; row < height; row++) {
            System.arraycopy(src, (y + row) * rgb.getWidth() + x, dst, row * width, width);
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage rgb) {
        var out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        System.arraycopy(pixels(rgb), 0, pixels(out), 0, rgb.getWidth() * rgb.getHeight());
        return out;
    }

    /** Pixel array of a TYPE_INT_RGB image that owns its whole raster (not a sub-image). */
    static int[] pixels(BufferedImage rgb) {
        if (rgb.getRaster().getParent() != null || rgb.getRaster().getDataBuffer().getSize() != rgb.getWidth() * rgb.getHeight()) {
            return rgb.getRGB(0, 0, rgb.getWidth(), rgb.getHeight(), null, 0, rgb.getWidth());
        }
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    private static void requirePositive(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + " x " + height);
        }
    }
}
