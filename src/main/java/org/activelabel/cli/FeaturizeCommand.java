package org.activelabel.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.activelabel.image.ImageScanner;
import org.activelabel.workspace.ImageItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "featurize", mixinStandardHelpOptions = true,
        description = {"Runs every new or changed image of the session through the backbone once and caches its"
                + " features. Progress goes to stderr. Stopped or killed, it resumes where it stopped.",
            "Prints how many images were featurised, then each image without features and why."})
final class FeaturizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOption session;

    @Override
    public Integer call() throws IOException {
        try (OpenSession open = OpenSession.open(session.dir, session.backboneDescriptor)) {
            var workspace = open.workspace();
            long before = count(workspace.items(), ImageItem.Status.FEATURISED);
            var progress = new ConsoleProgress(System.err);
            workspace.featurize(progress);
            progress.finish();
            var items = workspace.items();
            long after = count(items, ImageItem.Status.FEATURISED);
            var out = spec.commandLine().getOut();
            out.printf("featurised %d images now, %d were already cached; %d of %d images have features%n",
                    after - before, before, after, items.size());
            for (ImageItem item : items) {
                if (item.status() == ImageItem.Status.SKIPPED) {
                    out.printf("skipped %s: %s%n", item.relativePath(), item.problem());
                } else if (item.status() == ImageItem.Status.MISSING) {
                    out.printf("missing %s: %s (its label is kept)%n", item.relativePath(), item.problem());
                }
            }
            for (var problem : ImageScanner.scan(workspace.imageRoot()).problems()) {
                out.printf("skipped %s: %s%n", problem.relativePath(), problem.reason());
            }
            out.flush();
        }
        return 0;
    }

    private static long count(java.util.List<ImageItem> items, ImageItem.Status status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
