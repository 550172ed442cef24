package org.activelabel.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Identity of an image file's content as far as the cache cares: a changed size or modification
 * time means the file was edited and must be featurised again. {@code relativePath} uses '/'.
 */
public record FileKey(String relativePath, long sizeBytes, long lastModifiedMillis) {

    public FileKey {
        if (relativePath == null || relativePath.isEmpty()) {
            throw new IllegalArgumentException("relative path must not be empty");
        }
    }

    /** Reads size and modification time of {@code root/relativePath}. */
    public static FileKey of(Path root, String relativePath) throws IOException {
        var attrs = Files.readAttributes(root.resolve(relativePath), BasicFileAttributes.class);
        return new FileKey(relativePath, attrs.size(), attrs.lastModifiedTime().toMillis());
    }
}
