package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabel.backbone.Backbones;
import org.activelabel.deploy.OnnxClassifierExport;
import org.activelabel.session.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = {"Writes the session's model as one ONNX file: RGB pixels in, class probabilities out"
                + " (backbone, pooling, feature normalisation, head and softmax in one graph; class names, backbone,"
                + " input size and pixel scaling in its metadata).",
            "Input '" + OnnxClassifierExport.INPUT + "': float32 [N, height, width, 3], RGB 0..255, the image already"
                    + " cropped and resized to the input size. Output '" + OnnxClassifierExport.OUTPUT + "': [N, classes].",
            "Run it elsewhere with onnxruntime, or here with: predict --model FILE.onnx --images DIR --out FILE.csv"})
final class ExportModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOption session;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "Where to write the model")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (OpenSession open = OpenSession.open(session.dir, session.backboneDescriptor)) {
            var workspace = open.workspace();
            var model = workspace.head().orElseThrow(() -> new IllegalStateException("session " + session.dir
                    + " has no model to export yet: label some images and run train first"));
            var summary = workspace.model().orElseThrow();
            Path descriptor = session.backboneDescriptor != null ? session.backboneDescriptor : Backbones.bundledDescriptor();
            var provenance = new OnnxClassifierExport.Provenance(summary.labelled(), summary.cvAccuracy(), model.version());
            byte[] bytes = OnnxClassifierExport.build(descriptor, model, provenance);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(out, bytes);
            var stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "model version %d, trained on %d labels, cross-validated accuracy %s%n",
                    model.version(), summary.labelled(), Double.isNaN(summary.cvAccuracy())
                            ? "n/a (too few labels to cross-validate)"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * summary.cvAccuracy()));
            stdout.printf(Locale.ROOT, "wrote %s (%.1f MB): %d classes %s, input %dx%d RGB%n", out,
                    bytes.length / 1e6, model.numClasses(), model.classes(), open.backbone().inputWidth(),
                    open.backbone().inputHeight());
            stdout.flush();
        }
        return 0;
    }
}
