package org.activelabel.workspace;

import org.activelabel.session.LabelSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabel.image.ThumbnailStore;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.Strategies;

/**
 * One open labelling session as the window and the CLI see it: images, classes, labels,
 * the current model's predictions and the ranked queue. Thread-safe. Reads are cheap
 * (immutable values); the methods marked "blocking" do disk or model work and must be
 * called from a background thread. Listeners are called on the thread that made the change.
 */
public interface Workspace extends AutoCloseable {

    String name();

    Path imageRoot();

    /** The session folder this workspace persists to. */
    Path sessionDir();

    List<String> classes();

    /** Adds a class at the end; its index is the old size. */
    void addClass(String name);

    void renameClass(int classIndex, String newName);

    /** Moves every label of {@code from} to {@code into} and removes {@code from}. */
    void mergeClass(int from, int into);

    /** Images known so far, in a stable order; an item's id is its index here. */
    List<ImageItem> items();

    Optional<LabelEntry> labelOf(int itemId);

    /** Every label by item id (a copy). Blocking: it may wait for a label being written. */
    default Map<Integer, LabelEntry> labels() {
        var byId = new HashMap<Integer, LabelEntry>();
        for (ImageItem item : items()) {
            labelOf(item.id()).ifPresent(label -> byId.put(item.id(), label));
        }
        return byId;
    }

    /** Latest ranking; never null, possibly without predictions before the first model. */
    Ranking ranking();

    /** Id of the backbone the session's features come from. */
    String backboneId();

    /** What a person reads about that backbone: the network, the layers used, the speed. */
    String backboneDescription();

    /** Latest model summary, empty before the first update. */
    Optional<ModelSummary> model();

    /** The current head itself (to export or predict with), empty before the first update. */
    default Optional<ModelSnapshot> head() {
        return Optional.empty();
    }

    String strategy();

    void setStrategy(String strategyName);

    int batchSize();

    void setBatchSize(int batchSize);

    /** Strategy names the window offers, {@code default} first. */
    default List<String> strategyNames() {
        return Strategies.names();
    }

    /** Whether a round of labels starts a model update by itself; persisted with the session. */
    boolean autoUpdate();

    void setAutoUpdate(boolean on);

    /**
     * Loads the model saved with the session when it was opened without it (so a window can show the queue before
     * the model library starts), re-ranks and tells the listeners. Does nothing when a model is in. Blocking.
     */
    default void loadSavedModel() {
    }

    /** Durable when it returns (journal line forced to disk). Blocking, but fast (one fsync). */
    void label(int[] itemIds, int classIndex);

    void unlabel(int[] itemIds);

    /**
     * Undoes the last label or unlabel action. Returns the item ids it touched, empty when there was nothing to
     * undo. The one undo history of the session: a view keeps no copy of it.
     */
    int[] undo();

    /** Redoes the last undone action; the item ids it touched, empty when there was nothing to redo. */
    int[] redo();

    /** Featurises images not in the cache yet; the ranking grows as it goes. Blocking. */
    void featurize(ProgressSink progress);

    /**
     * Looks at the image folder again: images added since are appended to {@link #items()} (to be featurised by
     * {@link #featurize}), a changed file is featurised again, and an image gone leaves the queue as
     * {@link ImageItem.Status#MISSING} while its label stays in the journal. Ids stay what they were. Blocking.
     */
    default RescanReport rescan() {
        return RescanReport.NOTHING;
    }

    /** The session's thumbnails on disk, when it keeps them. */
    default Optional<ThumbnailStore> thumbnails() {
        return Optional.empty();
    }

    /**
     * Makes the thumbnails that are not on disk yet, the queue's first, and deletes those of images gone. Blocking;
     * stops when {@code progress} is cancelled.
     *
     * @return how many images were decoded
     */
    default int buildThumbnails(ProgressSink progress) {
        return 0;
    }

    /**
     * Fine-tunes (or, when {@code full}, refits) the head on all labels and re-ranks; then refines the head with
     * pseudo-labels from the unlabelled pool and re-ranks again. Listeners hear of each model. Blocking. The
     * summary has no cross-validated figures yet: {@link #validateModel} adds them.
     */
    ModelSummary updateModel(boolean full, ProgressSink progress);

    /**
     * Cross-validates the last update on the labels it was trained on (k refits: slow, so the window runs it when
     * the person pauses) and publishes the summary with its accuracy, confusion matrix and suspect labels. The
     * current summary when there is nothing new to validate. Blocking.
     */
    default Optional<ModelSummary> validateModel(ProgressSink progress) {
        return model();
    }

    /**
     * The model's own labels on unlabelled images that the current head also learnt from (self-training), by item
     * id; each carries {@link LabelSource#MODEL}. They are not labels: never journalled, exported or counted.
     */
    default Map<Integer, LabelEntry> pseudoLabels() {
        return Map.of();
    }

    /** Labelled images whose out-of-fold prediction confidently disagrees with the label, worst first. */
    List<SuspectLabel> suspectLabels();

    void addListener(WorkspaceListener listener);

    void removeListener(WorkspaceListener listener);

    @Override
    void close();
}
