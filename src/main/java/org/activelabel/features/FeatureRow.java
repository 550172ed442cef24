package org.activelabel.features;

/** The feature vector of one image, just computed. */
public record FeatureRow(FileKey key, float[] features) {

    public String relativePath() {
        return key.relativePath();
    }
}
