package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.activelabel.backbone.Backbone;
import org.activelabel.backbone.Backbones;
import org.activelabel.features.Featurizer;
import org.activelabel.image.ImageScanner;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.SelfTraining;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.QueryContext;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.Strategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measures the speed of each stage and prints one figure per line: NAME VALUE UNIT.",
            "Each figure is the median of several repetitions after a warm-up. Featurising is end to end"
                    + " (decode, resize, forward) and bypasses the cache; decode_images_per_s is the decoding and"
                    + " resizing alone, on the same threads; the head and ranking figures use"
                    + " synthetic features of the backbone's dimension with 10 classes: ranking with 500 labels for the"
                    + " default pipeline (rank_ms_20000) and with 20 for each other strategy (rank_ms_20000_NAME);"
                    + " refine_ms_500_20000 is the self-training step that follows an update (500 labels, a pool"
                    + " of 20,000)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--images", paramLabel = "DIR", description = "Images to featurise (default: the bundled sample)")
    Path images;

    @Option(names = "--backbone", paramLabel = "JSON|NAME",
            description = "Backbone descriptor, or a bundled backbone: default, accurate (default: default)")
    Path backboneDescriptor;

    @Option(names = "--repeats", defaultValue = "5", description = "Repetitions per figure (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--featurize-only", description = "Measure featurising only, e.g. to compare backbones")
    boolean featurizeOnly;

    private static final int CLASSES = 10;

    @Override
    public Integer call() throws IOException {
        try (Backbone backbone = CliSupport.openBackbone(backboneDescriptor)) {
            System.err.printf(Locale.ROOT, "backbone %s (%dx%d input, %d features)%n", backbone.id(),
                    backbone.inputWidth(), backbone.inputHeight(), backbone.featureDim());
            Path root = images != null ? images : Backbones.bundledDescriptor().getParent().getParent().resolve("sample");
            var paths = ImageScanner.scan(root).relativePaths();
            if (paths.isEmpty()) {
                throw new IOException("no images under " + root);
            }
            System.err.printf(Locale.ROOT, "featurising %d images under %s%n", paths.size(), root);
            var featurizer = new Featurizer(backbone);
            featurizer.measureThroughput(root, paths, ProgressSink.NONE); // warm-up
            double[] rates = new double[Math.max(1, repeats / 2)];
            double[] decodeRates = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = featurizer.measureThroughput(root, paths, ProgressSink.NONE).imagesPerSecond();
                decodeRates[i] = featurizer.measureDecodeThroughput(root, paths, ProgressSink.NONE).imagesPerSecond();
            }
            print("featurize_images_per_s", median(rates), "images/s");
            print("decode_images_per_s", median(decodeRates), "images/s");
            if (featurizeOnly) {
                return 0;
            }

            int dim = backbone.featureDim();
            var trainer = new HeadTrainer(HeadConfig.defaults());
            var labelled500 = blobs(500, dim, 1);
            var before = trainer.fullRefit(slice(labelled500, 490), backbone.id(), ProgressSink.NONE);
            int[] newest = IntStream.range(490, 500).toArray();
            print("update_incremental_ms_500",
                    timeMillis(() -> trainer.incremental(before, labelled500, newest, ProgressSink.NONE)), "ms");

            var labelled2000 = blobs(2000, dim, 2);
            print("update_full_ms_2000", timeMillis(() -> trainer.fullRefit(labelled2000, backbone.id(),
                    ProgressSink.NONE)), "ms");

            var pool = blobs(20_000, dim, 3).features();
            ModelSnapshot model = before;
            print("predict_ms_20000", timeMillis(() -> model.predict(pool)), "ms");
            float[][] probabilities = model.predict(pool);
            var context = new QueryContext(probabilities, pool, labelled500.features(), labelled500.labels(), CLASSES,
                    null, 1);
            QueryStrategy strategy = Strategies.byName(Strategies.DEFAULT);
            print("rank_ms_20000", timeMillis(() -> strategy.rank(context, 10)), "ms");
            // the second step after an update: pseudo-labels from the pool, a fresh head on labels plus them
            var selfTraining = new SelfTraining(trainer, SelfTraining.Settings.defaults());
            print("refine_ms_500_20000", timeMillis(() -> selfTraining.refine(model, labelled500, pool, 2,
                    ProgressSink.NONE)), "ms");
            float[][][] mc = model.predictWithDropout(pool, 10, 1);
            // the other strategies with 20 labels, the start of a session (k-center and TypiClust grow with labels)
            var start = slice(labelled500, 20);
            var withSamples = new QueryContext(probabilities, pool, start.features(), start.labels(), CLASSES, mc, 1);
            for (String name : Strategies.names()) {
                if (!name.equals(Strategies.DEFAULT)) {
                    QueryStrategy other = Strategies.byName(name);
                    print("rank_ms_20000_" + name, timeMillis(() -> other.rank(withSamples, 10)), "ms");
                }
            }
        }
        return 0;
    }

    private double timeMillis(Runnable work) {
        work.run(); // warm-up
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %.1f %s%n", name, value, unit);
        System.out.flush();
    }

    /** Gaussian blobs: one random centre per class, unit noise; separable but not trivially. */
    static TrainingSet blobs(int n, int dim, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[CLASSES][dim];
        for (float[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = (float) (random.nextGaussian() * 0.15);
            }
        }
        float[][] x = new float[n][dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
            for (int d = 0; d < dim; d++) {
                x[i][d] = centres[y[i]][d] + (float) random.nextGaussian();
            }
        }
        return new TrainingSet(x, y, IntStream.range(0, CLASSES).mapToObj(c -> "class" + c).toList());
    }

    private static TrainingSet slice(TrainingSet set, int n) {
        return new TrainingSet(Arrays.copyOf(set.features(), n), Arrays.copyOf(set.labels(), n), set.classes());
    }
}
