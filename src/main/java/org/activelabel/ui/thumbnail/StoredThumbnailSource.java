package org.activelabel.ui.thumbnail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ThumbnailStore;

/**
 * Thumbnails from the session's {@link ThumbnailStore}: read from disk when they were made before, so a folder of
 * camera photos is decoded in full once, not at every start or scroll. A stored thumbnail goes straight to
 * JavaFX's own JPEG and PNG readers (no AWT picture in between, which on a fresh start costs more than the reading); one
 * not stored yet is made by the store and shown as {@link DecodedThumbnailSource} shows pictures. Safe to call
 * from any thread.
 */
public final class StoredThumbnailSource implements ThumbnailSource {

    private final ThumbnailStore store;

    public StoredThumbnailSource(ThumbnailStore store) {
        this.store = store;
    }

    @Override
    public Image load(Path file, int maxSide) throws IOException {
        var picture = store.storedPicture(file);
        if (picture.isPresent()) {
            // a tile smaller than the stored picture gets it scaled down as it is read; a larger one gets it whole
            double side = maxSide < store.side() ? maxSide : 0;
            var image = new Image(new ByteArrayInputStream(picture.get()), side, side, true, true);
            if (!image.isError()) {
                return image;
            }
        }
        var result = store.thumbnail(file);
        if (result instanceof DecodeResult.Failed failed) {
            throw new IOException(file.getFileName() + ": " + failed.reason());
        }
        return DecodedThumbnailSource.picture(((DecodeResult.Decoded) result).image(), maxSide);
    }
}
