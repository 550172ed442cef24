package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.activelabel.progress.ProgressSink;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.LabelEntry;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.WorkspaceListener;

/**
 * The Review tests' workspace: its classes, labels, ranking, model and suspects are set by hand, so a test
 * states exactly what the tab shows; it records every label call. (The label page's tests use
 * {@link org.activelabel.ui.FakeWorkspace}, which simulates a model learning.)
 */
final class HandSetWorkspace implements Workspace {

    record LabelCall(List<Integer> itemIds, int classIndex) {
    }

    private final Path imageRoot;
    private final List<String> classes = new CopyOnWriteArrayList<>();
    private final List<ImageItem> items = new CopyOnWriteArrayList<>();
    private final Map<Integer, LabelEntry> labels = new HashMap<>();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    final List<LabelCall> labelCalls = new CopyOnWriteArrayList<>();
    private volatile Ranking ranking = Ranking.empty("margin");
    private volatile ModelSummary model;
    private volatile List<SuspectLabel> suspects = List.of();

    HandSetWorkspace(List<String> classNames, List<String> files) {
        this(Path.of("/images"), classNames, files);
    }

    HandSetWorkspace(Path imageRoot, List<String> classNames, List<String> files) {
        this.imageRoot = imageRoot;
        classes.addAll(classNames);
        for (int id = 0; id < files.size(); id++) {
            items.add(new ImageItem(id, files.get(id), imageRoot.resolve(files.get(id)), 1000, 0,
                    ImageItem.Status.FEATURISED, null));
        }
    }

    void setRanking(Ranking next) {
        ranking = next;
        listeners.forEach(listener -> listener.rankingChanged(next));
    }

    void setModel(ModelSummary next) {
        model = next;
        listeners.forEach(listener -> listener.modelChanged(next));
    }

    void setSuspects(List<SuspectLabel> next) {
        suspects = List.copyOf(next);
    }

    void putLabel(int itemId, int classIndex, LabelSource source) {
        synchronized (labels) {
            labels.put(itemId, new LabelEntry(classIndex, source, Instant.EPOCH));
        }
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Path imageRoot() {
        return imageRoot;
    }

    @Override
    public Path sessionDir() {
        return imageRoot.resolveSibling("session");
    }

    @Override
    public boolean autoUpdate() {
        return false;
    }

    @Override
    public void setAutoUpdate(boolean on) {
    }

    @Override
    public List<String> classes() {
        return List.copyOf(classes);
    }

    @Override
    public void addClass(String name) {
        classes.add(name);
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void renameClass(int classIndex, String newName) {
        classes.set(classIndex, newName);
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void mergeClass(int from, int into) {
        throw new UnsupportedOperationException("not needed by the review pane");
    }

    @Override
    public List<ImageItem> items() {
        return List.copyOf(items);
    }

    @Override
    public Optional<LabelEntry> labelOf(int itemId) {
        synchronized (labels) {
            return Optional.ofNullable(labels.get(itemId));
        }
    }

    @Override
    public Ranking ranking() {
        return ranking;
    }

    @Override
    public String backboneId() {
        return "fake-backbone";
    }

    @Override
    public String backboneDescription() {
        return "A stand-in backbone, 8 features";
    }

    @Override
    public Optional<ModelSummary> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public String strategy() {
        return ranking.strategy();
    }

    @Override
    public void setStrategy(String strategyName) {
        throw new UnsupportedOperationException("not needed by the review pane");
    }

    @Override
    public int batchSize() {
        return 10;
    }

    @Override
    public void setBatchSize(int batchSize) {
        throw new UnsupportedOperationException("not needed by the review pane");
    }

    @Override
    public void label(int[] itemIds, int classIndex) {
        var ids = new ArrayList<Integer>();
        for (int id : itemIds) {
            putLabel(id, classIndex, LabelSource.HUMAN);
            ids.add(id);
        }
        labelCalls.add(new LabelCall(ids, classIndex));
        listeners.forEach(WorkspaceListener::labelsChanged);
    }

    @Override
    public void unlabel(int[] itemIds) {
        synchronized (labels) {
            for (int id : itemIds) {
                labels.remove(id);
            }
        }
        listeners.forEach(WorkspaceListener::labelsChanged);
    }

    @Override
    public int[] undo() {
        return new int[0];
    }

    @Override
    public int[] redo() {
        return new int[0];
    }

    @Override
    public void featurize(ProgressSink progress) {
    }

    @Override
    public ModelSummary updateModel(boolean full, ProgressSink progress) {
        throw new UnsupportedOperationException("not needed by the review pane");
    }

    @Override
    public List<SuspectLabel> suspectLabels() {
        return suspects;
    }

    @Override
    public void addListener(WorkspaceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(WorkspaceListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
    }
}
