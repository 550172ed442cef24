package org.activelabel.cli;

import org.activelabel.session.LabelSource;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Updates the session's model once on its human labels (fine-tuning the current model, or"
                + " training a new one with --full) and saves it. Prints the cross-validated accuracy.",
            "Only featurised images count: run featurize first."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOption session;

    @Option(names = "--full", description = "Train from scratch on all labels instead of fine-tuning")
    boolean full;

    @Override
    public Integer call() throws IOException {
        try (OpenSession open = OpenSession.open(session.dir, session.backboneDescriptor)) {
            var workspace = open.workspace();
            var items = workspace.items();
            long waiting = workspace.labels().entrySet().stream()
                    .filter(e -> e.getValue().source() == LabelSource.HUMAN)
                    .filter(e -> items.get(e.getKey()).status() != ImageItem.Status.FEATURISED)
                    .count();
            var err = spec.commandLine().getErr();
            if (waiting > 0) {
                err.printf("note: %d labelled images have no features and are left out (run featurize, or they are"
                        + " missing or unreadable)%n", waiting);
                err.flush();
            }
            var progress = new ConsoleProgress(System.err);
            ModelSummary summary;
            try {
                workspace.updateModel(full, progress);
                summary = workspace.validateModel(progress).orElseThrow(
                        () -> new IllegalStateException("the update made no model"));
            } catch (RuntimeException e) {
                // no success line: a model that was not saved must not look trained
                progress.finish();
                err.println("error: training did not complete, the session keeps its previous model: "
                        + ActiveLabelCommand.describe(e));
                err.flush();
                return 1;
            }
            progress.finish();
            var out = spec.commandLine().getOut();
            int pseudo = workspace.pseudoLabels().size();
            out.printf(Locale.ROOT, "model version %d: %s on %d labels in %d ms%s%n", summary.version(),
                    summary.full() ? "trained from scratch" : "fine-tuned", summary.labelled(), summary.trainMillis(),
                    pseudo == 0 ? "" : ", then refined with " + pseudo + " pseudo-labels (the model's confident"
                            + " predictions on unlabelled images, not saved as labels)");
            out.println(Double.isNaN(summary.cvAccuracy())
                    ? "cross-validated accuracy: n/a (too few labels to cross-validate)"
                    : String.format(Locale.ROOT, "cross-validated accuracy: %.1f%%", 100 * summary.cvAccuracy()));
            out.flush();
        }
        return 0;
    }
}
