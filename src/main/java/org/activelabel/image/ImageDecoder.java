package org.activelabel.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file into an upright TYPE_INT_RGB picture, or a reason it cannot.
 * Never throws for a bad file: one broken image must not stop a batch. Thread-safe.
 */
public final class ImageDecoder {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    static {
        // plugins on the class path are not always seen when ImageIO was first touched from another loader
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels images whose header claims more pixels are refused (decompression bombs) */
    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Full resolution. */
    public DecodeResult decode(Path file) {
        return decode(file, (w, h) -> 1);
    }

    /**
     * Possibly subsampled while reading, keeping at least twice {@code width} x {@code height} in
     * both directions, for {@link Resizer#toSquareInput} to finish with good quality.
     */
    public DecodeResult decodeToCover(Path file, int width, int height) {
        return decode(file, (w, h) -> (int) Math.max(1, Math.min(w / (2L * width), h / (2L * height))));
    }

    /**
     * Possibly subsampled while reading, keeping the longer side at least twice {@code maxSide},
     * for {@link Resizer#fitWithin} to finish with good quality.
     */
    public DecodeResult decodeToFit(Path file, int maxSide) {
        return decode(file, (w, h) -> (int) Math.max(1, Math.max(w, h) / (2L * maxSide)));
    }

    /** Chooses the read subsampling step from the upright image size. */
    private interface Subsampling {
        int step(int uprightWidth, int uprightHeight);
    }

    private DecodeResult decode(Path file, Subsampling subsampling) {
        try {
            if (!Files.exists(file)) {
                return failed("file not found");
            }
            if (Files.isDirectory(file)) {
                return failed("is a folder, not a file");
            }
            if (!Files.isReadable(file)) {
                return failed("permission denied");
            }
            if (Files.size(file) == 0) {
                return failed("empty file");
            }
            return read(file, subsampling);
        } catch (AccessDeniedException e) {
            return failed("permission denied");
        } catch (NoSuchFileException e) {
            return failed("file not found");
        } catch (FileNotFoundException e) {
            String message = String.valueOf(e.getMessage());
            return failed(message.contains("Permission denied") ? "permission denied" : "file not found");
        } catch (IOException e) {
            return failed("could not read file: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed("not enough memory to decode");
        }
    }

    private DecodeResult read(Path file, Subsampling subsampling) throws IOException {
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            input = new FileImageInputStream(file.toFile());
        }
        try (ImageInputStream in = input) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return failed("not an image (unrecognised format)");
            }
            ImageReader reader = readers.next();
            String format = formatName(reader);
            try {
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    return corrupt(format, e);
                }
                long pixels = (long) width * height;
                if (pixels > maxPixels) {
                    return failed("image is %d x %d = %d megapixels, above the %d megapixel limit"
                            .formatted(width, height, Math.round(pixels / 1e6), Math.round(maxPixels / 1e6)));
                }
                int orientation = "JPEG".equals(format) || "WEBP".equals(format) || "PNG".equals(format)
                        ? exifOrientation(file) : 1;
                boolean swapsSides = orientation >= 5;
                int step = subsampling.step(swapsSides ? height : width, swapsSides ? width : height);

                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                List<String> truncation = new ArrayList<>();
                reader.addIIOReadWarningListener(truncationListener(truncation));
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (IOException | RuntimeException e) {
                    return corrupt(format, e);
                }
                if (!truncation.isEmpty()) {
                    return failed("truncated or corrupt " + format + ": " + truncation.get(0));
                }
                return new DecodeResult.Decoded(Orientation.apply(Resizer.toIntRgb(image), orientation));
            } finally {
                reader.dispose();
            }
        }
    }

    private static IIOReadWarningListener truncationListener(List<String> truncation) {
        return (source, warning) -> {
            // a JPEG cut short decodes to grey below the cut: worse than no image for training
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                truncation.add(warning);
            }
        };
    }

    private static String formatName(ImageReader reader) {
        var spi = reader.getOriginatingProvider();
        if (spi == null || spi.getFormatNames().length == 0) {
            return "image";
        }
        String name = spi.getFormatNames()[0].toUpperCase(Locale.ROOT);
        return name.equals("JPG") ? "JPEG" : name;
    }

    private static DecodeResult corrupt(String format, Exception e) {
        Throwable cause = e;
        String message = e.getMessage();
        while ((message == null || message.isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
            message = cause.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        return failed("truncated or corrupt " + format + ": " + message);
    }

    /** EXIF orientation 1..8; 1 when absent or unreadable (a broken EXIF block is no reason to drop the pixels). */
    private static int exifOrientation(Path file) {
        try {
            var metadata = ImageMetadataReader.readMetadata(file.toFile());
            var exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (Exception e) {
            return 1;
        }
        return 1;
    }

    private static DecodeResult failed(String reason) {
        return new DecodeResult.Failed(reason);
    }
}
