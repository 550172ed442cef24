package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The one way the window turns an image file into a picture: the grid, the detail pane and Review. */
@ExtendWith(ApplicationExtension.class)
class DecodedThumbnailSourceTest {

    @TempDir
    Path folder;

    private final DecodedThumbnailSource source = new DecodedThumbnailSource();

    @Test
    void aSmallImageIsScaledUpToTheTileSize() throws IOException {
        var image = source.load(png("small.png", 64, 32), 128);
        assertEquals(128, image.getWidth());
        assertEquals(64, image.getHeight());
    }

    @Test
    void aSmallImageForTheLargeViewStopsAtTheUpscaleLimit() throws IOException {
        var image = source.load(png("small.png", 64, 64), 640);
        assertEquals(DecodedThumbnailSource.MAX_UPSCALED_SIDE, image.getWidth());
    }

    @Test
    void aLargeImageIsScaledDownToFit() throws IOException {
        var image = source.load(png("large.png", 300, 600), 128);
        assertEquals(64, image.getWidth());
        assertEquals(128, image.getHeight());
        assertEquals(300, source.load(png("middle.png", 300, 200), 640).getWidth(), "kept as it is");
    }

    @Test
    void aPhoneJpegTakenSidewaysShowsUprightAsTheModelSeesIt() throws IOException {
        // stored landscape, 200 x 100: red on the left half, blue on the right; EXIF 6 says turn it 90° clockwise
        var stored = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        var g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();
        var file = Files.write(folder.resolve("phone.jpg"), TestImages.jpegWithOrientation(stored, 6));

        var thumbnail = source.load(file, 128);

        assertEquals(64, thumbnail.getWidth(), "portrait, as the camera was held");
        assertEquals(128, thumbnail.getHeight());
        // turned clockwise, the stored left (red) is now on top and the right (blue) below
        assertTrue(isRed(thumbnail, 32, 20), "red on top");
        assertTrue(isBlue(thumbnail, 32, 108), "blue below");
    }

    @Test
    void aTransparentEmojiShowsOnTheWindowsBackgroundWithoutADarkRim() throws IOException {
        var tile = source.load(Stickers.redDisc(folder.resolve("emoji.png"), 64), 128);

        assertEquals(128, tile.getWidth());
        Stickers.assertShownCleanly(tile);
    }

    @Test
    void aFileOverThePixelCapIsRefusedWithAReasonInsteadOfDecoded() throws IOException {
        var capped = new DecodedThumbnailSource(new ImageDecoder(10_000));
        var file = png("huge.png", 200, 100);

        var error = assertThrows(IOException.class, () -> capped.load(file, 128));

        assertTrue(error.getMessage().contains("huge.png"), error.getMessage());
        assertTrue(error.getMessage().contains("200 x 100") && error.getMessage().contains("limit"),
                error.getMessage());
    }

    @Test
    void aFileThatIsNotAnImageSaysSo() throws IOException {
        var file = Files.writeString(folder.resolve("notes.jpg"), "not a picture");

        var error = assertThrows(IOException.class, () -> source.load(file, 128));

        assertTrue(error.getMessage().contains("notes.jpg"), error.getMessage());
    }

    private static boolean isRed(Image image, int x, int y) {
        var c = image.getPixelReader().getColor(x, y);
        return c.getRed() > 0.7 && c.getBlue() < 0.3;
    }

    private static boolean isBlue(Image image, int x, int y) {
        var c = image.getPixelReader().getColor(x, y);
        return c.getBlue() > 0.7 && c.getRed() < 0.3;
    }

    private Path png(String name, int width, int height) throws IOException {
        var file = folder.resolve(name);
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());
        return file;
    }
}
