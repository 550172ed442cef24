package org.activelabel.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

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
