package org.activelabel.workspace;

import java.nio.file.Path;

/**
 * An image of the session. {@code relativePath} uses '/' and is relative to the image root; {@code sizeBytes} and
 * {@code lastModifiedMillis} are the file's when it was last scanned (0 for a missing file): with the path, they
 * name the version of the image that the features and thumbnails were made from.
 */
public record ImageItem(int id, String relativePath, Path file, long sizeBytes, long lastModifiedMillis,
                        Status status, String problem) {

    public enum Status { PENDING, FEATURISED, SKIPPED, MISSING }
}
