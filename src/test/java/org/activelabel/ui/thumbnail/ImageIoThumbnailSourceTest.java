package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** Thumbnails come out at the size they are shown, without blowing tiny images up to huge ones. */
@ExtendWith(ApplicationExtension.class)
class ImageIoThumbnailSourceTest {

    @TempDir
    Path folder;

    private final ImageIoThumbnailSource source = new ImageIoThumbnailSource();

    @Test
    void aSmallImageIsScaledUpToTheTileSize() throws IOException {
        var image = source.load(png("small.png", 64, 32), 128);
        assertEquals(128, image.getWidth());
        assertEquals(64, image.getHeight());
    }

    @Test
    void aSmallImageForTheLargeViewStopsAtTheUpscaleLimit() throws IOException {
        var image = source.load(png("small.png", 64, 64), 640);
        assertEquals(ImageIoThumbnailSource.MAX_UPSCALED_SIDE, image.getWidth());
    }

    @Test
    void aLargeImageIsScaledDownToFit() throws IOException {
        var image = source.load(png("large.png", 300, 600), 128);
        assertEquals(64, image.getWidth());
        assertEquals(128, image.getHeight());
        assertEquals(300, source.load(png("middle.png", 300, 200), 640).getWidth(), "kept as it is");
    }

    private Path png(String name, int width, int height) throws IOException {
        var file = folder.resolve(name);
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());
        return file;
    }
}
