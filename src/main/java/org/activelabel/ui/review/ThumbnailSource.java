package org.activelabel.ui.review;

import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import org.activelabel.workspace.ImageItem;

/** Where views get small previews of images; implementations load them off the FX thread. */
@FunctionalInterface
public interface ThumbnailSource {

    /**
     * A preview that fits in {@code size} × {@code size} pixels. Called on the FX thread, so an
     * FX-thread-only cache can stand behind it; must not block. The future may complete on any
     * thread, exceptionally (or never) when the image cannot be read.
     */
    CompletableFuture<Image> thumbnail(ImageItem item, int size);
}
