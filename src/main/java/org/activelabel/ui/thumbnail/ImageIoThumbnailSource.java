package org.activelabel.ui.thumbnail;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Decodes with ImageIO and scales with bilinear filtering so the longer side is {@code maxSide}. Small
 * images are scaled up too, to at most {@value #MAX_UPSCALED_SIDE} px: a thumbnail scaled once here is
 * drawn 1:1 on every frame, and a large view stays clear of megabyte-sized copies of a tiny image.
 * Safe to call from any thread.
 */
public final class ImageIoThumbnailSource implements ThumbnailSource {

    static final int MAX_UPSCALED_SIDE = 256;

    @Override
    public Image load(Path file, int maxSide) throws IOException {
        BufferedImage full = ImageIO.read(file.toFile());
        if (full == null) {
            throw new IOException(file + ": not an image format this build can read");
        }
        int longest = Math.max(full.getWidth(), full.getHeight());
        int target = longest >= maxSide ? maxSide : Math.min(maxSide, Math.max(longest, MAX_UPSCALED_SIDE));
        double scale = (double) target / longest;
        int width = Math.max(1, (int) Math.round(full.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(full.getHeight() * scale));
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return SwingFXUtils.toFXImage(scaled, null);
    }
}
