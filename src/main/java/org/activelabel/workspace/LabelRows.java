package org.activelabel.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;

/** What an export writes of a session, from the command line or the window alike. */
public final class LabelRows {

    private LabelRows() {
    }

    /** The labels in path order, then, with {@code withModel}, the current model's guesses for the other images. */
    public static List<LabelExport.Row> of(Workspace workspace, boolean withModel) {
        List<String> classes = workspace.classes();
        var labels = workspace.labels();
        Ranking ranking = workspace.ranking();
        List<LabelExport.Row> labelled = new ArrayList<>();
        List<LabelExport.Row> predicted = new ArrayList<>();
        for (ImageItem item : workspace.items()) {
            LabelEntry label = labels.get(item.id());
            if (label != null) {
                labelled.add(new LabelExport.Row(item.relativePath(), classes.get(label.classIndex()), label.source(),
                        Float.NaN));
            } else if (withModel && item.id() < ranking.predicted().length && ranking.predicted()[item.id()] >= 0) {
                predicted.add(new LabelExport.Row(item.relativePath(), classes.get(ranking.predicted()[item.id()]),
                        LabelSource.MODEL, ranking.confidence()[item.id()]));
            }
        }
        labelled.sort(Comparator.comparing(LabelExport.Row::path));
        predicted.sort(Comparator.comparing(LabelExport.Row::path));
        labelled.addAll(predicted);
        return labelled;
    }

    /** Labelled images whose file is gone, in path order: the journal keeps their labels, and exports carry them. */
    public static List<String> gone(Workspace workspace) {
        var labels = workspace.labels();
        return workspace.items().stream()
                .filter(i -> i.status() == ImageItem.Status.MISSING && labels.containsKey(i.id()))
                .map(ImageItem::relativePath).sorted().toList();
    }
}
