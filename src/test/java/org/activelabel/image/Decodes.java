package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** What a decoder made of a file, for tests: the int-pixel image it must give, or the reason it must refuse. */
final class Decodes {

    private Decodes() {
    }

    static BufferedImage image(ImageDecoder decoder, Path file) {
        DecodeResult result = decoder.decode(file);
        if (result instanceof DecodeResult.Failed failed) {
            throw new AssertionError("expected an image from " + file + " but: " + failed.reason());
        }
        BufferedImage image = ((DecodeResult.Decoded) result).image();
        assertEquals(image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB,
                image.getType());
        return image;
    }

    static String reason(ImageDecoder decoder, Path file) {
        return assertInstanceOf(DecodeResult.Failed.class, decoder.decode(file), "decoding " + file).reason();
    }
}
