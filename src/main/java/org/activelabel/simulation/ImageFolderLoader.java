package org.activelabel.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activelabel.backbone.Backbone;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FeaturizeReport;
import org.activelabel.features.Featurizer;
import org.activelabel.features.FileKey;
import org.activelabel.image.ImageScanner;
import org.activelabel.image.ScannedImage;
import org.activelabel.progress.ProgressSink;

/**
 * Reads an ImageFolder ({@code root/<class>/<image>}) into features and true labels, through the
 * feature cache so a second run featurises nothing.
 */
public final class ImageFolderLoader {

    /** The set and the files that could not be used, with why. */
    public record Loaded(LabelledSet set, FeaturizeReport report) {
    }

    private ImageFolderLoader() {
    }

    public static Loaded load(Path root, Backbone backbone, Path cacheDir, ProgressSink progress) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder");
        }
        List<String> paths = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        Map<String, Integer> classOf = new HashMap<>();
        for (ScannedImage image : ImageScanner.scan(root).images()) {
            int slash = image.relativePath().indexOf('/');
            if (slash < 0) {
                continue; // files at the top level have no class folder
            }
            String cls = image.relativePath().substring(0, slash);
            classOf.computeIfAbsent(cls, c -> {
                classes.add(c);
                return classes.size() - 1;
            });
            paths.add(image.relativePath());
        }
        if (classes.size() < 2) {
            throw new IOException(root + " needs at least two class sub-folders with images (ImageFolder layout: "
                    + root + "/<class>/<image>), found " + classes.size());
        }
        Map<String, float[]> vectors = new HashMap<>();
        FeaturizeReport report;
        try (FeatureStore store = FeatureStore.open(cacheDir, backbone.id(), backbone.featureDim())) {
            report = new Featurizer(backbone).featurize(root, paths, store, progress, null);
            for (String p : paths) {
                store.get(FileKey.of(root, p)).ifPresent(v -> vectors.put(p, v));
            }
        }
        List<String> kept = paths.stream().filter(vectors::containsKey).toList();
        float[][] features = new float[kept.size()][];
        int[] labels = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            String p = kept.get(i);
            features[i] = vectors.get(p);
            labels[i] = classOf.get(p.substring(0, p.indexOf('/')));
        }
        return new Loaded(new LabelledSet(features, labels, List.copyOf(classes), kept), report);
    }
}
