package org.activelabel.backbone.convert;

/**
 * How {@link TfjsToOnnx} turns a layer's map into a vector. Max pooling next to the mean keeps whether a pattern
 * occurs strongly anywhere, which the mean dilutes over the whole image.
 */
public enum Pooling {
    /** Channel means over height and width: layer {@code x} becomes output {@code x_avg}, [N, C]. */
    AVG("_avg"),
    /** Channel means, then channel maxima: output {@code x_avgmax}, [N, 2C]. */
    AVG_MAX("_avgmax");

    private final String suffix;

    Pooling(String suffix) {
        this.suffix = suffix;
    }

    public String outputName(String layer) {
        return layer + suffix;
    }

    static Pooling parse(String text) {
        return switch (text.strip()) {
            case "avg" -> AVG;
            case "avgmax" -> AVG_MAX;
            default -> throw new IllegalArgumentException("unknown pooling \"" + text + "\" (avg or avgmax)");
        };
    }
}
