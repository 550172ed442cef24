package org.activelabel.features;

/**
 * End-to-end speed of decode + resize + embed over some files, the cache left out.
 *
 * @param images       files that reached the backbone
 * @param failed       files the decoder refused
 * @param elapsedNanos wall time from first decode to last embedding
 * @param embedNanos   part of that wall time spent inside {@code Backbone.embed}
 */
public record FeaturizeThroughput(int images, int failed, long elapsedNanos, long embedNanos) {

    public double imagesPerSecond() {
        return elapsedNanos == 0 ? 0 : images * 1e9 / elapsedNanos;
    }

    /** Speed of the backbone alone, to tell whether decoding or inference is the bottleneck. */
    public double embedImagesPerSecond() {
        return embedNanos == 0 ? 0 : images * 1e9 / embedNanos;
    }
}
