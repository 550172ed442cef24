package org.activelabel.ui.thumbnail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.activelabel.ui.BackgroundTasks;

/**
 * Thumbnails by item id: a least-recently-used cache in front of a {@link ThumbnailSource}
 * that runs on the IO lane. Used from the FX thread only.
 */
public final class ThumbnailCache {

    /** Undoes a request; harmless after the image arrived. */
    public interface Cancel {
        void cancel();
    }

    private final ThumbnailSource source;
    private final BackgroundTasks tasks;
    private final int maxSide;
    private final int decodeSide;
    private final Map<Integer, Image> images;
    private final Map<Integer, Pending> pending = new HashMap<>();

    public ThumbnailCache(ThumbnailSource source, BackgroundTasks tasks, int maxSide, int capacity) {
        this(source, tasks, maxSide, 1, capacity);
    }

    /**
     * Thumbnails shown at most {@code maxSide} (layout units) on either side, decoded at
     * {@code pixelScale} times that: on a HiDPI screen a picture at the layout size is blown up
     * and soft.
     */
    public ThumbnailCache(ThumbnailSource source, BackgroundTasks tasks, int maxSide, double pixelScale, int capacity) {
        this.source = source;
        this.tasks = tasks;
        this.maxSide = maxSide;
        this.decodeSide = (int) Math.ceil(maxSide * Math.max(1, pixelScale));
        this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The longest side a thumbnail is shown at, in layout units. */
    public int maxSide() {
        return maxSide;
    }

    /** The cached image, or null. */
    public Image cached(int itemId) {
        return images.get(itemId);
    }

    /** Calls {@code onLoaded} on the FX thread with the image (at once when cached); a failed decode gives nothing. */
    public Cancel request(int itemId, Path file, Consumer<Image> onLoaded) {
        var image = images.get(itemId);
        if (image != null) {
            onLoaded.accept(image);
            return () -> { };
        }
        var waiting = pending.computeIfAbsent(itemId, id -> new Pending(start(id, file)));
        waiting.consumers.add(onLoaded);
        return () -> {
            waiting.consumers.remove(onLoaded);
            if (waiting.consumers.isEmpty() && pending.get(itemId) == waiting) {
                pending.remove(itemId);
                waiting.task.cancel(false);
            }
        };
    }

    private Task<Image> start(int itemId, Path file) {
        @SuppressWarnings("unchecked")
        Task<Image>[] self = new Task[1];
        self[0] = tasks.submit(BackgroundTasks.Lane.IO, progress -> source.load(file, decodeSide),
                image -> {
                    images.put(itemId, image);
                    var waiting = takePending(itemId, self[0]);
                    if (waiting != null) {
                        for (var consumer : List.copyOf(waiting.consumers)) {
                            consumer.accept(image);
                        }
                    }
                },
                error -> takePending(itemId, self[0]));
        return self[0];
    }

    /** Removes the waiters of {@code task}, not those of a newer request for the same item. */
    private Pending takePending(int itemId, Task<Image> task) {
        var waiting = pending.get(itemId);
        if (waiting == null || waiting.task != task) {
            return null;
        }
        return pending.remove(itemId);
    }

    private static final class Pending {
        final Task<Image> task;
        final List<Consumer<Image>> consumers = new ArrayList<>();

        Pending(Task<Image> task) {
            this.task = task;
        }
    }
}
