package org.activelabel.backbone;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A backbone that reads only its descriptor until the first image needs embedding. Opening a
 * session whose features are all cached then never pays for loading the ONNX model.
 */
public final class LazyBackbone implements Backbone {

    private final Path descriptorFile;
    private final BackboneDescriptor descriptor;
    private OnnxBackbone loaded;
    private boolean closed;

    public LazyBackbone(Path descriptorFile) {
        this.descriptorFile = descriptorFile;
        this.descriptor = BackboneDescriptor.read(descriptorFile);
    }

    @Override
    public String id() {
        return descriptor.id();
    }

    @Override
    public String description() {
        return descriptor.description().isEmpty() ? descriptor.id() : descriptor.description();
    }

    @Override
    public int inputWidth() {
        return descriptor.width();
    }

    @Override
    public int inputHeight() {
        return descriptor.height();
    }

    @Override
    public int featureDim() {
        return descriptor.featureDim();
    }

    @Override
    public float[][] embed(List<BufferedImage> images) {
        return model().embed(images);
    }

    private synchronized OnnxBackbone model() {
        if (closed) {
            throw new BackboneException("backbone " + descriptor.id() + " is closed");
        }
        if (loaded == null) {
            loaded = OnnxBackbone.open(descriptorFile);
        }
        return loaded;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loaded != null) {
            loaded.close();
        }
    }
}
