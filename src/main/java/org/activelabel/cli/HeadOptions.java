package org.activelabel.cli;

import java.util.Map;
import org.activelabel.model.HeadConfig;

/** {@code --head key=value,...}: tries another head configuration in simulate without a rebuild. */
final class HeadOptions {

    static final String HELP = "Head settings to try instead of the defaults, e.g. hidden=64,dropout=0.2,l2=1e-3,"
            + "lr=0.01,steps=200,batch=1024,epochs=5,replay=256,holdout=100,norm=L2_STANDARDISE";

    private HeadOptions() {
    }

    static HeadConfig apply(HeadConfig config, Map<String, String> overrides) {
        HeadConfig c = config;
        for (var e : overrides.entrySet()) {
            String v = e.getValue();
            c = switch (e.getKey()) {
                case "hidden" -> c.withHiddenUnits(Integer.parseInt(v));
                case "dropout" -> c.withDropout(Double.parseDouble(v));
                case "l2" -> c.withL2(Double.parseDouble(v));
                case "lr" -> c.withLearningRate(Double.parseDouble(v));
                case "steps" -> c.withFixedIterations(Integer.parseInt(v));
                case "batch" -> c.withBatchSize(Integer.parseInt(v));
                case "epochs" -> c.withIncrementalEpochs(Integer.parseInt(v));
                case "replay" -> c.withReplaySize(Integer.parseInt(v));
                case "holdout" -> c.withMinLabelsForEarlyStopping(Integer.parseInt(v));
                case "norm" -> c.withNormalisation(HeadConfig.Normalisation.valueOf(v));
                default -> throw new IllegalArgumentException("unknown head setting '" + e.getKey() + "'; " + HELP);
            };
        }
        return c;
    }
}
