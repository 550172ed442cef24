package org.activelabel.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file into an upright picture (TYPE_INT_RGB, or TYPE_INT_ARGB when it has transparency), or a
 * reason it cannot.
 * Never throws for a bad file: one broken image must not stop a batch. Thread-safe.
 *
 * <p>Plain JPEGs (8-bit greyscale or YCbCr, baseline or progressive, whole) are decoded by
 * {@link OpenCvJpeg}, scaled in the DCT domain; everything else, and any JPEG it cannot read, by
 * ImageIO with the TwelveMonkeys plugins (PNG, GIF's first frame, BMP, WebP, TIFF, CMYK and YCCK
 * JPEGs with their ICC profile). Both paths share the pixel cap and the EXIF orientation. Transparency is kept
 * for the window to show on its own background; the backbone's input composites it on white
 * ({@link Resizer#toSquareInput}). HEIC and AVIF files are refused by name.
 */
public final class ImageDecoder {

    /** Formats whose files may say how to turn the picture upright (an EXIF or TIFF orientation tag). */
    private static final Set<String> ORIENTED_FORMATS = Set.of("JPEG", "WEBP", "PNG", "TIFF");

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** Larger JPEGs are not read into memory whole for OpenCV; ImageIO streams them. */
    private static final long MAX_IN_MEMORY_JPEG_BYTES = 256L << 20;

    static {
        // plugins on the class path are not always seen when ImageIO was first touched from another loader
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;
    private final Supplier<Optional<OpenCvJpeg>> scaledJpeg;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels images whose header claims more pixels are refused (decompression bombs) */
    public ImageDecoder(long maxPixels) {
        this(maxPixels, OpenCvJpeg::shared);
    }

    /** @param scaledJpeg asked on each JPEG (the shared one loads the natives on the first); empty: ImageIO only */
    ImageDecoder(long maxPixels, Supplier<Optional<OpenCvJpeg>> scaledJpeg) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.scaledJpeg = scaledJpeg;
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
        byte[] head = new byte[UnsupportedFormat.HEAD_LENGTH];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        String unsupported = UnsupportedFormat.name(head, headLength);
        if (unsupported != null) {
            return failed("format not supported (" + unsupported + ")");
        }
        if (JpegHeader.startsLikeJpeg(head, headLength) && Files.size(file) <= MAX_IN_MEMORY_JPEG_BYTES) {
            var opencv = scaledJpeg.get();
            if (opencv.isPresent()) {
                DecodeResult result = readJpeg(opencv.get(), Files.readAllBytes(file), subsampling);
                if (result != null) {
                    return result;
                }
            }
        }
        return readWithImageIO(file, subsampling);
    }

    /** The scaled decode of a plain JPEG; null to leave the file to ImageIO. */
    private DecodeResult readJpeg(OpenCvJpeg opencv, byte[] jpeg, Subsampling subsampling) {
        JpegHeader header = JpegHeader.parse(jpeg);
        if (header == null || !header.plainHuffmanRgbOrGrey()) {
            return null;
        }
        DecodeResult tooLarge = refuseAbovePixelCap(header.width(), header.height());
        if (tooLarge != null) {
            return tooLarge;
        }
        int orientation = jpegExifOrientation(jpeg);
        boolean swapsSides = orientation >= 5;
        int step = subsampling.step(swapsSides ? header.height() : header.width(),
                swapsSides ? header.width() : header.height());
        BufferedImage image = opencv.decode(jpeg, OpenCvJpeg.reductionFor(step));
        if (image == null) {
            return null;
        }
        return new DecodeResult.Decoded(Orientation.apply(image, orientation));
    }

    private DecodeResult refuseAbovePixelCap(int width, int height) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            return failed("image is %d x %d = %d megapixels, above the %d megapixel limit"
                    .formatted(width, height, Math.round(pixels / 1e6), Math.round(maxPixels / 1e6)));
        }
        return null;
    }

    private DecodeResult readWithImageIO(Path file, Subsampling subsampling) throws IOException {
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
                DecodeResult tooLarge = refuseAbovePixelCap(width, height);
                if (tooLarge != null) {
                    return tooLarge;
                }
                int orientation = ORIENTED_FORMATS.contains(format) ? exifOrientation(file) : 1;
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
                return new DecodeResult.Decoded(Orientation.apply(Resizer.toIntPixels(image), orientation));
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
            return orientation(ImageMetadataReader.readMetadata(file.toFile()));
        } catch (Exception e) {
            return 1;
        }
    }

    /** The same for a JPEG in memory, reading its EXIF segment only. */
    private static int jpegExifOrientation(byte[] jpeg) {
        try {
            return orientation(JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg), List.of(new ExifReader())));
        } catch (Exception e) {
            return 1;
        }
    }

    private static int orientation(Metadata metadata) {
        try {
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
