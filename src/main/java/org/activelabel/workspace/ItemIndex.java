package org.activelabel.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FileKey;
import org.activelabel.features.SkippedImage;
import org.activelabel.image.ScannedImage;

/**
 * The images of an open session by id, and what is known of each. Published as an immutable list, so readers
 * never lock; changed in batches (one copy per batch, not per image). Not thread-safe for writers: the
 * workspace changes it under its lock. Ids are never reused while the session is open: an image found later
 * gets the next id, an image gone keeps its id as {@link ImageItem.Status#MISSING}.
 */
final class ItemIndex {

    /**
     * What a new look at the image folder changed. An image moved counts once, as moved, not as gone and new.
     *
     * @param features the ids whose features changed, with the cached vector of the image now (null when it has to be
     *                 featurised, or is gone), in id order
     * @param rows     how many items there are now
     */
    record Merge(int added, int changed, int removed, int moved, Map<Integer, float[]> features, int rows) {
    }

    private volatile List<ImageItem> items = List.of();
    private final Map<String, Integer> idByPath = new HashMap<>();

    void replace(List<ImageItem> scanned) {
        items = List.copyOf(scanned);
        idByPath.clear();
        scanned.forEach(i -> idByPath.put(i.relativePath(), i.id()));
    }

    /**
     * Takes in a new scan of the image folder: new images are added at the end, images whose size or time changed
     * (and images back after they were gone) get the state the feature cache has for them now, and images no longer
     * found become missing. {@code moves} (old path to new path) are the images known to have moved.
     */
    Merge merge(Path root, List<ScannedImage> scanned, FeatureStore store, Map<String, String> moves) {
        // a move seen gone by an earlier look, or landing on a path already known, is not gone or new in this one
        int movedAway = (int) moves.keySet().stream().filter(this::present).count();
        int movedHere = (int) moves.values().stream().filter(path -> !present(path)).count();
        List<ImageItem> next = new ArrayList<>(items);
        Map<Integer, float[]> features = new LinkedHashMap<>();
        Set<String> found = new HashSet<>();
        int added = 0;
        int changed = 0;
        for (ScannedImage image : scanned) {
            found.add(image.relativePath());
            Integer id = idByPath.get(image.relativePath());
            ImageItem old = id == null ? null : next.get(id);
            if (old != null && old.status() != ImageItem.Status.MISSING && old.sizeBytes() == image.sizeBytes()
                    && old.lastModifiedMillis() == image.lastModifiedMillis()) {
                continue;
            }
            FileKey key = new FileKey(image.relativePath(), image.sizeBytes(), image.lastModifiedMillis());
            Optional<float[]> vector = store.get(key);
            Optional<String> failure = vector.isPresent() ? Optional.empty() : store.failure(key);
            ImageItem.Status status = vector.isPresent() ? ImageItem.Status.FEATURISED
                    : failure.isPresent() ? ImageItem.Status.SKIPPED : ImageItem.Status.PENDING;
            int itemId = id == null ? next.size() : id;
            var item = new ImageItem(itemId, image.relativePath(), root.resolve(image.relativePath()),
                    image.sizeBytes(), image.lastModifiedMillis(), status, failure.orElse(null));
            if (id == null) {
                next.add(item);
                idByPath.put(item.relativePath(), itemId);
                added++;
            } else {
                next.set(itemId, item);
                if (old.status() == ImageItem.Status.MISSING) {
                    added++;
                } else {
                    changed++;
                }
            }
            features.put(itemId, vector.orElse(null));
        }
        int removed = 0;
        for (int id = 0; id < next.size(); id++) {
            ImageItem item = next.get(id);
            if (item.status() != ImageItem.Status.MISSING && !found.contains(item.relativePath())) {
                next.set(id, new ImageItem(id, item.relativePath(), item.file(), 0, 0, ImageItem.Status.MISSING,
                        "file not found"));
                features.put(id, null);
                removed++;
            }
        }
        items = List.copyOf(next);
        return new Merge(added - movedHere, changed, removed - movedAway, moves.size(), features, next.size());
    }

    private boolean present(String path) {
        Integer id = idByPath.get(path);
        return id != null && items.get(id).status() != ImageItem.Status.MISSING;
    }

    List<ImageItem> items() {
        return items;
    }

    Map<String, Integer> idByPath() {
        return idByPath;
    }

    String pathOf(int id) {
        return items.get(id).relativePath();
    }

    boolean isFeaturised(int id) {
        return id < items.size() && items.get(id).status() == ImageItem.Status.FEATURISED;
    }

    List<String> pending() {
        return items.stream().filter(i -> i.status() == ImageItem.Status.PENDING).map(ImageItem::relativePath).toList();
    }

    /**
     * Marks the rows' images featurised; the id of each row, -1 for an image the index does not know or knows in
     * another version (it changed after it was scanned: the next scan sees to it).
     */
    int[] featurised(List<FeatureRow> rows) {
        ImageItem[] copy = items.toArray(new ImageItem[0]);
        int[] ids = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            FileKey key = rows.get(i).key();
            Integer id = idByPath.get(key.relativePath());
            boolean same = id != null && copy[id].sizeBytes() == key.sizeBytes()
                    && copy[id].lastModifiedMillis() == key.lastModifiedMillis();
            ids[i] = same ? id : -1;
            if (same) {
                copy[id] = withStatus(copy[id], ImageItem.Status.FEATURISED, null);
            }
        }
        items = List.of(copy);
        return ids;
    }

    void skipped(List<SkippedImage> skipped) {
        ImageItem[] copy = items.toArray(new ImageItem[0]);
        for (SkippedImage s : skipped) {
            Integer id = idByPath.get(s.relativePath());
            if (id != null && copy[id].status() == ImageItem.Status.PENDING) {
                copy[id] = withStatus(copy[id], ImageItem.Status.SKIPPED, s.reason());
            }
        }
        items = List.of(copy);
    }

    private static ImageItem withStatus(ImageItem old, ImageItem.Status status, String problem) {
        return new ImageItem(old.id(), old.relativePath(), old.file(), old.sizeBytes(), old.lastModifiedMillis(),
                status, problem);
    }
}
