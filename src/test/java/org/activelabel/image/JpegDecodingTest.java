package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera JPEGs are decoded scaled in the DCT domain, to no less than the caller needs, upright, and
 * like ImageIO would; whatever that path cannot take goes to ImageIO, and nothing crashes.
 */
class JpegDecodingTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();
    private final ImageDecoder imageIoOnly = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, Optional::empty);

    @BeforeAll
    static void scaledDecodingIsAvailableHere() {
        assertTrue(OpenCvJpeg.shared().isPresent(), "OpenCV natives should load on this platform");
    }

    private static BufferedImage image(DecodeResult result) {
        if (result instanceof DecodeResult.Failed failed) {
            throw new AssertionError("expected an image but: " + failed.reason());
        }
        BufferedImage image = ((DecodeResult.Decoded) result).image();
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        return image;
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    @Test
    void bigPhotoIsDecodedAtAPowerOfTwoThatStillCoversTheTarget() throws Exception {
        Path photo = TestImages.write(dir.resolve("photo.jpg"), TestImages.gradient(1600, 1200), "jpg");

        // twice 160 x 160 fits 1600 x 1200 three times over: 1/2 is the largest DCT scale that still covers it
        BufferedImage forFeatures = image(decoder.decodeToCover(photo, 160, 160));
        assertEquals(800, forFeatures.getWidth());
        assertEquals(600, forFeatures.getHeight());

        BufferedImage forThumbnail = image(decoder.decodeToFit(photo, 100));
        assertEquals(200, forThumbnail.getWidth());
        assertEquals(150, forThumbnail.getHeight());

        BufferedImage full = image(decoder.decode(photo));
        assertEquals(1600, full.getWidth());
    }

    @Test
    void scaledDecodeLooksLikeImageIoDecodeAfterResizing() throws Exception {
        Path photo = TestImages.write(dir.resolve("photo.jpg"), TestImages.gradient(1280, 960), "jpg");
        var fast = Resizer.toSquareInput(image(decoder.decodeToCover(photo, 160, 160)), 160, 160);
        var reference = Resizer.toSquareInput(image(imageIoOnly.decode(photo)), 160, 160);
        double difference = meanAbsoluteDifference(fast, reference);
        assertTrue(difference < 3, "mean difference " + difference + " levels");
    }

    @Test
    void fullDecodeMatchesImageIo() throws Exception {
        Path photo = TestImages.write(dir.resolve("photo.jpg"), TestImages.gradient(300, 200), "jpg");
        double difference = meanAbsoluteDifference(image(decoder.decode(photo)), image(imageIoOnly.decode(photo)));
        assertTrue(difference < 2, "mean difference " + difference + " levels");
    }

    @Test
    void progressivePhotoIsScaledToo() throws Exception {
        Path photo = Files.write(dir.resolve("progressive.jpg"), TestImages.progressiveJpeg(TestImages.gradient(1600, 1200)));
        BufferedImage image = image(decoder.decodeToCover(photo, 100, 100));
        assertEquals(400, image.getWidth()); // 1/4: 400 x 300 still covers 200 x 200
        assertEquals(300, image.getHeight());
    }

    @Test
    void cameraTurnedPhotoComesOutUprightWhenScaled() throws Exception {
        // a portrait scene, stored as the sensor saw it (turned counter-clockwise) with orientation 6
        var scene = TestImages.halves(600, 800, Color.RED, Color.BLUE);
        var stored = TestImages.turnedCounterClockwise(scene);
        Path file = Files.write(dir.resolve("portrait.jpg"), TestImages.jpegWithOrientation(stored, 6));

        BufferedImage upright = image(decoder.decodeToCover(file, 100, 100));

        assertEquals(300, upright.getWidth()); // 800 x 600 stored, 1/2 scale, then turned
        assertEquals(400, upright.getHeight());
        int left = upright.getRGB(50, 200);
        int right = upright.getRGB(250, 200);
        assertTrue(((left >> 16) & 0xff) > 200 && (left & 0xff) < 60, "left half red, got " + Integer.toHexString(left));
        assertTrue((right & 0xff) > 200 && ((right >> 16) & 0xff) < 60, "right half blue, got " + Integer.toHexString(right));
    }

    @Test
    void jpegBombIsRefusedFromItsFrameHeader() throws Exception {
        byte[] small = TestImages.encode(TestImages.solid(64, 64, Color.GRAY), "jpg");
        Path bomb = Files.write(dir.resolve("bomb.jpg"), TestImages.withFrameSize(small, 60_000, 50_000));
        var failed = assertInstanceOf(DecodeResult.Failed.class, decoder.decodeToCover(bomb, 160, 160));
        assertEquals("image is 60000 x 50000 = 3000 megapixels, above the 100 megapixel limit", failed.reason());
    }

    @Test
    void truncatedPhotoIsReportedNotShownHalfGrey() throws Exception {
        Path cut = TestImages.writeTruncated(dir.resolve("cut.jpg"), TestImages.gradient(800, 600), "jpg", 0.6);
        var failed = assertInstanceOf(DecodeResult.Failed.class, decoder.decodeToCover(cut, 160, 160));
        assertTrue(failed.reason().startsWith("truncated or corrupt JPEG: "), failed.reason());
    }

    @Test
    void headerWithoutPixelsIsReported() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.gradient(64, 64), "jpg");
        int scanStart = indexOf(jpeg, (byte) 0xFF, (byte) 0xDA);
        byte[] header = java.util.Arrays.copyOf(jpeg, scanStart + 2);
        var failed = assertInstanceOf(DecodeResult.Failed.class, decoder.decode(Files.write(dir.resolve("h.jpg"), header)));
        assertTrue(failed.reason().startsWith("truncated or corrupt JPEG"), failed.reason());
    }

    @Test
    void scrambledScanDataGivesAnImageOrAReasonButNeverACrash() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.gradient(400, 300), "jpg");
        int scanStart = indexOf(jpeg, (byte) 0xFF, (byte) 0xDA);
        var random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            byte[] damaged = jpeg.clone();
            for (int i = scanStart + 20; i < damaged.length - 2; i += 1 + random.nextInt(50)) {
                damaged[i] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("scrambled" + round + ".jpg"), damaged);
            DecodeResult result = decoder.decodeToCover(file, 50, 50);
            assertTrue(result instanceof DecodeResult.Decoded || result instanceof DecodeResult.Failed);
        }
    }

    @Test
    void damagedMarkersBeforeTheScanGoToImageIoForAReason() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.gradient(64, 64), "jpg");
        byte[] damaged = jpeg.clone();
        damaged[4] = (byte) 0xFF; // the first segment's length now runs past the end of the file
        damaged[5] = (byte) 0xFF;
        var failed = assertInstanceOf(DecodeResult.Failed.class, decoder.decode(Files.write(dir.resolve("d.jpg"), damaged)));
        assertTrue(failed.reason().contains("JPEG"), failed.reason());
    }

    @Test
    void decodingManyPhotosLeavesNoNativeBuffersBehind() throws Exception {
        Path photo = TestImages.write(dir.resolve("photo.jpg"), TestImages.gradient(1600, 1200), "jpg");
        image(decoder.decodeToCover(photo, 64, 64)); // natives loaded, caches warm
        long before = Pointer.totalBytes();
        for (int i = 0; i < 50; i++) {
            image(decoder.decodeToCover(photo, 64, 64));
        }
        // the count is the whole JVM's: arrays other tests left may be freed meanwhile, so it can fall; kept file
        // bytes and decoded pictures of 50 photos would raise it by several MB
        long grown = Pointer.totalBytes() - before;
        assertTrue(grown < 1 << 20, "native memory grew by " + grown + " bytes over 50 decodes");
    }

    @Test
    void withoutTheNativesJpegsStillDecodeThroughImageIo() throws Exception {
        var loads = new AtomicInteger();
        var missing = OpenCvJpeg.load(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no jniopencv_core in java.library.path");
        });
        assertTrue(missing.isEmpty());
        assertEquals(1, loads.get());
        var withoutNatives = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, () -> missing);

        Path photo = TestImages.write(dir.resolve("photo.jpg"), TestImages.gradient(400, 300), "jpg");
        BufferedImage image = image(withoutNatives.decodeToCover(photo, 50, 50));
        assertEquals(134, image.getWidth()); // ImageIO's subsampling: every third pixel, not a power of two
    }

    private static int indexOf(byte[] data, byte first, byte second) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == first && data[i + 1] == second) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }
}
