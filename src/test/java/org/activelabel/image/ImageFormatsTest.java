package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format a photo collection holds decodes to upright RGB with the right colours, or is
 * refused by name. Transparent parts come out on white, whatever the format.
 */
class ImageFormatsTest {

    private static final Color RED = new Color(200, 40, 10);
    private static final Color BLUE = new Color(20, 120, 220);

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    private BufferedImage decoded(Path file) {
        return Decodes.image(decoder, file);
    }

    private String reason(Path file) {
        return Decodes.reason(decoder, file);
    }

    private static void assertColour(Color expected, BufferedImage image, int x, int y, int tolerance) {
        int p = image.getRGB(x, y);
        int[] actual = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
        int[] wanted = {expected.getRed(), expected.getGreen(), expected.getBlue()};
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(wanted[i] - actual[i]) <= tolerance, "at (%d, %d) expected %s, got (%d, %d, %d)"
                    .formatted(x, y, expected, actual[0], actual[1], actual[2]));
        }
    }

    private void assertRedBlue(Path file, int tolerance) {
        BufferedImage image = decoded(file);
        assertEquals(32, image.getWidth(), file.getFileName().toString());
        assertEquals(16, image.getHeight(), file.getFileName().toString());
        assertColour(RED, image, 5, 8, tolerance);
        assertColour(BLUE, image, 26, 8, tolerance);
    }

    @Test
    void baselineJpeg() throws Exception {
        assertRedBlue(TestImages.write(dir.resolve("baseline.jpg"), TestImages.halves(32, 16, RED, BLUE), "jpg"), 8);
    }

    @Test
    void progressiveJpeg() throws Exception {
        byte[] jpeg = TestImages.progressiveJpeg(TestImages.halves(32, 16, RED, BLUE));
        assertEquals(0xC2, frameMarker(jpeg), "the writer made a progressive file");
        assertRedBlue(Files.write(dir.resolve("progressive.jpg"), jpeg), 8);
    }

    @Test
    void greyscaleJpegBecomesRgbWithTheSameLevels() throws Exception {
        var grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        BufferedImage image = decoded(TestImages.write(dir.resolve("grey.jpg"), grey, "jpg"));
        assertColour(new Color(90, 90, 90), image, 8, 8, 3);
    }

    @Test
    void cmykJpegWithoutProfileComesOutInItsColours() {
        // ImageMagick's CMYK JPEG: Adobe segment, YCCK transform, inverted inks, no ICC profile
        assertRedBlue(TestImages.resource(dir, "red-blue-ycck.jpg"), 8);
    }

    @Test
    void cmykJpegIsSeenThroughItsEmbeddedProfile() {
        // the profile prints every ink at half strength; ignoring it would give (255, 0, 0) and (0, 0, 255)
        BufferedImage image = decoded(TestImages.resource(dir, "light-ink-cmyk.jpg"));
        assertColour(new Color(255, 128, 128), image, 5, 8, 8);
        assertColour(new Color(128, 128, 255), image, 26, 8, 8);
    }

    @Test
    void sixteenBitPng() throws Exception {
        var deep = TestImages.sixteenBitRgb(TestImages.halves(32, 16, RED, BLUE));
        assertRedBlue(TestImages.write(dir.resolve("deep.png"), deep, "png"), 1);
    }

    @Test
    void palettePng() throws Exception {
        int[][] index = new int[16][32];
        for (int[] row : index) {
            java.util.Arrays.fill(row, 16, 32, 1);
        }
        var paletted = TestImages.paletted(new Color[] {RED, BLUE}, index);
        assertRedBlue(TestImages.write(dir.resolve("palette.png"), paletted, "png"), 0);
    }

    @Test
    void transparentPngKeepsItsTransparencyAndTheBackboneSeesItOnWhite() throws Exception {
        var argb = new BufferedImage(32, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 16; x < 32; x++) {
                argb.setRGB(x, y, 0xFF000000 | BLUE.getRGB());
            }
        }
        BufferedImage image = decoded(TestImages.write(dir.resolve("alpha.png"), argb, "png"));
        assertEquals(0, image.getRGB(5, 8) >>> 24, "the window shows a transparent pixel on its own background");
        BufferedImage input = Resizer.toSquareInput(image, 32, 16);
        assertColour(Color.WHITE, input, 5, 8, 0);
        assertColour(BLUE, input, 26, 8, 0);
    }

    @Test
    void lossyWebp() {
        assertRedBlue(TestImages.resource(dir, "red-blue.webp"), 12);
    }

    @Test
    void transparentWebpKeepsItsTransparencyAndTheBackboneSeesItOnWhite() {
        BufferedImage image = decoded(TestImages.resource(dir, "clear-blue.webp"));
        assertEquals(0, image.getRGB(5, 8) >>> 24);
        BufferedImage input = Resizer.toSquareInput(image, image.getWidth(), image.getHeight());
        assertColour(Color.WHITE, input, 5, 8, 0);
        assertColour(BLUE, input, 26, 8, 0);
    }

    @Test
    void bmp() throws Exception {
        assertRedBlue(TestImages.write(dir.resolve("picture.bmp"), TestImages.halves(32, 16, RED, BLUE), "bmp"), 0);
    }

    @Test
    void animatedGifShowsItsFirstFrame() throws Exception {
        var first = TestImages.halves(32, 16, RED, BLUE);
        var second = TestImages.solid(32, 16, Color.GREEN);
        Path file = Files.write(dir.resolve("animated.gif"), TestImages.animatedGif(first, second));
        assertRedBlue(file, 40); // GIF's palette is not exact
    }

    @Test
    void tiff() throws Exception {
        assertRedBlue(TestImages.write(dir.resolve("scan.tif"), TestImages.halves(32, 16, RED, BLUE), "tiff"), 0);
    }

    @Test
    void tiffWithAnOrientationTagIsTurnedUpright() throws Exception {
        // written by ImageMagick: red and blue halves side by side, 32 x 16, tagged "turn clockwise" (orientation 6):
        // convert -size 16x16 xc:'rgb(200,40,10)' -size 16x16 xc:'rgb(20,120,220)' +append -orient right-top
        //     -compress none halves-orientation6.tif
        Path file = dir.resolve("scan.tif");
        try (var in = ImageFormatsTest.class.getResourceAsStream("/images/halves-orientation6.tif")) {
            Files.copy(in, file);
        }
        BufferedImage image = decoded(file);
        assertEquals(16, image.getWidth());
        assertEquals(32, image.getHeight());
        assertColour(RED, image, 8, 5, 0);
        assertColour(BLUE, image, 8, 26, 0);
    }

    @Test
    void heicIsRefusedByName() {
        assertEquals("format not supported (HEIC)", reason(TestImages.resource(dir, "red-blue.heic")));
    }

    @Test
    void avifIsRefusedByName() {
        assertEquals("format not supported (AVIF)", reason(TestImages.resource(dir, "red-blue.avif")));
    }

    @Test
    void heicNamedJpgIsStillRefusedAsHeic() throws Exception {
        Path heic = TestImages.resource(dir, "red-blue.heic");
        Path misnamed = Files.copy(heic, dir.resolve("IMG_0042.jpg"));
        assertEquals("format not supported (HEIC)", reason(misnamed));
    }

    @Test
    void scannerListsTiffHeicAndAvifSoTheyAreNotLeftOutSilently() {
        for (String name : new String[] {"a.tif", "b.TIFF", "c.heic", "d.HEIF", "e.avif"}) {
            assertTrue(ImageScanner.isImageFileName(name), name);
        }
    }

    private static int frameMarker(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            if (marker >= 0xC0 && marker <= 0xC2) {
                return marker;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff));
        }
        return -1;
    }
}
