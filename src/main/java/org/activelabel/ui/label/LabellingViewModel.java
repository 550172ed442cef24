package org.activelabel.ui.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.BackgroundTasks.Lane;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.LabelEntry;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.WorkspaceListener;

/**
 * State and actions of the labelling page: the ranked queue, focus and selection, labelling
 * with undo, and rounds of model updates. Used on the FX thread; every workspace write and
 * every model update goes through {@link BackgroundTasks}.
 */
public final class LabellingViewModel {

    public static final List<String> STRATEGIES =
            List.of("default", "least-confidence", "margin", "entropy", "bald", "kcenter", "hybrid", "random");

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final WorkspaceListener listener = new FxHop();

    private final ReadOnlyObjectWrapper<Ranking> ranking = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<QueueSnapshot> queue = new ReadOnlyObjectWrapper<>(QueueSnapshot.EMPTY);
    private final ReadOnlyIntegerWrapper focusedItem = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper hoveredItem = new ReadOnlyIntegerWrapper(-1);
    private final ObservableSet<Integer> selection = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<Integer> selectionView = FXCollections.unmodifiableObservableSet(selection);
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<String> classesView = FXCollections.unmodifiableObservableList(classes);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty autoUpdate = new SimpleBooleanProperty(true);
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final ObjectProperty<String> strategy = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper labelsThisRound = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper labelledCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper trainingProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper trainingMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ModelSummary> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    private List<ImageItem> items;
    /** Labelled by this window, label not yet confirmed by the workspace: hidden at once. */
    private final Set<Integer> pendingLabelled = new HashSet<>();
    /** Queue items the workspace says are labelled (the ranking may be older than the labels). */
    private Set<Integer> confirmedLabelled = new HashSet<>();
    /** Images brought back by undo that the current ranking does not list: shown first until it does. */
    private final Set<Integer> restored = new LinkedHashSet<>();
    private boolean[] inOrder = new boolean[0];
    private final Deque<int[]> undoIds = new ArrayDeque<>();
    private final Deque<int[]> redoIds = new ArrayDeque<>();
    /** The ranking's order with the images under the pointer and focus kept where they were when it came. */
    private int[] shownOrder = new int[0];
    /** The ranking's order, readable by the refresh that runs off the FX thread. */
    private volatile int[] latestOrder = new int[0];
    private int focusWhenShown = -1;
    private int selectionAnchor = -1;
    private boolean refreshQueued;
    private Task<ModelSummary> trainingTask;
    // cross-validation is k refits: it waits until the person pauses, so it never competes with their labelling
    private final PauseTransition validateWhenIdle = new PauseTransition(Duration.seconds(2.5));
    private Task<Optional<ModelSummary>> validationTask;
    private int labelsAtUpdateStart;
    private long noticeSeq;

    public LabellingViewModel(Workspace workspace, BackgroundTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        validateWhenIdle.setOnFinished(event -> validate());
        items = workspace.items();
        classes.setAll(workspace.classes());
        batchSize.set(workspace.batchSize());
        strategy.set(workspace.strategy());
        model.set(workspace.model().orElse(null));
        ranking.set(workspace.ranking());
        latestOrder = ranking.get().order();
        shownOrder = latestOrder;
        markOrder();
        rebuildQueue(0);
        search.addListener((obs, old, now) -> rebuildQueue(queue.get().indexOf(focusedItem.get())));
        strategy.addListener((obs, old, name) -> {
            if (name != null && !name.equals(workspace.strategy())) {
                runEdit(() -> workspace.setStrategy(name), "Could not switch to strategy " + name);
            }
        });
        batchSize.addListener((obs, old, size) -> {
            if (size.intValue() > 0 && size.intValue() != workspace.batchSize()) {
                runEdit(() -> workspace.setBatchSize(size.intValue()), "Could not change the batch size");
            }
            startRoundIfDue();
        });
        autoUpdate.addListener((obs, old, on) -> startRoundIfDue());
        status.set(model.get() == null
                ? "Label the images the model is least sure of: number keys or the class buttons; ? shows every shortcut."
                : describe(model.get()));
        workspace.addListener(listener);
        refreshLabelled();
    }

    // ---- reading ----

    public Workspace workspace() {
        return workspace;
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

    public int itemCount() {
        return items.size();
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** Fraction done of the running update, -1 when unknown. */
    public ReadOnlyDoubleProperty trainingProgressProperty() {
        return trainingProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainingMessageProperty() {
        return trainingMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelSummary> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ImageItem item(int itemId) {
        return items.get(itemId);
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
        return itemId < r.predicted().length ? r.predicted()[itemId] : -1;
    }

    public float confidence(int itemId) {
        var r = ranking.get();
        return itemId < r.confidence().length ? r.confidence()[itemId] : Float.NaN;
    }

    public double score(int itemId) {
        var r = ranking.get();
        return itemId < r.score().length ? r.score()[itemId] : Double.NaN;
    }

    /** Per-class probabilities for the item, or null when the model has none. */
    public float[] probabilities(int itemId) {
        var r = ranking.get();
        return itemId < r.probabilities().length ? r.probabilities()[itemId] : null;
    }

    public String className(int classIndex) {
        return classIndex >= 0 && classIndex < classes.size() ? classes.get(classIndex) : "?";
    }

    // ---- focus and selection ----

    public void focus(int itemId) {
        focusedItem.set(itemId);
    }

    /** The pointer is over {@code itemId}'s tile now, or over none with -1; a new model leaves that tile in place. */
    public void hover(int itemId) {
        hoveredItem.set(itemId);
    }

    /** A click on a tile: plain focuses, Ctrl toggles the tile in the selection, Shift selects a range. */
    public void click(int itemId, boolean shift, boolean ctrl) {
        if (shift && selectionAnchor >= 0) {
            selectRange(selectionAnchor, itemId);
        } else if (ctrl) {
            if (!selection.remove(itemId)) {
                selection.add(itemId);
            }
            selectionAnchor = itemId;
        } else {
            selection.clear();
            selectionAnchor = itemId;
        }
        focusedItem.set(itemId);
    }

    /** Moves focus by {@code delta} places in the queue; with {@code extend} the selection follows. */
    public void moveFocus(int delta, boolean extend) {
        var q = queue.get();
        if (q.size() == 0) {
            return;
        }
        int from = q.indexOf(focusedItem.get());
        int to = from < 0 ? 0 : Math.max(0, Math.min(q.size() - 1, from + delta));
        int target = q.get(to);
        if (extend) {
            if (selectionAnchor < 0 || q.indexOf(selectionAnchor) < 0) {
                selectionAnchor = from < 0 ? target : q.get(from);
            }
            selectRange(selectionAnchor, target);
        } else {
            selection.clear();
            selectionAnchor = target;
        }
        focusedItem.set(target);
    }

    /** Drag selection: every tile between the two, in queue order. */
    public void selectRange(int fromItem, int toItem) {
        var q = queue.get();
        int a = q.indexOf(fromItem);
        int b = q.indexOf(toItem);
        if (a < 0 || b < 0) {
            return;
        }
        var range = new HashSet<Integer>();
        for (int i = Math.min(a, b); i <= Math.max(a, b); i++) {
            range.add(q.get(i));
        }
        selection.retainAll(range);
        selection.addAll(range);
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Leaves the focused image for later and moves on. */
    public void skip() {
        moveFocus(1, false);
    }

    // ---- labelling ----

    /** The selected images in queue order, or the focused one when nothing is selected. */
    public int[] targets() {
        var q = queue.get();
        if (!selection.isEmpty()) {
            return Arrays.stream(q.ids()).filter(selection::contains).toArray();
        }
        int focused = focusedItem.get();
        return focused >= 0 && q.indexOf(focused) >= 0 ? new int[] {focused} : new int[0];
    }

    public void label(int classIndex) {
        if (classIndex < 0 || classIndex >= classes.size()) {
            return;
        }
        int[] ids = targets();
        if (ids.length == 0) {
            return;
        }
        applyLabel(ids, classIndex);
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
            applyLabel(ids, entry.getKey());
            count += ids.length;
        }
        say(Notice.Kind.SUCCESS, String.format("Accepted %d suggestion%s — Ctrl+Z to undo",
                count, count == 1 ? "" : "s"));
    }

    private void applyLabel(int[] ids, int classIndex) {
        int focusIndex = queue.get().indexOf(focusedItem.get());
        for (int id : ids) {
            pendingLabelled.add(id);
        }
        selection.clear();
        rebuildQueue(Math.max(0, focusIndex));
        undoIds.push(ids);
        redoIds.clear();
        labelsThisRound.set(labelsThisRound.get() + ids.length);
        deferValidation();
        tasks.submit(Lane.EDITS, progress -> {
            workspace.label(ids, classIndex);
            return null;
        }, done -> {
            for (int id : ids) {
                pendingLabelled.remove(id);
                confirmedLabelled.add(id);
            }
            labelledCount.set(labelledCount.get() + ids.length);
            startRoundIfDue();
        }, error -> {
            for (int id : ids) {
                pendingLabelled.remove(id);
            }
            labelsThisRound.set(Math.max(0, labelsThisRound.get() - ids.length));
            rebuildQueue(queue.get().indexOf(focusedItem.get()));
            say(Notice.Kind.ERROR, "The label was not saved: " + describe(error));
        });
    }

    public void undo() {
        deferValidation();
        tasks.submit(Lane.EDITS, progress -> workspace.undo(), undone -> {
            if (undone.length == 0) {
                say(Notice.Kind.INFO, "Nothing to undo");
                return;
            }
            if (!undoIds.isEmpty()) {
                int[] ids = undoIds.pop();
                redoIds.push(ids);
                focusWhenShown = ids[0];
                for (int id : ids) {
                    confirmedLabelled.remove(id);
                    if (id >= inOrder.length || !inOrder[id]) {
                        restored.add(id);
                    }
                }
                labelsThisRound.set(Math.max(0, labelsThisRound.get() - ids.length));
            }
            say(Notice.Kind.INFO, "Undone");
            refreshLabelled();
        }, error -> say(Notice.Kind.ERROR, "Undo failed: " + describe(error)));
    }

    public void redo() {
        deferValidation();
        tasks.submit(Lane.EDITS, progress -> workspace.redo(), redone -> {
            if (redone.length == 0) {
                say(Notice.Kind.INFO, "Nothing to redo");
                return;
            }
            if (!redoIds.isEmpty()) {
                int[] ids = redoIds.pop();
                undoIds.push(ids);
                labelsThisRound.set(labelsThisRound.get() + ids.length);
            }
            say(Notice.Kind.INFO, "Redone");
            refreshLabelled();
        }, error -> say(Notice.Kind.ERROR, "Redo failed: " + describe(error)));
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
        }, done -> {
            undoIds.clear();
            redoIds.clear();
            say(Notice.Kind.SUCCESS, "Merged " + fromName + " into " + intoName);
        }, error -> say(Notice.Kind.ERROR, "Could not merge " + fromName + " into " + intoName + ": " + describe(error)));
    }

    // ---- model updates ----

    /**
     * Featurises the images not in the cache yet, in the model lane so an update waits for it;
     * labelling goes on meanwhile and the queue grows as images are read.
     */
    public void featurizeNewImages() {
        long pending = items.stream().filter(i -> i.status() == ImageItem.Status.PENDING).count();
        if (pending == 0 || training.get()) {
            return;
        }
        training.set(true);
        status.set("Reading " + pending + " new images; you can label while the queue fills…");
        var eta = new ReadingEta(System.nanoTime());
        trainingTask = tasks.submit(Lane.MODEL, progress -> {
            workspace.featurize(progress);
            return null;
        }, done -> {
            endTraining();
            status.set("All images read. Label the images the model is least sure of; ? shows every shortcut.");
            startRoundIfDue();
        }, error -> {
            endTraining();
            status.set(error instanceof CancellationException
                    ? "Reading images cancelled; what was read is kept and the rest is read next time."
                    : "Reading images failed: " + describe(error));
        });
        trainingProgress.bind(trainingTask.progressProperty());
        var task = trainingTask;
        trainingMessage.set("Reading images…");
        task.workDoneProperty().addListener((obs, old, done) -> {
            if (trainingTask == task) {
                trainingMessage.set(eta.describe((long) task.getWorkDone(), (long) task.getTotalWork(), System.nanoTime()));
            }
        });
    }

    /** Starts an update in the background unless one is running. */
    public void updateModel(boolean full) {
        if (training.get()) {
            say(Notice.Kind.INFO, "Wait for the running background step to finish");
            return;
        }
        stopValidation();
        training.set(true);
        labelsAtUpdateStart = labelsThisRound.get();
        labelsThisRound.set(0);
        status.set(full ? "Refitting the model on all labels…" : "Updating the model…");
        trainingTask = tasks.submit(Lane.MODEL, progress -> workspace.updateModel(full, progress),
                this::updateFinished, this::updateFailed);
        trainingProgress.bind(trainingTask.progressProperty());
        trainingMessage.bind(trainingTask.messageProperty());
    }

    public void cancelUpdate() {
        if (trainingTask != null && training.get()) {
            trainingTask.cancel();
        }
    }

    private void updateFinished(ModelSummary summary) {
        endTraining();
        model.set(summary);
        status.set(describe(summary));
        validateWhenIdle.playFromStart();
        startRoundIfDue();
    }

    /** The person is labelling: cross-validation waits, and a running one stops, until they pause. */
    private void deferValidation() {
        if (validationTask != null) {
            stopValidation();
            validateWhenIdle.playFromStart();
        } else if (validateWhenIdle.getStatus() == Animation.Status.RUNNING) {
            validateWhenIdle.playFromStart();
        }
    }

    private void stopValidation() {
        validateWhenIdle.stop();
        if (validationTask != null) {
            validationTask.cancel();
            validationTask = null;
        }
    }

    private void validate() {
        if (training.get()) {
            return; // the update's end starts the wait again
        }
        @SuppressWarnings("unchecked")
        Task<Optional<ModelSummary>>[] self = new Task[1];
        self[0] = tasks.submit(Lane.MODEL, workspace::validateModel, summary -> {
            if (validationTask == self[0]) {
                validationTask = null;
                summary.ifPresent(s -> {
                    model.set(s);
                    status.set(describe(s));
                });
            }
        }, error -> {
            if (validationTask == self[0]) {
                validationTask = null;
                if (!(error instanceof CancellationException)) {
                    status.set("Cross-validating the model failed: " + describe(error));
                }
            }
        });
        validationTask = self[0];
    }

    private void updateFailed(Throwable error) {
        endTraining();
        labelsThisRound.set(labelsThisRound.get() + labelsAtUpdateStart);
        if (error instanceof CancellationException) {
            status.set("Update cancelled; the previous model stays in use.");
        } else {
            status.set("The last update failed; the previous model stays in use.");
            say(Notice.Kind.ERROR, "The model update failed: " + describe(error)
                    + ". The previous model stays in use; your labels are kept.");
        }
    }

    private void endTraining() {
        trainingProgress.unbind();
        trainingMessage.unbind();
        trainingProgress.set(-1);
        trainingMessage.set("");
        training.set(false);
        trainingTask = null;
    }

    private void startRoundIfDue() {
        if (autoUpdate.get() && !training.get() && batchSize.get() > 0
                && labelsThisRound.get() >= batchSize.get() && pendingLabelled.isEmpty()) {
            updateModel(false);
        }
    }

    /** "Reading images 120/320 · about 8 s left", the rate measured from the first image read in this run. */
    static final class ReadingEta {
        private long firstDone = -1;
        private long firstNanos;
        private final long startNanos;

        ReadingEta(long startNanos) {
            this.startNanos = startNanos;
        }

        String describe(long done, long total, long nowNanos) {
            if (total <= 0 || done < 0) {
                return "Reading images…";
            }
            if (firstDone < 0 || done < firstDone) {
                firstDone = done;
                firstNanos = nowNanos;
            }
            var text = String.format(Locale.ROOT, "Reading images %d/%d", done, total);
            long read = done - firstDone;
            double seconds = (nowNanos - firstNanos) / 1e9;
            if (read < 8 || seconds < 1 || nowNanos - startNanos < 2_000_000_000L) {
                return text;
            }
            long left = Math.round((total - done) / (read / seconds));
            return text + (left < 60 ? " · about " + Math.max(1, left) + " s left"
                    : String.format(Locale.ROOT, " · about %d min %02d s left", left / 60, left % 60));
        }
    }

    static String describe(ModelSummary summary) {
        var accuracy = Double.isNaN(summary.cvAccuracy()) ? "accuracy not known yet (too few labels)"
                : String.format(Locale.ROOT, "cross-validated accuracy %.0f%%", summary.cvAccuracy() * 100);
        return String.format(Locale.ROOT, "Model v%d: %s on %d labels in %.1f s, %s.", summary.version(),
                summary.full() ? "refitted" : "updated", summary.labelled(), summary.trainMillis() / 1000.0, accuracy);
    }

    // ---- queue ----

    private void setRanking(Ranking newRanking) {
        var old = ranking.get();
        // a new model reorders everything under the user's hands; a strategy switch is asked for
        boolean newModel = old == null || old.modelVersion() != newRanking.modelVersion();
        var keep = newModel ? placesToKeep() : new TreeMap<Integer, Integer>();
        ranking.set(newRanking);
        latestOrder = newRanking.order();
        markOrder();
        restored.removeIf(id -> id < inOrder.length && inOrder[id]);
        keep.values().removeIf(id -> id >= inOrder.length || !inOrder[id]);
        shownOrder = keep.isEmpty() ? latestOrder : keepInPlace(latestOrder, keep);
        int focusIndex = queue.get().indexOf(focusedItem.get());
        rebuildQueue(Math.max(0, focusIndex));
        refreshLabelled();
    }

    /** Queue place → image, for the images under the pointer and the keyboard focus. */
    private TreeMap<Integer, Integer> placesToKeep() {
        var places = new TreeMap<Integer, Integer>();
        for (int id : new int[] {hoveredItem.get(), focusedItem.get()}) {
            int index = queue.get().indexOf(id);
            if (index >= 0 && !restored.contains(id)) {
                places.put(index, id);
            }
        }
        return places;
    }

    /** {@code order} with each image of {@code places} moved so that it shows at its place in the queue. */
    private int[] keepInPlace(int[] order, TreeMap<Integer, Integer> places) {
        var needle = needle();
        var moved = new HashSet<>(places.values());
        int[] result = new int[order.length];
        int written = 0;
        int shown = (int) restored.stream().filter(id -> isShown(id, needle)).count();
        var next = places.entrySet().iterator();
        var place = next.hasNext() ? next.next() : null;
        for (int id : order) {
            if (moved.contains(id)) {
                continue;
            }
            while (place != null && shown >= place.getKey()) {
                result[written++] = place.getValue();
                shown++;
                place = next.hasNext() ? next.next() : null;
            }
            result[written++] = id;
            if (isShown(id, needle)) {
                shown++;
            }
        }
        while (place != null) {
            result[written++] = place.getValue();
            place = next.hasNext() ? next.next() : null;
        }
        return result;
    }

    private void markOrder() {
        inOrder = new boolean[items.size()];
        for (int id : latestOrder) {
            if (id < inOrder.length) {
                inOrder[id] = true;
            }
        }
    }

    /** Rebuilds the visible queue; focus stays on its item, or goes to the one now at {@code fallbackIndex}. */
    private void rebuildQueue(int fallbackIndex) {
        var needle = needle();
        var restoredFirst = restored.stream().mapToInt(Integer::intValue);
        int[] visible = java.util.stream.IntStream.concat(restoredFirst, Arrays.stream(shownOrder))
                .filter(id -> isShown(id, needle))
                .toArray();
        // the same ids again (a label confirmed, a ranking that only dropped it) would redraw the grid for nothing
        var snapshot = Arrays.equals(visible, queue.get().ids()) ? queue.get() : new QueueSnapshot(visible);
        selection.removeIf(id -> snapshot.indexOf(id) < 0);
        queue.set(snapshot);
        if (focusWhenShown >= 0 && snapshot.indexOf(focusWhenShown) >= 0) {
            focusedItem.set(focusWhenShown);
            focusWhenShown = -1;
        } else if (snapshot.indexOf(focusedItem.get()) < 0) {
            focusedItem.set(visible.length == 0 ? -1 : visible[Math.max(0, Math.min(visible.length - 1, fallbackIndex))]);
        }
    }

    private String needle() {
        return search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the queue lists {@code id}: not labelled, and its file name matches the search. */
    private boolean isShown(int id, String needle) {
        return !pendingLabelled.contains(id) && !confirmedLabelled.contains(id)
                && (needle.isEmpty() || (id < items.size()
                        && items.get(id).relativePath().toLowerCase(Locale.ROOT).contains(needle)));
    }

    /** Asks the workspace (off the FX thread) which queued images are labelled now. */
    private void refreshLabelled() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        var extra = List.copyOf(restored);
        tasks.submit(Lane.EDITS, progress -> {
            // a change after this point needs a new look
            Platform.runLater(() -> refreshQueued = false);
            var order = latestOrder;
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
            int total = 0;
            for (var item : workspace.items()) {
                if (workspace.labelOf(item.id()).isPresent()) {
                    total++;
                }
            }
            return new LabelledState(labelled, total);
        }, state -> {
            confirmedLabelled = state.labelledInQueue();
            labelledCount.set(state.total());
            rebuildQueue(Math.max(0, queue.get().indexOf(focusedItem.get())));
        }, error -> say(Notice.Kind.ERROR, "Could not read the labels: " + describe(error)));
    }

    private record LabelledState(Set<Integer> labelledInQueue, int total) {
    }

    // ---- helpers ----

    private void runEdit(Runnable edit, String failure) {
        tasks.submit(Lane.EDITS, progress -> {
            edit.run();
            return null;
        }, done -> { }, error -> say(Notice.Kind.ERROR, failure + ": " + describe(error)));
    }

    private void say(Notice.Kind kind, String text) {
        notice.set(new Notice(text, kind, ++noticeSeq));
    }

    private String fileName(int itemId) {
        var path = items.get(itemId).relativePath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(Throwable error) {
        var message = error.getMessage();
        var cause = error.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Stops listening to the workspace. */
    public void dispose() {
        stopValidation();
        workspace.removeListener(listener);
    }

    /** Workspace callbacks arrive on worker threads; the state lives on the FX thread. */
    private final class FxHop implements WorkspaceListener {
        @Override
        public void labelsChanged() {
            Platform.runLater(LabellingViewModel.this::refreshLabelled);
        }

        @Override
        public void rankingChanged(Ranking newRanking) {
            Platform.runLater(() -> setRanking(newRanking));
        }

        @Override
        public void itemsChanged() {
            Platform.runLater(() -> {
                items = workspace.items();
                rebuildQueue(Math.max(0, queue.get().indexOf(focusedItem.get())));
            });
        }

        @Override
        public void classesChanged() {
            Platform.runLater(() -> classes.setAll(workspace.classes()));
        }

        @Override
        public void modelChanged(ModelSummary summary) {
            Platform.runLater(() -> model.set(summary));
        }
    }
}
