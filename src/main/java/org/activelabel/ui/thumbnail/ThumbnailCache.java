package org.activelabel.ui.thumbnail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.workspace.ImageItem;

/**
 * Thumbnails of the images the window shows: the least recently used go once the pictures held add up to more
 * than a budget of pixels (4 bytes each), in front of a {@link ThumbnailSource} that runs on the IO lane. Kept by
 * item and by the version of its file (size and time), so a changed image is loaded again. Pictures asked for
 * ahead (the next screen of a grid) load one at a time, and only while no picture asked for now is waiting.
 * Used from the FX thread only.
 */
public final class ThumbnailCache {

    /** 16 million pixels, 64 MB: some 1,300 tiles on an ordinary screen, 330 on a double-density one. */
    public static final long DEFAULT_PIXEL_BUDGET = 16_000_000L;

    /** Undoes a request; harmless after the image arrived. */
    public interface Cancel {
        void cancel();
    }

    private record Version(int itemId, long sizeBytes, long lastModifiedMillis) {

        static Version of(ImageItem item) {
            return new Version(item.id(), item.sizeBytes(), item.lastModifiedMillis());
        }
    }

    private final ThumbnailSource source;
    private final BackgroundTasks tasks;
    private final int maxSide;
    private final int decodeSide;
    private final long pixelBudget;
    private final LinkedHashMap<Version, Image> images = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Version, Pending> pending = new HashMap<>();
    private final ArrayDeque<ImageItem> ahead = new ArrayDeque<>();
    private Pending loadingAhead;
    private long pixels;

    /** At the screen's own density, with the default budget. */
    public ThumbnailCache(ThumbnailSource source, BackgroundTasks tasks, int maxSide) {
        this(source, tasks, maxSide, 1, DEFAULT_PIXEL_BUDGET);
    }

    /**
     * Thumbnails shown at most {@code maxSide} (layout units) on either side, decoded at {@code pixelScale} times
     * that: on a HiDPI screen a picture at the layout size is blown up and soft. At most {@code pixelBudget} pixels
     * are held (the last picture loaded always stays).
     */
    public ThumbnailCache(ThumbnailSource source, BackgroundTasks tasks, int maxSide, double pixelScale,
                          long pixelBudget) {
        if (pixelBudget <= 0) {
            throw new IllegalArgumentException("pixel budget must be positive: " + pixelBudget);
        }
        this.source = source;
        this.tasks = tasks;
        this.maxSide = maxSide;
        this.decodeSide = (int) Math.ceil(maxSide * Math.max(1, pixelScale));
        this.pixelBudget = pixelBudget;
    }

    /** The longest side a thumbnail is shown at, in layout units. */
    public int maxSide() {
        return maxSide;
    }

    /** Pixels of the pictures held now. */
    public long pixels() {
        return pixels;
    }

    /** The cached picture of this version of the item, or null. */
    public Image cached(ImageItem item) {
        return images.get(Version.of(item));
    }

    /** Calls {@code onLoaded} on the FX thread with the image (at once when cached); a failed decode gives nothing. */
    public Cancel request(ImageItem item, Consumer<Image> onLoaded) {
        var version = Version.of(item);
        var image = images.get(version);
        if (image != null) {
            onLoaded.accept(image);
            return () -> { };
        }
        var waiting = pending.computeIfAbsent(version, v -> new Pending(start(v, item)));
        if (waiting == loadingAhead) {
            loadingAhead = null; // wanted now: no longer only ahead
        }
        waiting.consumers.add(onLoaded);
        return () -> {
            waiting.consumers.remove(onLoaded);
            if (waiting.consumers.isEmpty() && pending.get(version) == waiting) {
                pending.remove(version);
                waiting.task.cancel(false);
                loadAhead();
            }
        };
    }

    /**
     * Loads these pictures too, in this order, once every picture asked for is in: what a scroll or Page Down
     * shows next. Replaces the list given before.
     */
    public void loadAhead(List<ImageItem> items) {
        ahead.clear();
        ahead.addAll(items);
        loadAhead();
    }

    private void loadAhead() {
        if (loadingAhead != null || !pending.isEmpty()) {
            return;
        }
        while (!ahead.isEmpty()) {
            var item = ahead.poll();
            var version = Version.of(item);
            if (!images.containsKey(version)) {
                loadingAhead = new Pending(start(version, item));
                pending.put(version, loadingAhead);
                return;
            }
        }
    }

    private Task<Image> start(Version version, ImageItem item) {
        @SuppressWarnings("unchecked")
        Task<Image>[] self = new Task[1];
        var file = item.file();
        self[0] = tasks.submit(BackgroundTasks.Lane.IO, progress -> source.load(file, decodeSide),
                image -> {
                    put(version, image);
                    var waiting = takePending(version, self[0]);
                    if (waiting != null) {
                        for (var consumer : List.copyOf(waiting.consumers)) {
                            consumer.accept(image);
                        }
                    }
                    loadAhead();
                },
                error -> {
                    takePending(version, self[0]);
                    loadAhead();
                });
        return self[0];
    }

    private void put(Version version, Image image) {
        var old = images.put(version, image);
        pixels += pixelsOf(image) - (old == null ? 0 : pixelsOf(old));
        Iterator<Map.Entry<Version, Image>> eldest = images.entrySet().iterator();
        while (pixels > pixelBudget && images.size() > 1) {
            var entry = eldest.next();
            pixels -= pixelsOf(entry.getValue());
            eldest.remove();
        }
    }

    private static long pixelsOf(Image image) {
        return Math.round(image.getWidth()) * Math.round(image.getHeight());
    }

    /** Removes the waiters of {@code task}, not those of a newer request for the same item. */
    private Pending takePending(Version version, Task<Image> task) {
        if (loadingAhead != null && loadingAhead.task == task) {
            loadingAhead = null;
        }
        var waiting = pending.get(version);
        if (waiting == null || waiting.task != task) {
            return null;
        }
        return pending.remove(version);
    }

    private static final class Pending {
        final Task<Image> task;
        final List<Consumer<Image>> consumers = new ArrayList<>();

        Pending(Task<Image> task) {
            this.task = task;
        }
    }
}
