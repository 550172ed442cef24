package org.activelabel.ui.thumbnail;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.Resizer;

/**
 * Pictures for the grid, the detail pane and the Review tab, decoded the way the model sees the
 * image: upright by its EXIF orientation, subsampled while reading (a 12-MP photo is not decoded in
 * full for a 128 px tile), and refused above the decoder's pixel cap; transparency is kept, so the picture shows
 * on the window's own background. Small images are scaled up, to
 * at most {@value #MAX_UPSCALED_SIDE} px: a picture scaled once here is drawn 1:1 on every frame.
 * Safe to call from any thread.
 */
public final class DecodedThumbnailSource implements ThumbnailSource {

    static final int MAX_UPSCALED_SIDE = 256;

    private final ImageDecoder decoder;

    public DecodedThumbnailSource() {
        this(new ImageDecoder());
    }

    public DecodedThumbnailSource(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Image load(Path file, int maxSide) throws IOException {
        var result = decoder.decodeToFit(file, maxSide);
        if (result instanceof DecodeResult.Failed failed) {
            throw new IOException(file.getFileName() + ": " + failed.reason());
        }
        return picture(((DecodeResult.Decoded) result).image(), maxSide);
    }

    /** A decoded image as the window shows it, at most {@code maxSide}: small ones scaled up as described above. */
    static Image picture(BufferedImage decoded, int maxSide) {
        return SwingFXUtils.toFXImage(fit(decoded, maxSide), null);
    }

    /** Down to {@code maxSide} with the resizer's filtering; a small image up to the tile, bilinear. */
    private static BufferedImage fit(BufferedImage image, int maxSide) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest >= maxSide) {
            return Resizer.fitWithin(image, maxSide);
        }
        int target = Math.min(maxSide, Math.max(longest, MAX_UPSCALED_SIDE));
        if (target == longest) {
            return image;
        }
        double scale = (double) target / longest;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var scaled = new BufferedImage(width, height,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
