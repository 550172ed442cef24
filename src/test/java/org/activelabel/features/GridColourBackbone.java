package org.activelabel.features;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.activelabel.backbone.Backbone;

/** Test backbone: the mean red, green and blue of each cell of a 2 x 2 grid, 12 values. Counts images seen. */
final class GridColourBackbone implements Backbone {

    static final int SIDE = 32;

    final AtomicInteger imagesEmbedded = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
        return "grid-colour-2x2";
    }

    @Override
    public int inputWidth() {
        return SIDE;
    }

    @Override
    public int inputHeight() {
        return SIDE;
    }

    @Override
    public int featureDim() {
        return 12;
    }

    @Override
    public float[][] embed(List<BufferedImage> images) {
        calls.incrementAndGet();
        float[][] out = new float[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != SIDE || image.getHeight() != SIDE) {
                throw new IllegalArgumentException("input not resized: " + image.getWidth() + " x " + image.getHeight());
            }
            float[] features = new float[12];
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int cell = (y * 2 / SIDE) * 2 + x * 2 / SIDE;
                    int rgb = image.getRGB(x, y);
                    features[cell * 3] += ((rgb >> 16) & 0xff) / 255f;
                    features[cell * 3 + 1] += ((rgb >> 8) & 0xff) / 255f;
                    features[cell * 3 + 2] += (rgb & 0xff) / 255f;
                }
            }
            for (int k = 0; k < 12; k++) {
                features[k] /= SIDE * SIDE / 4f;
            }
            out[i] = features;
        }
        imagesEmbedded.addAndGet(images.size());
        return out;
    }

    @Override
    public void close() {
    }
}
