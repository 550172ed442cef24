package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    private BufferedImage decoded(Path file) {
        return Decodes.image(decoder, file);
    }

    private String reason(Path file) {
        return Decodes.reason(decoder, file);
    }

    private static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    private static void assertNear(int[] expected, int[] actual, int tolerance) {
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
                    "channel %d: expected ~%d, got %d".formatted(i, expected[i], actual[i]));
        }
    }

    @Test
    void decodesPngJpegGifAndBmpToRgb() throws Exception {
        var picture = TestImages.solid(30, 20, new Color(200, 40, 10));
        for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
            BufferedImage image = decoded(TestImages.write(dir.resolve("a." + format), picture, format));
            assertEquals(30, image.getWidth(), format);
            assertEquals(20, image.getHeight(), format);
            assertNear(new int[] {200, 40, 10}, rgb(image, 15, 10), format.equals("gif") ? 40 : 6);
        }
    }

    @Test
    void grayPngBecomesRgbWithSameLevels() throws Exception {
        var gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(3, 3, 0, 100);
        BufferedImage image = decoded(TestImages.write(dir.resolve("gray.png"), gray, "png"));
        assertNear(new int[] {100, 100, 100}, rgb(image, 3, 3), 1);
        assertNear(new int[] {0, 0, 0}, rgb(image, 0, 0), 0);
    }

    @Test
    void transparencyIsKeptAndCompositedOnWhiteForTheBackbone() throws Exception {
        var argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0xFF0000FF);
        argb.setRGB(2, 2, 0x80000000);
        BufferedImage image = decoded(TestImages.write(dir.resolve("alpha.png"), argb, "png"));
        assertEquals(0x00000000, image.getRGB(0, 0));
        assertEquals(0xFF0000FF, image.getRGB(1, 1));
        assertEquals(0x80000000, image.getRGB(2, 2));

        BufferedImage input = Resizer.toSquareInput(image, 4, 4);
        assertNear(new int[] {255, 255, 255}, rgb(input, 0, 0), 0);
        assertNear(new int[] {0, 0, 255}, rgb(input, 1, 1), 0);
        assertNear(new int[] {127, 127, 127}, rgb(input, 2, 2), 2);
    }

    @Test
    void exifOrientationSixTurnsTheImageClockwise() throws Exception {
        var landscape = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = landscape.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        Path file = Files.write(dir.resolve("rotated.jpg"), TestImages.jpegWithOrientation(landscape, 6));

        BufferedImage upright = decoded(file);

        assertEquals(20, upright.getWidth());
        assertEquals(40, upright.getHeight());
        assertNear(new int[] {255, 0, 0}, rgb(upright, 10, 5), 30);
        assertNear(new int[] {0, 0, 255}, rgb(upright, 10, 35), 30);
    }

    @Test
    void emptyFileIsReported() throws Exception {
        assertEquals("empty file", reason(Files.createFile(dir.resolve("empty.jpg"))));
    }

    @Test
    void missingFileIsReported() {
        assertEquals("file not found", reason(dir.resolve("gone.png")));
    }

    @Test
    void textFileNamedJpgIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "shopping list: eggs, milk\n", StandardCharsets.UTF_8);
        assertEquals("not an image (unrecognised format)", reason(file));
    }

    @Test
    void truncatedJpegIsReportedAsSuch() throws Exception {
        Path file = TestImages.writeTruncated(dir.resolve("cut.jpg"), TestImages.noise(128, 128, 1), "jpg", 0.5);
        String reason = reason(file);
        assertTrue(reason.startsWith("truncated or corrupt JPEG: "), reason);
    }

    @Test
    void truncatedPngIsReportedAsSuch() throws Exception {
        Path file = TestImages.writeTruncated(dir.resolve("cut.png"), TestImages.noise(128, 128, 2), "png", 0.5);
        String reason = reason(file);
        assertTrue(reason.startsWith("truncated or corrupt PNG: "), reason);
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        Path file = Files.write(dir.resolve("bomb.png"), TestImages.pngHeaderOnly(50_000, 50_000));
        assertEquals("image is 50000 x 50000 = 2500 megapixels, above the 100 megapixel limit", reason(file));
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        Path file = TestImages.write(dir.resolve("secret.png"), TestImages.solid(4, 4, Color.GREEN), "png");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");
        assertEquals("permission denied", reason(file));
    }

    @Test
    void subsampledDecodeStillCoversTheTarget() throws Exception {
        Path file = TestImages.write(dir.resolve("big.png"), TestImages.solid(1000, 600, Color.ORANGE), "png");
        var result = assertInstanceOf(DecodeResult.Decoded.class, decoder.decodeToCover(file, 100, 100));
        assertTrue(result.image().getHeight() >= 200 && result.image().getHeight() < 600, "height " + result.image().getHeight());
        var thumb = assertInstanceOf(DecodeResult.Decoded.class, decoder.decodeToFit(file, 100));
        assertTrue(thumb.image().getWidth() >= 200 && thumb.image().getWidth() < 1000, "width " + thumb.image().getWidth());
    }
}
