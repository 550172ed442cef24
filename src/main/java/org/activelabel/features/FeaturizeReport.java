package org.activelabel.features;

import java.util.List;

/**
 * What a featurising run did: images passed through the backbone now, images whose features (for
 * the same size and time) were already cached, and images without features, in input order.
 */
public record FeaturizeReport(int featurisedNow, int fromCache, List<SkippedImage> skipped) {

    public FeaturizeReport {
        skipped = List.copyOf(skipped);
    }

    public int total() {
        return featurisedNow + fromCache + skipped.size();
    }
}
