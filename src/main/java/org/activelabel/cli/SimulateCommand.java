package org.activelabel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activelabel.backbone.Backbone;
import org.activelabel.learning.Pipeline;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.SelfTraining;
import org.activelabel.query.Strategies;
import org.activelabel.simulation.EfficiencyInterval;
import org.activelabel.simulation.ImageFolderLoader;
import org.activelabel.simulation.LearningCurve;
import org.activelabel.simulation.Simulation;
import org.activelabel.simulation.SimulationRound;
import org.activelabel.simulation.StratifiedSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Replays labelling on a labelled ImageFolder (DIR/<class>/<image>) with an oracle and compares query"
                    + " strategies: per seed a stratified test split is held out, each round a strategy picks a batch,"
                    + " its true labels are revealed and the head is updated, then scored on the test split.",
            "Prints per strategy the mean accuracy at the final budget and the label efficiency vs random"
                    + " (n_random / n_strategy, n_X = fewest labels at which X's mean curve reaches random's final"
                    + " mean accuracy)."})
final class SimulateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "ImageFolder with the true labels")
    Path images;

    @Option(names = "--strategy", split = ",", paramLabel = "NAMES", defaultValue = "random,default",
            description = "Comma list of strategies (default: ${DEFAULT-VALUE}). Valid: ${COMPLETION-CANDIDATES}",
            completionCandidates = StrategyNames.class)
    List<String> strategies;

    @Option(names = "--initial", defaultValue = "10", description = "Labels in the first round (default: ${DEFAULT-VALUE})")
    int initial;

    @Option(names = "--batch", defaultValue = "10", description = "Labels per round (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--budget", defaultValue = "250", description = "Labels at the end (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--seeds", defaultValue = "3", description = "Repetitions with different splits (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--test-fraction", defaultValue = "0.3", description = "Share held out for testing (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV of every round: " + CSV_HEADER)
    Path out;

    @Option(names = "--update", defaultValue = "incremental",
            description = "How the head is updated after each round, as in the app: incremental or full (default: ${DEFAULT-VALUE})")
    String update;

    @Option(names = "--backbone", paramLabel = "JSON|NAME",
            description = "Backbone descriptor, or a bundled backbone: default, accurate (default: default)")
    Path backboneDescriptor;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache folder (default: ~/.cache/activelabel/features)")
    Path cache;

    @Option(names = "--head", split = ",", paramLabel = "KEY=VALUE", description = HeadOptions.HELP)
    Map<String, String> head = Map.of();

    @Option(names = "--self-train", split = ",", paramLabel = "NAMES",
            description = "Strategies whose head also learns from the unlabelled pool (confident predictions as"
                    + " pseudo-labels), as the app does after each update; the others learn from labels"
                    + " only. 'none' for none (default: default, when it runs; random stays supervised)")
    List<String> selfTrain;

    @Option(names = "--pseudo", split = ",", paramLabel = "KEY=VALUE",
            description = "Self-training settings: threshold (lowest confidence), weight (of a pseudo-label against"
                    + " a label), per-class (most pseudo-labels per class), rounds (students trained, each the"
                    + " teacher of the next); defaults " + PSEUDO_DEFAULTS)
    Map<String, String> pseudo = Map.of();

    @Option(names = "--reference", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also fit the external reference, " + Simulation.REFERENCE + ": logistic regression to"
                    + " convergence (C=1, standardised features) on random's labels (default: ${DEFAULT-VALUE})")
    boolean reference;

    static final String CSV_HEADER = "strategy,seed,labelled,accuracy,macro_f1,update_ms,refine_ms,rank_ms";
    private static final String PSEUDO_DEFAULTS = "threshold=0.7, weight=1.0, per-class=300, rounds=1";

    @Override
    public Integer call() throws IOException {
        for (String name : strategies) {
            Strategies.byName(name); // fail before featurising on a typo
        }
        if (selfTrain == null) {
            selfTrain = strategies.contains(Strategies.DEFAULT) ? List.of(Strategies.DEFAULT) : List.of();
        }
        for (String name : selfTrain) {
            if (!name.equals("none") && !strategies.contains(name)) {
                throw new IllegalArgumentException("--self-train names " + name + ", which is not in --strategy "
                        + String.join(",", strategies));
            }
        }
        var selfTraining = pseudoSettings(pseudo);
        if (!update.equals("incremental") && !update.equals("full")) {
            throw new IllegalArgumentException("--update must be incremental or full, got " + update);
        }
        var progress = new ConsoleProgress(System.err);
        try (Backbone backbone = CliSupport.openBackbone(backboneDescriptor)) {
            var loaded = ImageFolderLoader.load(images, backbone, CliSupport.cacheDir(cache), progress);
            progress.finish();
            loaded.report().skipped().forEach(s -> System.err.println("skipped " + s.relativePath() + ": " + s.reason()));
            var set = loaded.set();
            System.err.printf("%d images in %d classes%n", set.size(), set.classes().size());

            var settings = new Simulation.Settings(initial, batch, budget, update.equals("full"));
            var trainer = new HeadTrainer(HeadOptions.apply(HeadConfig.defaults(), head));
            var simulation = new Simulation(set, trainer, backbone.id());
            List<SimulationRound> rounds = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                long seed = s + 1;
                var split = StratifiedSplit.of(set.labels(), set.classes().size(), testFraction, seed);
                if (reference) {
                    rounds.addAll(simulation.reference(split, settings, seed, progress));
                    progress.finish();
                }
                for (String name : strategies) {
                    var pipeline = selfTrain.contains(name)
                            ? new Pipeline(name, Strategies.byName(name), new SelfTraining(trainer, selfTraining), seed)
                            : Pipeline.supervised(name, Strategies.byName(name), seed);
                    rounds.addAll(simulation.run(pipeline, split, settings, progress));
                    progress.finish();
                }
            }
            if (out != null) {
                writeCsv(out, rounds);
            }
            printSummary(rounds, spec.commandLine().getOut());
        }
        return 0;
    }

    private static SelfTraining.Settings pseudoSettings(Map<String, String> overrides) {
        var d = SelfTraining.Settings.defaults();
        double threshold = d.threshold();
        float weight = d.weight();
        int perClass = d.maxPerClass();
        int rounds = d.rounds();
        for (var e : overrides.entrySet()) {
            try {
                switch (e.getKey()) {
                    case "threshold" -> threshold = Double.parseDouble(e.getValue());
                    case "weight" -> weight = Float.parseFloat(e.getValue());
                    case "per-class" -> perClass = Integer.parseInt(e.getValue());
                    case "rounds" -> rounds = Integer.parseInt(e.getValue());
                    default -> throw new IllegalArgumentException("--pseudo knows threshold, weight, per-class and rounds, not "
                            + e.getKey());
                }
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("--pseudo " + e.getKey() + "=" + e.getValue() + " is not a number");
            }
        }
        return new SelfTraining.Settings(threshold, weight, perClass, rounds);
    }

    private static void writeCsv(Path file, List<SimulationRound> rounds) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println(CSV_HEADER);
            for (SimulationRound r : rounds) {
                w.printf(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%d,%d,%d%n", r.strategy(), r.seed(), r.labelled(), r.accuracy(),
                        r.macroF1(), r.updateMillis(), r.refineMillis(), r.rankMillis());
            }
        }
    }

    private static void printSummary(List<SimulationRound> rounds, PrintWriter out) {
        Map<String, List<SimulationRound>> byStrategy = new LinkedHashMap<>();
        rounds.forEach(r -> byStrategy.computeIfAbsent(r.strategy(), k -> new ArrayList<>()).add(r));
        List<SimulationRound> randomRounds = byStrategy.get("random");
        List<SimulationRound> lrRounds = byStrategy.get(Simulation.REFERENCE);
        LearningCurve random = randomRounds == null ? null : LearningCurve.mean(randomRounds);
        out.printf(Locale.ROOT, "%-18s %8s %10s %10s %24s %12s %24s%n", "strategy", "labels", "accuracy",
                "acc@20", "efficiency (95% CI)", "worst_gap", "vs_lr (95% CI)");
        for (var entry : byStrategy.entrySet()) {
            LearningCurve curve = LearningCurve.mean(entry.getValue());
            String efficiency = randomRounds == null ? "n/a" : formatEfficiency(entry.getValue(), randomRounds);
            String gap = random == null ? "n/a" : String.format(Locale.ROOT, "%.1f pt", 100 * curve.worstShortfallVs(random));
            double at20 = curve.accuracyAt(20);
            String vsLr = lrRounds == null ? "n/a" : formatEfficiency(entry.getValue(), lrRounds);
            out.printf(Locale.ROOT, "%-18s %8d %9.1f%% %9s %24s %12s %24s%n", entry.getKey(), curve.finalLabelled(),
                    100 * curve.finalAccuracy(), Double.isNaN(at20) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * at20),
                    efficiency, gap, vsLr);
        }
        out.println("95% CI: bootstrap over the seeds (" + EfficiencyInterval.DRAWS + " draws); it needs 3 seeds or more");
        out.flush();
    }

    /** The efficiency of the mean curves, then the spread a bootstrap over the seeds gives it. */
    private static String formatEfficiency(List<SimulationRound> strategy, List<SimulationRound> baseline) {
        LearningCurve curve = LearningCurve.mean(strategy);
        LearningCurve base = LearningCurve.mean(baseline);
        double e = curve.labelEfficiencyVs(base);
        // never reached the baseline's final accuracy within the budget: at most this
        String point = Double.isNaN(e)
                ? String.format(Locale.ROOT, "<%.2fx", EfficiencyInterval.efficiency(curve, base))
                : String.format(Locale.ROOT, "%.2fx", e);
        var interval = EfficiencyInterval.bootstrap(strategy, baseline, 1);
        return interval == null ? point
                : String.format(Locale.ROOT, "%s (%.2f-%.2f)", point, interval.low(), interval.high());
    }

    /** Lets picocli list the strategy names in the help. */
    static final class StrategyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Strategies.names().iterator();
        }
    }
}
