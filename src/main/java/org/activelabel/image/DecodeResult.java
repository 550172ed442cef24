package org.activelabel.image;

import java.awt.image.BufferedImage;

/** Outcome of decoding one file: a picture, or a reason a person can read. */
public sealed interface DecodeResult {

    /** {@code image} is upright, {@link BufferedImage#TYPE_INT_RGB} or, with transparency, {@code TYPE_INT_ARGB}. */
    record Decoded(BufferedImage image) implements DecodeResult {
    }

    record Failed(String reason) implements DecodeResult {
    }
}
