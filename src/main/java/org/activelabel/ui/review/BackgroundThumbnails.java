package org.activelabel.ui.review;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.activelabel.workspace.ImageItem;

/**
 * Decodes thumbnails on an executor and keeps the most recently used ones. A failed decode is
 * remembered too, so a broken file is not read again on every scroll.
 */
public final class BackgroundThumbnails implements ThumbnailSource {

    private record Key(String file, int size) {
    }

    private final Executor executor;
    private final Map<Key, CompletableFuture<Image>> cache;

    public BackgroundThumbnails(Executor executor, int capacity) {
        this.executor = executor;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Image>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<Image> thumbnail(ImageItem item, int size) {
        var key = new Key(item.file().toString(), size);
        synchronized (cache) {
            return cache.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> decode(item, size), executor));
        }
    }

    private static Image decode(ImageItem item, int size) {
        var image = new Image(item.file().toUri().toString(), size, size, true, true, false);
        if (image.isError()) {
            throw new IllegalStateException("Cannot read " + item.file() + ": " + image.getException());
        }
        return image;
    }
}
