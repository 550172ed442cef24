package org.activelabel.features;

/** An image that has no features, and why (decoder's words: "empty file", "file not found", ...). */
public record SkippedImage(String relativePath, String reason) {
}
