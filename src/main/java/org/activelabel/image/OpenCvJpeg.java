package org.activelabel.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG decoding through OpenCV's libjpeg-turbo, scaled by 1/2, 1/4 or 1/8 inside the inverse DCT:
 * a 12-MP photo wanted at a few hundred pixels is never decoded in full. Orientation is left to the
 * caller ({@code IMREAD_IGNORE_ORIENTATION}), so every decoding path turns images the same way.
 * Native memory is freed before each call returns. Thread-safe.
 */
final class OpenCvJpeg {

    /** Set to {@code false} to decode every JPEG with ImageIO. */
    static final String ENABLED_PROPERTY = "activelabel.decode.opencv";

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvJpeg.class);

    private OpenCvJpeg() {
    }

    /** The shared instance, loading the natives on first use; empty when they cannot load here. */
    static Optional<OpenCvJpeg> shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final Optional<OpenCvJpeg> INSTANCE = load(() -> Loader.load(opencv_imgcodecs.class));
    }

    /** Runs {@code loadNatives}; a platform without the natives gets ImageIO and one log line, never a crash. */
    static Optional<OpenCvJpeg> load(Runnable loadNatives) {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY))) {
            LOG.info("JPEG decoding with ImageIO only ({}=false)", ENABLED_PROPERTY);
            return Optional.empty();
        }
        try {
            loadNatives.run();
            return Optional.of(new OpenCvJpeg());
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("OpenCV natives did not load ({}): JPEGs are decoded with ImageIO, more slowly", e.toString());
            return Optional.empty();
        }
    }

    /** The largest of 1, 2, 4, 8 not above {@code step}: a scaled decode still at least as big as asked. */
    static int reductionFor(int step) {
        return step >= 8 ? 8 : step >= 4 ? 4 : step >= 2 ? 2 : 1;
    }

    /**
     * Decodes {@code jpeg} scaled by 1/{@code reduction} (1, 2, 4 or 8; sides rounded up), or null
     * when OpenCV cannot read it.
     */
    BufferedImage decode(byte[] jpeg, int reduction) {
        int mode = switch (reduction) {
            case 1 -> IMREAD_COLOR;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 8 -> IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("reduction must be 1, 2, 4 or 8: " + reduction);
        };
        try (var data = new BytePointer(jpeg);
             var encoded = new Mat(1, jpeg.length, CV_8UC1, data);
             var decoded = imdecode(encoded, mode | IMREAD_IGNORE_ORIENTATION)) {
            if (decoded.empty() || decoded.type() != CV_8UC3) {
                return null;
            }
            return toIntRgb(decoded);
        } catch (RuntimeException e) {
            return null; // an OpenCV exception: ImageIO gets its turn and says what is wrong
        }
    }

    /** BGR bytes, row by row, into the int pixels of a TYPE_INT_RGB image. */
    private static BufferedImage toIntRgb(Mat bgr) {
        int width = bgr.cols();
        int height = bgr.rows();
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = Resizer.pixels(image);
        byte[] row = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            bgr.ptr(y).get(row, 0, row.length);
            int out = y * width;
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                pixels[out + x] = (row[i + 2] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i] & 0xFF);
            }
        }
        return image;
    }
}
