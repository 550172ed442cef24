package org.activelabel.image;

import java.util.List;

/** Images found under a root, sorted by relative path, and the entries that could not be read. */
public record ScanResult(List<ScannedImage> images, List<ScanProblem> problems) {

    public ScanResult {
        images = List.copyOf(images);
        problems = List.copyOf(problems);
    }

    public List<String> relativePaths() {
        return images.stream().map(ScannedImage::relativePath).toList();
    }
}
