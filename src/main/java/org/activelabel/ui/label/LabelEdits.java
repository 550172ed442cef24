package org.activelabel.ui.label;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.BackgroundTasks.Lane;
import org.activelabel.workspace.Workspace;

/**
 * Labels, undo and redo as the labelling page makes them: the queue changes at once, the workspace is written
 * in the edits lane, and a label that fails is put back and recorded nowhere. The one undo history is the
 * workspace's; undo and redo show the images it says they touched. Used on the FX thread.
 */
final class LabelEdits {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final LabelQueue queue;
    private final RoundScheduler rounds;
    private final Runnable publish;
    private final IntegerProperty labelledCount;
    private final BiConsumer<Notice.Kind, String> say;
    /** The ranking's order, readable by the refresh that runs off the FX thread. */
    private volatile int[] rankedOrder;
    private boolean refreshQueued;

    /** @param publish shows the queue's new state */
    LabelEdits(Workspace workspace, BackgroundTasks tasks, LabelQueue queue, RoundScheduler rounds, Runnable publish,
               IntegerProperty labelledCount, BiConsumer<Notice.Kind, String> say) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.queue = queue;
        this.rounds = rounds;
        this.publish = publish;
        this.labelledCount = labelledCount;
        this.say = say;
        this.rankedOrder = queue.rankedOrder();
    }

    /** A new ranking is shown; the next refresh looks its images up. */
    void rankingShown(int[] order) {
        rankedOrder = order;
    }

    /** Hides the images at once and saves the label in the background; a label that fails comes back. */
    void label(int[] ids, int classIndex) {
        queue.labelSent(ids);
        publish.run();
        rounds.labelSent(ids.length);
        tasks.submit(Lane.EDITS, progress -> {
            workspace.label(ids, classIndex);
            return null;
        }, done -> {
            queue.labelSaved(ids);
            labelledCount.set(labelledCount.get() + ids.length);
            rounds.labelSaved();
        }, error -> {
            queue.labelFailed(ids);
            publish.run();
            rounds.labelFailed(ids.length);
            say.accept(Notice.Kind.ERROR, "The label was not saved: " + StatusText.describe(error));
        });
    }

    /** What an undo or redo did: the images it touched, which of them are unlabelled now, the labelled count. */
    private record Step(int[] touched, int[] unlabelled, int labelledBefore, int labelledAfter) {
    }

    /** Undo ({@code true}) or redo: the workspace says which images it touched; the queue shows them. */
    void step(boolean undo) {
        rounds.personActed();
        tasks.submit(Lane.EDITS, progress -> {
            int before = countLabelled();
            int[] touched = undo ? workspace.undo() : workspace.redo();
            int[] unlabelled = Arrays.stream(touched).filter(id -> workspace.labelOf(id).isEmpty()).toArray();
            return new Step(touched, unlabelled, before, touched.length == 0 ? before : countLabelled());
        }, done -> {
            if (done.touched().length == 0) {
                say.accept(Notice.Kind.INFO, undo ? "Nothing to undo" : "Nothing to redo");
                return;
            }
            var unlabelled = Arrays.stream(done.unlabelled()).boxed().collect(Collectors.toSet());
            int[] labelled = Arrays.stream(done.touched()).filter(id -> !unlabelled.contains(id)).toArray();
            queue.unlabelled(done.unlabelled());
            queue.labelledElsewhere(labelled);
            publish.run();
            labelledCount.set(done.labelledAfter());
            rounds.labelsChangedBy(done.labelledAfter() - done.labelledBefore());
            say.accept(Notice.Kind.INFO, describeStep(undo, done));
            refreshLabelled();
        }, error -> say.accept(Notice.Kind.ERROR, (undo ? "Undo" : "Redo") + " failed: " + StatusText.describe(error)));
    }

    private String describeStep(boolean undo, Step step) {
        var verb = undo ? "Undone" : "Redone";
        if (step.touched().length != 1) {
            return verb + ": " + step.touched().length + " images";
        }
        int id = step.touched()[0];
        boolean unlabelled = step.unlabelled().length == 1;
        return verb + ": " + fileName(id) + (unlabelled ? " is back in the queue"
                : undo ? " has its earlier label back" : " is labelled again");
    }

    /** Blocking: the number of labelled images. */
    private int countLabelled() {
        int total = 0;
        for (var item : workspace.items()) {
            if (workspace.labelOf(item.id()).isPresent()) {
                total++;
            }
        }
        return total;
    }

    /** Asks the workspace (off the FX thread) which queued images are labelled now. */
    void refreshLabelled() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        var extra = queue.restored();
        tasks.submit(Lane.EDITS, progress -> {
            // a change after this point needs a new look
            Platform.runLater(() -> refreshQueued = false);
            var order = rankedOrder;
            var labelled = new HashSet<Integer>();
            for (int id : extra) {
                if (workspace.labelOf(id).isPresent()) {
                    labelled.add(id);
                }
            }
            for (int id : order) {
                if (workspace.labelOf(id).isPresent()) {
                    labelled.add(id);
                }
            }
            return new LabelledState(labelled, countLabelled());
        }, state -> {
            queue.setLabelled(state.labelledInQueue());
            publish.run();
            labelledCount.set(state.total());
        }, error -> say.accept(Notice.Kind.ERROR, "Could not read the labels: " + StatusText.describe(error)));
    }

    private record LabelledState(Set<Integer> labelledInQueue, int total) {
    }

    private String fileName(int itemId) {
        var path = queue.items().get(itemId).relativePath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
