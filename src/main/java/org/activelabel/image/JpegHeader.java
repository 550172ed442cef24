package org.activelabel.image;

/**
 * What the markers of a JPEG file say before any pixel is decoded: the frame (SOF) type, size and
 * components, the Adobe colour transform, and whether an end-of-image marker follows the scans.
 *
 * @param frameMarker    0xC0 baseline, 0xC1 extended, 0xC2 progressive, other SOFn for lossless,
 *                       hierarchical or arithmetic-coded files
 * @param adobeTransform the APP14 "Adobe" transform (0 none, 1 YCbCr, 2 YCCK), -1 without that segment
 * @param complete       an end-of-image marker follows the first scan; a file cut short has none
 */
record JpegHeader(int frameMarker, int precision, int width, int height, int components, int adobeTransform,
                  boolean complete) {

    static boolean startsLikeJpeg(byte[] head, int length) {
        return length >= 3 && head[0] == (byte) 0xFF && head[1] == (byte) 0xD8 && head[2] == (byte) 0xFF;
    }

    /**
     * Huffman-coded 8-bit greyscale or YCbCr, baseline or progressive, whole: what a libjpeg-turbo
     * scaled decode reads as well as ImageIO. Four-component (CMYK, YCCK) files are left to ImageIO,
     * which applies their ICC profile; lossless, arithmetic-coded, 12-bit and cut files too.
     */
    boolean plainHuffmanRgbOrGrey() {
        return (frameMarker == 0xC0 || frameMarker == 0xC1 || frameMarker == 0xC2)
                && precision == 8 && (components == 1 || components == 3) && width > 0 && height > 0 && complete;
    }

    /** The header of {@code jpeg}, or null when its markers up to the first scan do not parse. */
    static JpegHeader parse(byte[] jpeg) {
        if (!startsLikeJpeg(jpeg, jpeg.length)) {
            return null;
        }
        int frameMarker = -1;
        int precision = 0;
        int width = 0;
        int height = 0;
        int components = 0;
        int adobeTransform = -1;
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if (jpeg[pos] != (byte) 0xFF) {
                return null;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte before a marker
                continue;
            }
            pos += 2;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue; // markers without a length
            }
            if (marker == 0xD9) {
                return null; // end of image before any scan
            }
            int length = u16(jpeg, pos);
            if (length < 2 || pos + length > jpeg.length) {
                return null;
            }
            if (isFrame(marker)) {
                if (frameMarker != -1 || length < 8) {
                    return null; // a second frame: hierarchical, left to ImageIO
                }
                frameMarker = marker;
                precision = jpeg[pos + 2] & 0xFF;
                height = u16(jpeg, pos + 3);
                width = u16(jpeg, pos + 5);
                components = jpeg[pos + 7] & 0xFF;
            } else if (marker == 0xEE && length >= 14 && isAdobe(jpeg, pos + 2)) {
                adobeTransform = jpeg[pos + 13] & 0xFF;
            } else if (marker == 0xDA) {
                if (frameMarker == -1) {
                    return null;
                }
                return new JpegHeader(frameMarker, precision, width, height, components, adobeTransform,
                        hasEndMarkerAfter(jpeg, pos + length));
            }
            pos += length;
        }
        return null;
    }

    /** SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean isAdobe(byte[] b, int at) {
        return b[at] == 'A' && b[at + 1] == 'd' && b[at + 2] == 'o' && b[at + 3] == 'b' && b[at + 4] == 'e';
    }

    /**
     * Entropy-coded data stuffs every 0xFF with a zero byte, so an FF D9 pair past the first scan is
     * the end-of-image marker. Searched from the end, where it normally is: a few bytes for a whole
     * file, one pass for a cut one.
     */
    private static boolean hasEndMarkerAfter(byte[] b, int scanData) {
        for (int i = b.length - 2; i >= scanData; i--) {
            if (b[i] == (byte) 0xFF && b[i + 1] == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
