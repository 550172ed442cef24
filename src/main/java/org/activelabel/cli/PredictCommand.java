package org.activelabel.cli;

import org.activelabel.session.LabelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.Featurizer;
import org.activelabel.image.ImageScanner;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.Probabilities;
import org.activelabel.session.LabelExport;
import org.activelabel.session.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Labels a folder of images with the session's current model: featurises them with the"
                + " session's backbone and writes " + LabelExport.CSV_HEADER + " (source model) to --out.",
            "Images that cannot be read are listed on stderr and left out. The session must have a model: run train.",
            "With --model FILE.onnx instead of --session, labels them with a model written by export-model."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--session", paramLabel = "DIR", description = "The session whose model labels the images")
    Path sessionDir;

    @Option(names = "--backbone", paramLabel = "JSON|NAME",
            description = "Backbone descriptor or bundled backbone name, when the session was not made with the default one")
    Path backboneDescriptor;

    @Option(names = "--model", paramLabel = "FILE.onnx", description = "A model written by export-model; no session needed")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images to label")
    Path images;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the labels")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException(images + " is not a folder");
        }
        if ((sessionDir == null) == (modelFile == null)) {
            throw new IllegalArgumentException("give either --session DIR or --model FILE.onnx");
        }
        if (modelFile != null) {
            OutputPaths.requireOutside(out, "--out", null, images);
            var rows = OnnxPrediction.predict(modelFile, images, spec.commandLine().getErr());
            LabelExport.writeCsv(out, rows);
            var stdout = spec.commandLine().getOut();
            stdout.printf("predicted %d images with %s into %s%n", rows.size(), modelFile, out);
            stdout.flush();
            return 0;
        }
        try (OpenSession open = OpenSession.open(sessionDir, backboneDescriptor)) {
            OutputPaths.requireOutside(out, "--out", sessionDir, open.workspace().imageRoot(), images);
            ModelSnapshot model = open.workspace().head().orElseThrow(() -> new IllegalStateException(
                    "session " + sessionDir + " has no model yet: label some images and run train first"));
            var scan = ImageScanner.scan(images);
            var err = spec.commandLine().getErr();
            scan.problems().forEach(p -> err.println("skipped " + p.relativePath() + ": " + p.reason()));
            List<FeatureRow> featurised = new ArrayList<>();
            // a throw-away cache: these images are not the session's, their paths would clash with its own
            Path cache = Files.createTempDirectory("activelabel-predict");
            try (FeatureStore store = FeatureStore.open(cache, open.backbone().id(), open.backbone().featureDim())) {
                var progress = new ConsoleProgress(System.err);
                var report = new Featurizer(open.backbone()).featurize(images, scan.relativePaths(), store, progress,
                        featurised::addAll);
                progress.finish();
                report.skipped().forEach(s -> err.println("skipped " + s.relativePath() + ": " + s.reason()));
            } finally {
                deleteTree(cache);
            }
            featurised.sort(Comparator.comparing(FeatureRow::relativePath));
            float[][] x = featurised.stream().map(FeatureRow::features).toArray(float[][]::new);
            float[][] probabilities = x.length == 0 ? new float[0][] : model.predict(x);
            List<LabelExport.Row> rows = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                int best = Probabilities.argmax(probabilities[i]);
                rows.add(new LabelExport.Row(featurised.get(i).relativePath(), model.classes().get(best),
                        LabelSource.MODEL, probabilities[i][best]));
            }
            LabelExport.writeCsv(out, rows);
            var stdout = spec.commandLine().getOut();
            stdout.printf("predicted %d of %d images with model version %d into %s%n", rows.size(),
                    scan.images().size(), model.version(), out);
            stdout.flush();
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
