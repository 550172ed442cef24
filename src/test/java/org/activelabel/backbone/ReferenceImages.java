package org.activelabel.backbone;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed images of src/tools/tfjs/record-reference.cjs and the activations TF.js recorded for them.
 * Pixel of image k at (x, y), channel c: (A[k]*x + B[k]*y + C[k]*c + D[k]*floor(x*y/16)) mod 256.
 */
final class ReferenceImages {

    static final int SIZE = 224;
    private static final int[] A = {1, 7, 0};
    private static final int[] B = {1, 3, 5};
    private static final int[] C = {80, 40, 100};
    private static final int[] D = {0, 1, 3};

    static int count() {
        return A.length;
    }

    static int pixel(int k, int x, int y, int c) {
        return (A[k] * x + B[k] * y + C[k] * c + D[k] * ((x * y) / 16)) % 256;
    }

    /** Exactly the float32 tensor TF.js was fed (p / 255), laid out NCHW. */
    static float[] nchwTensor() {
        var tensor = new float[count() * 3 * SIZE * SIZE];
        int i = 0;
        for (int k = 0; k < count(); k++)
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < SIZE; y++)
                    for (int x = 0; x < SIZE; x++)
                        tensor[i++] = (float) (pixel(k, x, y, c) / 255.0);
        return tensor;
    }

    static List<BufferedImage> images() {
        var images = new ArrayList<BufferedImage>();
        for (int k = 0; k < count(); k++) {
            var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIZE; y++)
                for (int x = 0; x < SIZE; x++)
                    image.setRGB(x, y, pixel(k, x, y, 0) << 16 | pixel(k, x, y, 1) << 8 | pixel(k, x, y, 2));
            images.add(image);
        }
        return images;
    }

    /** Pooled activations of {@code layer}, one row per image. */
    static float[][] activations(String layer) throws IOException {
        try (InputStream in = ReferenceImages.class.getResourceAsStream("/backbone/reference-" + layer + ".f32")) {
            var bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            int dim = bytes.remaining() / count();
            var rows = new float[count()][dim];
            for (var row : rows) {
                bytes.get(row);
            }
            return rows;
        }
    }

    static float maxAbsDiff(float[][] a, float[][] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new AssertionError("row " + i + " has length " + a[i].length + " vs " + b[i].length);
            }
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    private ReferenceImages() {
    }
}
