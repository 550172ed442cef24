package org.activelabel.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FileKey;
import org.activelabel.image.ScanResult;
import org.activelabel.image.ScannedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images of a session: every image found under the image root, with its cached features when the cache has
 * them, then every labelled image that is gone (it keeps its label and shows as missing).
 *
 * @param features by item id, null where not featurised
 */
record SessionScan(List<ImageItem> items, float[][] features) {

    private static final Logger LOG = LoggerFactory.getLogger(SessionScan.class);

    static SessionScan of(Path root, ScanResult scan, FeatureStore store, Set<String> labelledPaths) {
        scan.problems().forEach(p -> LOG.warn("skipping {}: {}", p.relativePath(), p.reason()));
        List<ImageItem> found = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (ScannedImage image : scan.images()) {
            FileKey key = new FileKey(image.relativePath(), image.sizeBytes(), image.lastModifiedMillis());
            Optional<float[]> vector = store.get(key);
            Optional<String> failure = vector.isPresent() ? Optional.empty() : store.failure(key);
            ImageItem.Status status = vector.isPresent() ? ImageItem.Status.FEATURISED
                    : failure.isPresent() ? ImageItem.Status.SKIPPED : ImageItem.Status.PENDING;
            found.add(new ImageItem(found.size(), image.relativePath(), root.resolve(image.relativePath()),
                    image.sizeBytes(), image.lastModifiedMillis(), status, failure.orElse(null)));
            vectors.add(vector.orElse(null));
        }
        Set<String> scanned = new HashSet<>(scan.relativePaths());
        for (String path : labelledPaths) {
            if (!scanned.contains(path)) {
                found.add(new ImageItem(found.size(), path, root.resolve(path), 0, 0, ImageItem.Status.MISSING,
                        "file not found"));
                vectors.add(null);
            }
        }
        return new SessionScan(List.copyOf(found), vectors.toArray(new float[0][]));
    }
}
