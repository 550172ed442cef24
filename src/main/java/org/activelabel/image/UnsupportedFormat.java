package org.activelabel.image;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Recognises image formats no reader here decodes, from the first bytes of a file, so they are
 * refused by name ("format not supported (HEIC)") rather than as unrecognised data.
 */
final class UnsupportedFormat {

    /** Bytes of the file's start {@link #name} needs to see. */
    static final int HEAD_LENGTH = 64;

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "miaf");

    private UnsupportedFormat() {
    }

    /** "HEIC", "AVIF" or "HEIF" for an ISO media file ('ftyp' box) of those brands, else null. */
    static String name(byte[] head, int length) {
        if (length < 16 || !"ftyp".equals(ascii(head, 4))) {
            return null;
        }
        String major = ascii(head, 8);
        if (HEIC_BRANDS.contains(major)) {
            return "HEIC";
        }
        if (AVIF_BRANDS.contains(major)) {
            return "AVIF";
        }
        if (!HEIF_BRANDS.contains(major)) {
            return null; // a video, or some other ISO media file
        }
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = (int) Math.min(Math.min(boxSize, length), HEAD_LENGTH);
        for (int at = 16; at + 4 <= end; at += 4) {
            String brand = ascii(head, at);
            if (AVIF_BRANDS.contains(brand)) {
                return "AVIF";
            }
            if (HEIC_BRANDS.contains(brand)) {
                return "HEIC";
            }
        }
        return "HEIF";
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }
}
