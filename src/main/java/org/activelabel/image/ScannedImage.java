package org.activelabel.image;

/** An image file found under a root; {@code relativePath} uses '/' whatever the platform. */
public record ScannedImage(String relativePath, long sizeBytes, long lastModifiedMillis) {
}
