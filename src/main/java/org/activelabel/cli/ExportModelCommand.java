package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabel.backbone.Backbones;
import org.activelabel.deploy.ModelExport;
import org.activelabel.deploy.OnnxClassifierExport;
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
            Path descriptor = session.backboneDescriptor != null ? session.backboneDescriptor : Backbones.bundledDescriptor();
            var written = ModelExport.write(open.workspace(), descriptor, out);
            var stdout = spec.commandLine().getOut();
            stdout.println(written.provenance());
            stdout.printf(Locale.ROOT, "wrote %s (%.1f MB): %d classes %s, input %dx%d RGB%n", out, written.bytes() / 1e6,
                    written.classes().size(), written.classes(), open.backbone().inputWidth(),
                    open.backbone().inputHeight());
            stdout.flush();
        }
        return 0;
    }
}
