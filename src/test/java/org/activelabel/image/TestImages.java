package org.activelabel.image;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadataNode;

/** Builds image files for tests: real encodings, cut ones, and hand-made headers. */
public final class TestImages {

    private TestImages() {
    }

    public static BufferedImage solid(int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    public static BufferedImage noise(int width, int height, long seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** Left half one colour, right half another. */
    public static BufferedImage halves(int width, int height, Color left, Color right) {
        var image = solid(width, height, left);
        var g = image.createGraphics();
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Smooth colour ramps with some texture, like a photo rather than noise or flat colour. */
    public static BufferedImage gradient(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / width;
                int g = 255 * y / height;
                int b = (int) (127 + 100 * Math.sin(x / 23.0) * Math.cos(y / 17.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The image turned 90 degrees clockwise, as a camera held upright stores it once turned. */
    public static BufferedImage turnedClockwise(BufferedImage image) {
        var out = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(image.getHeight() - 1 - y, x, image.getRGB(x, y));
            }
        }
        return out;
    }

    /** The image turned 90 degrees counter-clockwise. */
    public static BufferedImage turnedCounterClockwise(BufferedImage image) {
        var out = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
            }
        }
        return out;
    }

    public static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** 16 bits per sample, RGB, the levels of {@code image} scaled from 8 bits. */
    public static BufferedImage sixteenBitRgb(BufferedImage image) {
        var model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        var out = new BufferedImage(model, model.createCompatibleWritableRaster(image.getWidth(), image.getHeight()),
                false, null);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                out.getRaster().setPixel(x, y, new int[] {
                    ((rgb >> 16) & 0xff) * 257, ((rgb >> 8) & 0xff) * 257, (rgb & 0xff) * 257});
            }
        }
        return out;
    }

    /** An image with a palette of the given colours, pixel (x, y) coloured {@code index[y][x]}. */
    public static BufferedImage paletted(Color[] palette, int[][] index) {
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) palette[i].getRed();
            g[i] = (byte) palette[i].getGreen();
            b[i] = (byte) palette[i].getBlue();
        }
        var image = new BufferedImage(index[0].length, index.length, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, palette.length, r, g, b));
        for (int y = 0; y < index.length; y++) {
            for (int x = 0; x < index[y].length; x++) {
                image.getRaster().setSample(x, y, 0, index[y][x]);
            }
        }
        return image;
    }

    /** An animated GIF of the frames, each shown for 100 ms. */
    public static byte[] animatedGif(BufferedImage... frames) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                var type = ImageTypeSpecifier.createFromRenderedImage(frame);
                var metadata = writer.getDefaultImageMetadata(type, null);
                String format = metadata.getNativeMetadataFormatName();
                var root = (IIOMetadataNode) metadata.getAsTree(format);
                var control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A file from the test resources (org/activelabel/image/formats), copied into {@code dir}. */
    public static Path resource(Path dir, String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource formats/" + name);
            }
            return Files.write(dir.resolve(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    public static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, encode(image, format));
    }

    /** The file cut to {@code fraction} of its length, as an interrupted copy leaves it. */
    public static Path writeTruncated(Path file, BufferedImage image, String format, double fraction) throws IOException {
        byte[] full = encode(image, format);
        byte[] cut = new byte[(int) (full.length * fraction)];
        System.arraycopy(full, 0, cut, 0, cut.length);
        return Files.write(file, cut);
    }

    /** A PNG that is only a signature and an IHDR chunk (with a valid CRC) claiming the given size. */
    public static byte[] pngHeaderOnly(int width, int height) {
        var chunk = ByteBuffer.allocate(4 + 13);
        chunk.put("IHDR".getBytes(StandardCharsets.US_ASCII));
        chunk.putInt(width).putInt(height);
        chunk.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(chunk.array());
        var png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(chunk.array()).putInt((int) crc.getValue());
        return png.array();
    }

    /** The JPEG with the size in its frame header (SOF) changed, the pixel data left as it was. */
    public static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int pos = 2;
        while (pos + 4 < out.length) {
            int marker = out[pos + 1] & 0xff;
            int length = ((out[pos + 2] & 0xff) << 8) | (out[pos + 3] & 0xff);
            if (marker >= 0xC0 && marker <= 0xC2) {
                out[pos + 5] = (byte) (height >> 8);
                out[pos + 6] = (byte) height;
                out[pos + 7] = (byte) (width >> 8);
                out[pos + 8] = (byte) width;
                return out;
            }
            pos += 2 + length;
        }
        throw new IllegalArgumentException("no frame header found");
    }

    /** A JPEG with an EXIF APP1 segment carrying only the orientation tag, inserted after SOI. */
    public static byte[] jpegWithOrientation(BufferedImage image, int orientation) throws IOException {
        byte[] jpeg = encode(image, "jpg");
        var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int segmentLength = 2 + exifHeader.length + tiff.capacity();
        var out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(exifHeader).put(tiff.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
