package org.activelabel.ui.review;

import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import org.activelabel.workspace.ImageItem;

/** Where views get small previews of images; implementations load them off the FX thread. */
@FunctionalInterface
public interface ThumbnailSource {

    /**
     * A preview that fits in {@code size} × {@code size} pixels. The future may complete on any
     * thread; it completes exceptionally when the image cannot be read.
     */
    CompletableFuture<Image> thumbnail(ImageItem item, int size);
}
