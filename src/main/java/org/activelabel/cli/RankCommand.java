package org.activelabel.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabel.query.Strategies;
import org.activelabel.session.LabelExport;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.Ranking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Prints the unlabelled images most worth labelling next, most useful first, as CSV:"
                + " path,score,predicted,confidence (predicted and confidence are empty before a model exists).",
            "--strategy ranks with another strategy for this listing only; the session keeps its own."})
final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOption session;

    @Option(names = "--strategy", paramLabel = "NAME", completionCandidates = SimulateCommand.StrategyNames.class,
            description = "Query strategy (default: the session's). Valid: ${COMPLETION-CANDIDATES}")
    String strategy;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (strategy != null) {
            Strategies.byName(strategy); // a typo fails before the backbone loads
        }
        try (OpenSession open = OpenSession.open(session.dir, session.backboneDescriptor)) {
            var workspace = open.workspace();
            var items = workspace.items();
            if (items.stream().noneMatch(i -> i.status() == ImageItem.Status.FEATURISED)) {
                throw new IllegalStateException("no image of session " + session.dir
                        + " has features yet: run featurize first");
            }
            Ranking ranking = strategy == null ? workspace.ranking() : workspace.rankWith(strategy);
            var classes = workspace.classes();
            var out = spec.commandLine().getOut();
            out.println("path,score,predicted,confidence");
            int shown = Math.min(top, ranking.order().length);
            for (int i = 0; i < shown; i++) {
                int id = ranking.order()[i];
                int predicted = ranking.predicted()[id];
                float confidence = ranking.confidence()[id];
                double score = ranking.score()[id];
                out.println(LabelExport.csvField(items.get(id).relativePath()) + ","
                        + (Double.isNaN(score) ? "" : String.format(Locale.ROOT, "%.4f", score)) + ","
                        + (predicted < 0 ? "" : LabelExport.csvField(classes.get(predicted))) + ","
                        + (Float.isNaN(confidence) ? "" : String.format(Locale.ROOT, "%.4f", confidence)));
            }
            out.flush();
            if (ranking.order().length == 0) {
                spec.commandLine().getErr().println("note: every featurised image is labelled; nothing to rank");
            }
        }
        return 0;
    }
}
