package org.activelabel.backbone;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A frozen feature extractor: images in, one pooled feature vector per image out.
 * Implementations are thread-safe; {@link #embed} may be called from several threads.
 */
public interface Backbone extends AutoCloseable {

    /** Stable id of the weights and the feature layer; a feature cache and a head are keyed by it. */
    String id();

    /** What a person reads about it: the network, the layers used, the speed; the id if nothing more is known. */
    default String description() {
        return id();
    }

    /** Width and height an input image must have before {@link #embed}. */
    int inputWidth();

    int inputHeight();

    /** Length of each feature vector. */
    int featureDim();

    /**
     * Feature vectors for images already resized to {@link #inputWidth()} x {@link #inputHeight()}
     * (any BufferedImage type; RGB is read from it, alpha ignored).
     */
    float[][] embed(List<BufferedImage> images);

    @Override
    void close();
}
