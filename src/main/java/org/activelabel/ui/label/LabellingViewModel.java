package org.activelabel.ui.label;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.BackgroundTasks.Lane;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.LabelEntry;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.WorkspaceListener;

/**
 * What the labelling page binds to. The queue itself is a {@link LabelQueue} and the timing of updates and
 * cross-validation a {@link RoundScheduler}; this class turns their state into properties, sends every
 * workspace call through {@link BackgroundTasks} and words the notices. Used on the FX thread. It keeps no
 * undo history: the workspace's undo and redo say which images they touched.
 */
public final class LabellingViewModel {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final WorkspaceListener listener = new FxHop();
    private final LabelQueue queueModel;
    private final ModelSteps modelSteps;
    private final RoundScheduler rounds;
    private final LabelEdits edits;

    private final ReadOnlyObjectWrapper<Ranking> ranking = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<QueueSnapshot> queue = new ReadOnlyObjectWrapper<>(QueueSnapshot.EMPTY);
    private final ReadOnlyIntegerWrapper focusedItem = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper hoveredItem = new ReadOnlyIntegerWrapper(-1);
    private final ObservableSet<Integer> selection = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<Integer> selectionView = FXCollections.unmodifiableObservableSet(selection);
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<String> classesView = FXCollections.unmodifiableObservableList(classes);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final ObjectProperty<String> strategy = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper labelsThisRound = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper labelledCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper imageCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    private long noticeSeq;

    /** Cross-validation waits for a pause measured by the FX animation timer. */
    public LabellingViewModel(Workspace workspace, BackgroundTasks tasks) {
        this(workspace, tasks, LabellingViewModel::fxDelay);
    }

    /** @param delays the clock the pause before cross-validation is measured with */
    public LabellingViewModel(Workspace workspace, BackgroundTasks tasks, Delays delays) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.modelSteps = new ModelSteps(workspace, tasks, delays, labelsThisRound::set, this::say);
        this.rounds = modelSteps.rounds();
        classes.setAll(workspace.classes());
        batchSize.set(workspace.batchSize());
        strategy.set(workspace.strategy());
        autoUpdate.set(workspace.autoUpdate());
        rounds.setBatchSize(batchSize.get());
        rounds.setAutoUpdate(autoUpdate.get());
        ranking.set(workspace.ranking());
        queueModel = new LabelQueue(workspace.items(), ranking.get().order());
        imageCount.set(countPresent(workspace.items()));
        edits = new LabelEdits(workspace, tasks, queueModel, rounds, this::publish, labelledCount, this::say);
        publish();
        search.addListener((obs, old, now) -> {
            queueModel.setSearch(now);
            publish();
        });
        strategy.addListener((obs, old, name) -> {
            if (name != null && !name.equals(workspace.strategy())) {
                runEdit(() -> workspace.setStrategy(name), "Could not switch to strategy " + name);
            }
        });
        batchSize.addListener((obs, old, size) -> {
            if (size.intValue() > 0 && size.intValue() != workspace.batchSize()) {
                runEdit(() -> workspace.setBatchSize(size.intValue()), "Could not change the batch size");
            }
            rounds.setBatchSize(size.intValue());
        });
        autoUpdate.addListener((obs, old, on) -> {
            // persisted with the session, so the next start opens with the same setting
            runEdit(() -> workspace.setAutoUpdate(on), "Could not save the automatic-update setting");
            rounds.setAutoUpdate(on);
        });
        workspace.addListener(listener);
        edits.refreshLabelled();
    }

    private static Runnable fxDelay(Duration delay, Runnable action) {
        var pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }

    // ---- reading ----

    public Workspace workspace() {
        return workspace;
    }

    /** The strategies the queue can be ordered by, {@code default} first. */
    public List<String> strategyNames() {
        return workspace.strategyNames();
    }

    public ReadOnlyObjectProperty<Ranking> rankingProperty() {
        return ranking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueueSnapshot> queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty focusedItemProperty() {
        return focusedItem.getReadOnlyProperty();
    }

    public int focusedItem() {
        return focusedItem.get();
    }

    /** The image under the mouse pointer, -1 when the pointer is over none. */
    public ReadOnlyIntegerProperty hoveredItemProperty() {
        return hoveredItem.getReadOnlyProperty();
    }

    public ObservableSet<Integer> selection() {
        return selectionView;
    }

    public ObservableList<String> classes() {
        return classesView;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Whether a full round starts an update by itself; read from the session and saved with it. */
    public BooleanProperty autoUpdateProperty() {
        return autoUpdate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<String> strategyProperty() {
        return strategy;
    }

    public ReadOnlyIntegerProperty labelsThisRoundProperty() {
        return labelsThisRound.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty labelledCountProperty() {
        return labelledCount.getReadOnlyProperty();
    }

    /** Items of the session by id, images gone from the folder included. */
    public int itemCount() {
        return queueModel.items().size();
    }

    /** Images in the image folder now: the items less those gone. */
    public ReadOnlyIntegerProperty imageCountProperty() {
        return imageCount.getReadOnlyProperty();
    }

    private static int countPresent(List<ImageItem> items) {
        return (int) items.stream().filter(i -> i.status() != ImageItem.Status.MISSING).count();
    }

    /** An update or the reading of new images is running in the background. */
    public ReadOnlyBooleanProperty trainingProperty() {
        return modelSteps.busyProperty();
    }

    /** Fraction done of the running update, -1 when unknown. */
    public ReadOnlyDoubleProperty trainingProgressProperty() {
        return modelSteps.progressProperty();
    }

    public ReadOnlyStringProperty trainingMessageProperty() {
        return modelSteps.messageProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return modelSteps.statusProperty();
    }

    public ReadOnlyObjectProperty<ModelSummary> modelProperty() {
        return modelSteps.modelProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ImageItem item(int itemId) {
        return queueModel.items().get(itemId);
    }

    /**
     * The person's label, or else the label the model gave itself to learn from (source MODEL); empty when
     * neither. Blocking: call it off the FX thread.
     */
    public Optional<LabelEntry> labelOf(int itemId) {
        return workspace.labelOf(itemId).or(() -> Optional.ofNullable(workspace.pseudoLabels().get(itemId)));
    }

    /** The model's class for the item, -1 when it has none. */
    public int predictedClass(int itemId) {
        var r = ranking.get();
        return itemId >= 0 && itemId < r.predicted().length ? r.predicted()[itemId] : -1;
    }

    public float confidence(int itemId) {
        var r = ranking.get();
        return itemId >= 0 && itemId < r.confidence().length ? r.confidence()[itemId] : Float.NaN;
    }

    public double score(int itemId) {
        var r = ranking.get();
        return itemId >= 0 && itemId < r.score().length ? r.score()[itemId] : Double.NaN;
    }

    /** Per-class probabilities for the item, or null when the model has none. */
    public float[] probabilities(int itemId) {
        var r = ranking.get();
        return itemId >= 0 && itemId < r.probabilities().length ? r.probabilities()[itemId] : null;
    }

    public String className(int classIndex) {
        return classIndex >= 0 && classIndex < classes.size() ? classes.get(classIndex) : "?";
    }

    // ---- focus and selection ----

    public void focus(int itemId) {
        queueModel.focus(itemId);
        publish();
    }

    /** The pointer is over {@code itemId}'s tile now, or over none with -1; a new model leaves that tile in place. */
    public void hover(int itemId) {
        queueModel.hover(itemId);
        publish();
    }

    /** A click on a tile: plain focuses, Ctrl toggles the tile in the selection, Shift selects a range. */
    public void click(int itemId, boolean shift, boolean ctrl) {
        queueModel.click(itemId, shift, ctrl);
        publish();
    }

    /** Moves focus by {@code delta} places in the queue; with {@code extend} the selection follows. */
    public void moveFocus(int delta, boolean extend) {
        queueModel.moveFocus(delta, extend);
        publish();
    }

    /** Drag selection: every tile between the two, in queue order. */
    public void selectRange(int fromItem, int toItem) {
        queueModel.selectRange(fromItem, toItem);
        publish();
    }

    public void clearSelection() {
        queueModel.clearSelection();
        publish();
    }

    /** Leaves the focused image for later and moves on. */
    public void skip() {
        moveFocus(1, false);
    }

    // ---- labelling ----

    /** The selected images in queue order, or the focused one when nothing is selected. */
    public int[] targets() {
        return queueModel.targets();
    }

    public void label(int classIndex) {
        if (classIndex < 0 || classIndex >= classes.size()) {
            return;
        }
        int[] ids = targets();
        if (ids.length == 0) {
            return;
        }
        edits.label(ids, classIndex);
        say(Notice.Kind.SUCCESS, String.format("Labelled %s as %s — Ctrl+Z to undo",
                ids.length == 1 ? fileName(ids[0]) : ids.length + " images", classes.get(classIndex)));
    }

    /** Takes the model's suggestion for each target that has one. */
    public void acceptSuggestion() {
        var byClass = new LinkedHashMap<Integer, List<Integer>>();
        for (int id : targets()) {
            int predicted = predictedClass(id);
            if (predicted >= 0 && predicted < classes.size()) {
                byClass.computeIfAbsent(predicted, c -> new ArrayList<>()).add(id);
            }
        }
        if (byClass.isEmpty()) {
            say(Notice.Kind.INFO, "No suggestion yet: the model has not been trained");
            return;
        }
        int count = 0;
        for (var entry : byClass.entrySet()) {
            int[] ids = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            edits.label(ids, entry.getKey());
            count += ids.length;
        }
        say(Notice.Kind.SUCCESS, String.format("Accepted %d suggestion%s — Ctrl+Z to undo",
                count, count == 1 ? "" : "s"));
    }

    /** Undoes the session's last label, wherever it was made (here or in the Review tab). */
    public void undo() {
        edits.step(true);
    }

    public void redo() {
        edits.step(false);
    }

    // ---- classes ----

    public void addClass(String name) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (classes.contains(trimmed)) {
            say(Notice.Kind.ERROR, "There is already a class called " + trimmed);
            return;
        }
        runEdit(() -> workspace.addClass(trimmed), "Could not add class " + trimmed);
    }

    public void renameClass(int classIndex, String newName) {
        var trimmed = newName == null ? "" : newName.strip();
        if (trimmed.isEmpty() || classIndex < 0 || classIndex >= classes.size()) {
            return;
        }
        if (classes.contains(trimmed)) {
            say(Notice.Kind.ERROR, "There is already a class called " + trimmed);
            return;
        }
        runEdit(() -> workspace.renameClass(classIndex, trimmed), "Could not rename class " + classes.get(classIndex));
    }

    /** Moves every label of {@code from} to {@code into} and removes {@code from}; undo history ends here. */
    public void mergeClass(int from, int into) {
        if (from == into || from < 0 || into < 0 || from >= classes.size() || into >= classes.size()) {
            return;
        }
        var fromName = classes.get(from);
        var intoName = classes.get(into);
        tasks.submit(Lane.EDITS, progress -> {
            workspace.mergeClass(from, into);
            return null;
        }, done -> say(Notice.Kind.SUCCESS, "Merged " + fromName + " into " + intoName),
                error -> say(Notice.Kind.ERROR, "Could not merge " + fromName + " into " + intoName + ": "
                        + StatusText.describe(error)));
    }

    // ---- model updates ----

    /**
     * Featurises the images not in the cache yet, in the model lane so an update waits for it;
     * labelling goes on meanwhile and the queue grows as images are read.
     */
    public void featurizeNewImages() {
        modelSteps.featurize();
    }

    /**
     * Looks at the image folder again for images added, changed or removed since the session opened, says what
     * it found and reads the new ones (progress and cancel as for any reading); images gone leave the queue and
     * keep their labels.
     */
    public void rescan() {
        modelSteps.rescan(true);
    }

    /** The image folder changed (its watch says so): looked at again as by {@link #rescan()}, said only if it found something. */
    public void folderChanged() {
        modelSteps.rescan(false);
    }

    /** Starts an update in the background unless one is running. */
    public void updateModel(boolean full) {
        modelSteps.update(full);
    }

    public void cancelUpdate() {
        modelSteps.cancel();
    }

    // ---- queue ----

    private void setRanking(Ranking newRanking) {
        var old = ranking.get();
        if (old != null && newRanking.generation() < old.generation()) {
            return; // a listener's hop to this thread can overtake another's
        }
        // a new model reorders everything under the user's hands; a strategy switch is asked for
        boolean newModel = old == null || old.modelVersion() != newRanking.modelVersion();
        ranking.set(newRanking);
        queueModel.setOrder(newRanking.order(), newModel);
        edits.rankingShown(newRanking.order());
        publish();
        edits.refreshLabelled();
    }

    /** Copies the queue model's state into the properties the views bind to. */
    private void publish() {
        var now = queueModel.selection();
        selection.retainAll(now);
        selection.addAll(now);
        queue.set(queueModel.snapshot());
        focusedItem.set(queueModel.focused());
        hoveredItem.set(queueModel.hovered());
    }

    // ---- helpers ----

    private void runEdit(Runnable edit, String failure) {
        tasks.submit(Lane.EDITS, progress -> {
            edit.run();
            return null;
        }, done -> { }, error -> say(Notice.Kind.ERROR, failure + ": " + StatusText.describe(error)));
    }

    private void say(Notice.Kind kind, String text) {
        notice.set(new Notice(text, kind, ++noticeSeq));
    }

    private String fileName(int itemId) {
        var path = item(itemId).relativePath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Stops listening to the workspace. */
    public void dispose() {
        rounds.stop();
        modelSteps.stop();
        workspace.removeListener(listener);
    }

    /** Workspace callbacks arrive on worker threads; the state lives on the FX thread. */
    private final class FxHop implements WorkspaceListener {
        @Override
        public void labelsChanged() {
            Platform.runLater(edits::refreshLabelled);
        }

        @Override
        public void rankingChanged(Ranking newRanking) {
            Platform.runLater(() -> setRanking(newRanking));
        }

        @Override
        public void itemsChanged() {
            Platform.runLater(() -> {
                var items = workspace.items();
                queueModel.setItems(items);
                imageCount.set(countPresent(items));
                publish();
            });
        }

        @Override
        public void classesChanged() {
            Platform.runLater(() -> classes.setAll(workspace.classes()));
        }

        @Override
        public void modelChanged(ModelSummary summary) {
            Platform.runLater(() -> modelSteps.modelChanged(summary));
        }
    }
}
