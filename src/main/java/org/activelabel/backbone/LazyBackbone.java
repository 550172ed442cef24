package org.activelabel.backbone;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A backbone that reads only its descriptor until the first image needs embedding. Opening a
 * session whose features are all cached then never pays for loading the ONNX model.
 */
public final class LazyBackbone extends DescribedBackbone {

    private final Path descriptorFile;
    private OnnxBackbone loaded;
    private boolean closed;

    public LazyBackbone(Path descriptorFile) {
        super(BackboneDescriptor.read(descriptorFile));
        this.descriptorFile = descriptorFile;
    }

    @Override
    public float[][] embed(List<BufferedImage> images) {
        return model().embed(images);
    }

    private synchronized OnnxBackbone model() {
        if (closed) {
            throw new BackboneException("backbone " + id() + " is closed");
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
