package org.activelabel.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.SkippedImage;

/**
 * The images of an open session by id, and what is known of each. Published as an immutable list, so readers
 * never lock; changed in batches (one copy per batch, not per image). Not thread-safe for writers: the
 * workspace changes it under its lock.
 */
final class ItemIndex {

    private volatile List<ImageItem> items = List.of();
    private final Map<String, Integer> idByPath = new HashMap<>();

    void replace(List<ImageItem> scanned) {
        items = List.copyOf(scanned);
        idByPath.clear();
        scanned.forEach(i -> idByPath.put(i.relativePath(), i.id()));
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

    /** Marks the rows' images featurised; the id of each row, -1 for an image the index does not know. */
    int[] featurised(List<FeatureRow> rows) {
        ImageItem[] copy = items.toArray(new ImageItem[0]);
        int[] ids = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Integer id = idByPath.get(rows.get(i).relativePath());
            ids[i] = id == null ? -1 : id;
            if (id != null) {
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
            if (id != null) {
                copy[id] = withStatus(copy[id], ImageItem.Status.SKIPPED, s.reason());
            }
        }
        items = List.of(copy);
    }

    private static ImageItem withStatus(ImageItem old, ImageItem.Status status, String problem) {
        return new ImageItem(old.id(), old.relativePath(), old.file(), old.sizeBytes(), status, problem);
    }
}
