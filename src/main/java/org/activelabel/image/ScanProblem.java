package org.activelabel.image;

/** An entry under the root that could not be listed or read; {@code relativePath} uses '/'. */
public record ScanProblem(String relativePath, String reason) {
}
