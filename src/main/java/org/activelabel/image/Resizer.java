package org.activelabel.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Downscaling that keeps detail: repeated 2x2 box averaging while the image is at least twice the
 * target, then one bilinear step to the exact size. A single bilinear step from a big photo would
 * skip most source pixels and alias. The backbone's input is opaque (transparency composited on white);
 * a thumbnail keeps the picture's transparency, scaled with premultiplied alpha so that edges take no
 * colour from the invisible pixels around them.
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
     * Thumbnail: aspect kept, the longer side at most {@code maxSide}; TYPE_INT_RGB, or TYPE_INT_ARGB for a
     * picture with transparency. An image already small enough comes back as {@link #toIntPixels} gives it.
     */
    public static BufferedImage fitWithin(BufferedImage image, int maxSide) {
        requirePositive(maxSide, maxSide);
        BufferedImage pixels = toIntPixels(image);
        int w = pixels.getWidth();
        int h = pixels.getHeight();
        if (w <= maxSide && h <= maxSide) {
            return pixels;
        }
        double scale = (double) maxSide / Math.max(w, h);
        int width = Math.max(1, (int) Math.round(w * scale));
        int height = Math.max(1, (int) Math.round(h * scale));
        if (pixels.getType() == BufferedImage.TYPE_INT_RGB) {
            return scaleTo(pixels, width, height);
        }
        return convert(scaleTo(convert(pixels, BufferedImage.TYPE_INT_ARGB_PRE), width, height),
                BufferedImage.TYPE_INT_ARGB);
    }

    /**
     * TYPE_INT_RGB for an opaque picture, TYPE_INT_ARGB (not premultiplied) for one with transparency; the
     * colours and alpha as the picture's colour model gives them, so compositing either on white gives the same
     * pixels as compositing the original.
     */
    public static BufferedImage toIntPixels(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return toIntRgb(image);
        }
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        return convert(image, BufferedImage.TYPE_INT_ARGB);
    }

    /** {@code image} in another int type; transparency kept (between plain and premultiplied alpha). */
    private static BufferedImage convert(BufferedImage image, int type) {
        var out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
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

    /** {@code rgb} (TYPE_INT_RGB, or TYPE_INT_ARGB_PRE) at exactly that size, in its own type. */
    private static BufferedImage scaleTo(BufferedImage rgb, int width, int height) {
        BufferedImage current = rgb;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = halve(current);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current == rgb ? copy(rgb) : current;
        }
        var out = new BufferedImage(width, height, rgb.getType());
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

    /**
     * 2x2 box average; an odd last row or column is dropped. Averages alpha too for TYPE_INT_ARGB_PRE, where
     * averaging premultiplied colours is the right mean.
     */
    static BufferedImage halve(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] src = pixels(rgb);
        int hw = w / 2;
        int hh = h / 2;
        boolean alpha = rgb.getType() == BufferedImage.TYPE_INT_ARGB_PRE;
        var out = new BufferedImage(hw, hh, alpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB);
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
                int al = alpha ? (((a >>> 24) + (b >>> 24) + (c >>> 24) + (d >>> 24) + 2) >> 2) << 24 : 0;
                dst[y * hw + x] = al | (r << 16) | (gr << 8) | bl;
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
        var out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), rgb.getType());
        System.arraycopy(pixels(rgb), 0, pixels(out), 0, rgb.getWidth() * rgb.getHeight());
        return out;
    }

    /** Pixel array of a TYPE_INT_* image that owns its whole raster (not a sub-image); a copy otherwise. */
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
