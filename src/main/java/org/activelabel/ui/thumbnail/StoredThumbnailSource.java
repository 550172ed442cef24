package org.activelabel.ui.thumbnail;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ThumbnailStore;

/**
 * Thumbnails from the session's {@link ThumbnailStore}: read from disk when they were made before, so a folder of
 * camera photos is decoded in full once, not at every start or scroll. Shown as {@link DecodedThumbnailSource}
 * shows them. Safe to call from any thread.
 */
public final class StoredThumbnailSource implements ThumbnailSource {

    private final ThumbnailStore store;

    public StoredThumbnailSource(ThumbnailStore store) {
        this.store = store;
    }

    @Override
    public Image load(Path file, int maxSide) throws IOException {
        var result = store.thumbnail(file);
        if (result instanceof DecodeResult.Failed failed) {
            throw new IOException(file.getFileName() + ": " + failed.reason());
        }
        return DecodedThumbnailSource.picture(((DecodeResult.Decoded) result).image(), maxSide);
    }
}
