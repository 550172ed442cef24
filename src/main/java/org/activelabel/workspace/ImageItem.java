package org.activelabel.workspace;

import java.nio.file.Path;

/** An image of the session. {@code relativePath} uses '/' and is relative to the image root. */
public record ImageItem(int id, String relativePath, Path file, long sizeBytes, Status status, String problem) {

    public enum Status { PENDING, FEATURISED, SKIPPED, MISSING }
}
