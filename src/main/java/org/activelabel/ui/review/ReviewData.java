package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import java.util.ArrayList;
import java.util.List;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.LabelEntry;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;
import org.activelabel.workspace.Workspace;

/**
 * Everything the review pane shows, read from the workspace at one moment and computed off the
 * FX thread. Immutable, so the FX thread can take it over without locks.
 *
 * @param model       the current model, null before the first update
 * @param scoreBounds smallest and largest strategy score among the items, [0, 1] when none is scored
 */
public record ReviewData(List<String> classes, List<ReviewRow> rows, UncertaintyHistogram histogram,
                         ClassCounts labelCounts, ModelSummary model, List<SuspectRow> suspects,
                         ValueRange scoreBounds, String strategy) {

    public static final ReviewData EMPTY = new ReviewData(List.of(), List.of(),
            new UncertaintyHistogram(new int[UncertaintyHistogram.DEFAULT_BINS]),
            new ClassCounts(List.of(), new int[0], new int[0]), null, List.of(), new ValueRange(0, 1), "");

    public static ReviewData read(Workspace workspace) {
        var classes = List.copyOf(workspace.classes());
        var items = workspace.items();
        var ranking = workspace.ranking();
        var labels = new LabelEntry[items.size()];
        for (int id = 0; id < items.size(); id++) {
            labels[id] = workspace.labelOf(id).orElse(null);
        }
        var suspects = workspace.suspectLabels();
        return of(classes, items, labels, ranking, workspace.model().orElse(null), suspects);
    }

    /** Builds the view data from plain values; {@code labels} is indexed by item id, null where unlabelled. */
    public static ReviewData of(List<String> classes, List<ImageItem> items, LabelEntry[] labels, Ranking ranking,
                                ModelSummary model, List<SuspectLabel> suspects) {
        var rows = new ArrayList<ReviewRow>(items.size());
        var human = new int[classes.size()];
        var byModel = new int[classes.size()];
        double minScore = Double.POSITIVE_INFINITY;
        double maxScore = Double.NEGATIVE_INFINITY;
        for (var item : items) {
            int id = item.id();
            var label = labels[id];
            if (label == null && item.status() == ImageItem.Status.MISSING) {
                continue; // gone from the folder with nothing to review
            }
            int predicted = id < ranking.predicted().length ? ranking.predicted()[id] : -1;
            double confidence = id < ranking.confidence().length ? ranking.confidence()[id] : Double.NaN;
            double score = id < ranking.score().length ? ranking.score()[id] : Double.NaN;
            rows.add(new ReviewRow(item, label == null ? -1 : label.classIndex(),
                    label == null ? null : label.source(), predicted < 0 ? -1 : predicted,
                    predicted < 0 ? Double.NaN : confidence, score));
            if (label != null && label.classIndex() < classes.size()) {
                (label.source() == LabelSource.HUMAN ? human : byModel)[label.classIndex()]++;
            }
            if (!Double.isNaN(score)) {
                minScore = Math.min(minScore, score);
                maxScore = Math.max(maxScore, score);
            }
        }
        var suspectRows = new ArrayList<SuspectRow>(suspects.size());
        for (var suspect : suspects) {
            if (suspect.itemId() < 0 || suspect.itemId() >= items.size()) {
                continue;
            }
            var label = labels[suspect.itemId()];
            suspectRows.add(new SuspectRow(items.get(suspect.itemId()),
                    suspect.givenClass(), className(classes, suspect.givenClass()),
                    suspect.predictedClass(), className(classes, suspect.predictedClass()),
                    suspect.confidence(), label == null ? -1 : label.classIndex()));
        }
        var scoreBounds = minScore <= maxScore ? new ValueRange(minScore, maxScore) : new ValueRange(0, 1);
        return new ReviewData(classes, List.copyOf(rows),
                UncertaintyHistogram.of(ranking, UncertaintyHistogram.DEFAULT_BINS),
                new ClassCounts(classes, human, byModel), model, List.copyOf(suspectRows), scoreBounds,
                ranking.strategy());
    }

    /** The name of a class, or a placeholder for an index the class list does not have (yet). */
    public static String className(List<String> classes, int classIndex) {
        if (classIndex < 0) {
            return "";
        }
        return classIndex < classes.size() ? classes.get(classIndex) : "class " + classIndex;
    }
}
