package org.activelabel.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The strategies known by name, for the command line and the window. */
public final class Strategies {

    public static final String DEFAULT = "default";

    private static final Map<String, Supplier<QueryStrategy>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(DEFAULT, Strategies::defaultPipeline);
        BY_NAME.put("random", RandomStrategy::new);
        BY_NAME.put("least-confidence", LeastConfidenceStrategy::new);
        BY_NAME.put("margin", MarginStrategy::new);
        BY_NAME.put("entropy", EntropyStrategy::new);
        BY_NAME.put("bald", BaldStrategy::new);
        BY_NAME.put("kcenter", KCenterGreedyStrategy::new);
        BY_NAME.put("hybrid", HybridStrategy::new);
        BY_NAME.put("typiclust", TypicalDiverseColdStart::new);
    }

    private Strategies() {
    }

    /** Valid names, {@code default} first. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A new strategy whose {@link QueryStrategy#name()} is {@code name}. */
    public static QueryStrategy byName(String name) {
        Supplier<QueryStrategy> supplier = BY_NAME.get(name);
        if (supplier == null) {
            throw new IllegalArgumentException("unknown query strategy '" + name + "'; valid names: "
                    + String.join(", ", names()));
        }
        return supplier.get();
    }

    /** What the app uses unless told otherwise; chosen by the simulate command's measurements. */
    private static QueryStrategy defaultPipeline() {
        return new ColdStartThen(DEFAULT, new TypicalDiverseColdStart(), new HybridStrategy(), ColdStartThen.DEFAULT_MIN_PER_CLASS);
    }
}
