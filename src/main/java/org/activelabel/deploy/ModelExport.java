package org.activelabel.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.activelabel.session.AtomicFiles;
import org.activelabel.workspace.Workspace;

/** Writes the current model of an open session as an ONNX classifier; the same step for the command and the window. */
public final class ModelExport {

    /** What was written, for the person who asked. */
    public record Written(Path file, long bytes, long modelVersion, int trainedLabels, double cvAccuracy,
                          List<String> classes) {

        /** "model version 3, trained on 40 labels, cross-validated accuracy 91.2%". */
        public String provenance() {
            return String.format(Locale.ROOT, "model version %d, trained on %d labels, cross-validated accuracy %s",
                    modelVersion, trainedLabels, Double.isNaN(cvAccuracy) ? "n/a (too few labels to cross-validate)"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * cvAccuracy));
        }
    }

    private ModelExport() {
    }

    /**
     * Writes {@code out} atomically. Throws IllegalStateException, saying what to do, when the session has no model.
     *
     * @param descriptorFile the descriptor of the backbone the session was featurised with
     */
    public static Written write(Workspace workspace, Path descriptorFile, Path out) throws IOException {
        var model = workspace.head().orElseThrow(() -> new IllegalStateException("session \"" + workspace.name()
                + "\" (" + workspace.sessionDir() + ") has no model to export yet: label some images and update the"
                + " model first (train on the command line, U in the window)"));
        var summary = workspace.model().orElseThrow();
        var written = new Written(out, 0, model.version(), summary.labelled(), summary.cvAccuracy(), model.classes());
        byte[] bytes = OnnxClassifierExport.build(descriptorFile, model, new OnnxClassifierExport.Provenance(
                written.trainedLabels(), written.cvAccuracy(), written.modelVersion()));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(out, bytes);
        return new Written(out, bytes.length, model.version(), summary.labelled(), summary.cvAccuracy(), model.classes());
    }
}
