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
 * JavaFX's own reader (no AWT picture in between, which on a fresh start costs more than the reading), but a
 * transparent one that must be scaled down; one not stored yet, or transparent and scaled, is made or read by the
 * store and shown as {@link DecodedThumbnailSource} shows pictures. Safe to call from any thread.
 */
public final class StoredThumbnailSource implements ThumbnailSource {

    private final ThumbnailStore store;

    public StoredThumbnailSource(ThumbnailStore store) {
        this.store = store;
    }

    @Override
    public Image load(Path file, int maxSide) throws IOException {
        var picture = store.storedPicture(file);
        boolean scaled = maxSide < store.side();
        // JavaFX scales a picture with transparency as it reads it without premultiplying, so the invisible pixels
        // darken its rim: a transparent thumbnail to be scaled takes the path below
        if (picture.isPresent() && !(scaled && isPng(picture.get()))) {
            // a tile smaller than the stored picture gets it scaled down as it is read; a larger one gets it whole
            double side = scaled ? maxSide : 0;
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

    private static boolean isPng(byte[] picture) {
        return picture.length > 8 && (picture[0] & 0xFF) == 0x89 && picture[1] == 'P' && picture[2] == 'N'
                && picture[3] == 'G';
    }
}
