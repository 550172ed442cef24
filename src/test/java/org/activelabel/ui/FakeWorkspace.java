package org.activelabel.ui;

import org.activelabel.session.LabelSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.activelabel.progress.ProgressSink;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.LabelEntry;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.WorkspaceListener;

/**
 * The label page's and the window's workspace in tests: in memory, over generated coloured images.
 * Each image has a hidden true class (its hue); the "model" guesses it with noise that shrinks at
 * every update. Records every label call and every blocking call made on the FX thread.
 */
public final class FakeWorkspace implements Workspace {

    public record LabelCall(int[] itemIds, int classIndex) {
    }

    private final Path root;
    private final List<ImageItem> items;
    private final int[] trueClass;
    private final List<String> classes = new CopyOnWriteArrayList<>();
    private final Map<Integer, LabelEntry> labels = new ConcurrentHashMap<>();
    private final Deque<Map<Integer, Optional<LabelEntry>>> undo = new ArrayDeque<>();
    private boolean autoUpdate = true;
    private final Deque<Map<Integer, Optional<LabelEntry>>> redo = new ArrayDeque<>();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    public final List<LabelCall> labelCalls = new CopyOnWriteArrayList<>();
    public final List<String> blockingCallsOnFxThread = new CopyOnWriteArrayList<>();
    private volatile Ranking ranking;
    private volatile ModelSummary model;
    private volatile String strategy = "default";
    private volatile int batchSize = 10;
    private final Hold updateHold = new Hold();
    /** What an update reports it took. */
    private static final long UPDATE_MILLIS = 300;
    private volatile RuntimeException nextUpdateFailure;
    private volatile RuntimeException nextLabelFailure;
    private volatile int updates;
    private final Random random = new Random(7);

    public FakeWorkspace(Path root, int count, List<String> classNames) {
        this.root = root;
        this.classes.addAll(classNames);
        this.trueClass = new int[count];
        var list = new ArrayList<ImageItem>();
        try {
            Files.createDirectories(root);
            for (int i = 0; i < count; i++) {
                trueClass[i] = i % classNames.size();
                var file = root.resolve(String.format("img_%05d.png", i));
                if (!Files.exists(file)) {
                    ImageIO.write(picture(i, trueClass[i], classNames.size()), "png", file.toFile());
                }
                list.add(new ImageItem(i, file.getFileName().toString(), file, Files.size(file), 0,
                        ImageItem.Status.FEATURISED, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        items = List.copyOf(list);
        ranking = rank(0.45, 1);
    }

    private BufferedImage picture(int index, int cls, int classCount) {
        var image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        float hue = (float) cls / classCount + (index % 7) * 0.01f;
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.getHSBColor(hue, 0.55f, 0.95f),
                96, 72, Color.getHSBColor(hue + 0.05f, 0.8f, 0.55f)));
        g.fillRect(0, 0, 96, 72);
        g.setColor(Color.getHSBColor(hue + 0.5f, 0.3f, 1f));
        int r = 12 + index % 17;
        g.fillOval(48 - r + (index % 11) - 5, 36 - r, 2 * r, 2 * r);
        g.dispose();
        return image;
    }

    /** Least-confidence ranking of the unlabelled items under a model with the given noise. */
    private Ranking rank(double noise, long version) {
        int n = items.size();
        int k = classes.size();
        var score = new double[n];
        var predicted = new int[n];
        var confidence = new float[n];
        var probabilities = new float[n][];
        var rng = new Random(version * 31 + 5);
        for (int i = 0; i < n; i++) {
            var p = new float[k];
            float sum = 0;
            for (int c = 0; c < k; c++) {
                p[c] = (float) (rng.nextDouble() * noise * 2 + (c == trueClass[i] % k ? 1 - noise : 0.02));
                sum += p[c];
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                p[c] /= sum;
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            probabilities[i] = p;
            predicted[i] = best;
            confidence[i] = p[best];
            score[i] = 1 - p[best];
        }
        int[] order = IntStream.range(0, n).filter(i -> !labels.containsKey(i)).boxed()
                .sorted((a, b) -> Double.compare(score[b], score[a])).mapToInt(Integer::intValue).toArray();
        return new Ranking(strategy, order, score, predicted, confidence, probabilities, version);
    }

    /** From now on an update runs until {@link #releaseUpdates()}, so a test can act while it runs. */
    public void holdUpdates() {
        updateHold.hold();
    }

    public void releaseUpdates() {
        updateHold.release();
    }

    /** From now on a cross-validation runs until {@link #releaseValidations()} or until it is cancelled. */
    public void holdValidations() {
        validationHold.hold();
    }

    public void releaseValidations() {
        validationHold.release();
    }

    /**
     * Work a test keeps running as long as it needs instead of for a guessed time; open (work ends at once) until
     * held. Waiting checks for cancellation, as the real work does between steps.
     */
    private static final class Hold {
        private volatile java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(0);

        void hold() {
            latch = new java.util.concurrent.CountDownLatch(1);
        }

        void release() {
            latch.countDown();
        }

        void await(ProgressSink progress) throws InterruptedException {
            var current = latch;
            while (!current.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                progress.checkCancelled();
            }
        }
    }

    /** The next label() throws this and changes nothing, as a full disk would. */
    public void failNextLabel(RuntimeException failure) {
        nextLabelFailure = failure;
    }

    public void failNextUpdate(RuntimeException failure) {
        nextUpdateFailure = failure;
    }

    public int updates() {
        return updates;
    }

    public int trueClass(int itemId) {
        return trueClass[itemId];
    }

    /** Publishes a ranking with the same predictions in a new order, as a strategy switch would. */
    public void reorder(int[] order) {
        var r = ranking;
        ranking = new Ranking(r.strategy(), order, r.score(), r.predicted(), r.confidence(), r.probabilities(),
                r.modelVersion());
        listeners.forEach(l -> l.rankingChanged(ranking));
    }

    /** A ranking as a session has before its first model: an order, no guesses. */
    public void forgetModel() {
        var r = ranking;
        int n = items.size();
        var none = new int[n];
        Arrays.fill(none, -1);
        ranking = new Ranking(r.strategy(), r.order(), r.score(), none, new float[n], new float[0][], 0);
        listeners.forEach(l -> l.rankingChanged(ranking));
    }

    private void blocking(String what) {
        if (Platform.isFxApplicationThread()) {
            blockingCallsOnFxThread.add(what);
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Path imageRoot() {
        return root;
    }

    @Override
    public Path sessionDir() {
        return root.resolveSibling("session");
    }

    @Override
    public synchronized boolean autoUpdate() {
        return autoUpdate;
    }

    @Override
    public synchronized void setAutoUpdate(boolean on) {
        blocking("setAutoUpdate");
        autoUpdate = on;
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
        throw new UnsupportedOperationException("not needed by the window");
    }

    @Override
    public List<ImageItem> items() {
        return items;
    }

    @Override
    public Optional<LabelEntry> labelOf(int itemId) {
        return Optional.ofNullable(labels.get(itemId));
    }

    /** Cross-validations started, finished and cancelled; each runs until released when held. */
    public final java.util.concurrent.atomic.AtomicInteger validationsStarted = new java.util.concurrent.atomic.AtomicInteger();
    public final java.util.concurrent.atomic.AtomicInteger validationsDone = new java.util.concurrent.atomic.AtomicInteger();
    public final java.util.concurrent.atomic.AtomicInteger validationsCancelled = new java.util.concurrent.atomic.AtomicInteger();
    private final Hold validationHold = new Hold();

    @Override
    public Optional<ModelSummary> validateModel(ProgressSink progress) {
        blocking("validateModel");
        validationsStarted.incrementAndGet();
        try {
            validationHold.await(progress);
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            validationsCancelled.incrementAndGet();
            throw new java.util.concurrent.CancellationException("cancelled");
        }
        validationsDone.incrementAndGet();
        return model();
    }

    /** The model's own labels that {@link #pseudoLabels()} reports. */
    public final Map<Integer, LabelEntry> pseudo = new ConcurrentHashMap<>();

    @Override
    public Map<Integer, LabelEntry> pseudoLabels() {
        return Map.copyOf(pseudo);
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
        return strategy;
    }

    @Override
    public void setStrategy(String strategyName) {
        blocking("setStrategy");
        strategy = strategyName;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void setBatchSize(int size) {
        blocking("setBatchSize");
        batchSize = size;
    }

    @Override
    public synchronized void label(int[] itemIds, int classIndex) {
        blocking("label");
        var failure = nextLabelFailure;
        if (failure != null) {
            nextLabelFailure = null;
            throw failure;
        }
        labelCalls.add(new LabelCall(itemIds.clone(), classIndex));
        var before = new HashMap<Integer, Optional<LabelEntry>>();
        for (int id : itemIds) {
            before.put(id, labelOf(id));
            labels.put(id, new LabelEntry(classIndex, LabelSource.HUMAN, Instant.now()));
        }
        undo.push(before);
        redo.clear();
        listeners.forEach(WorkspaceListener::labelsChanged);
    }

    @Override
    public synchronized void unlabel(int[] itemIds) {
        blocking("unlabel");
        var before = new HashMap<Integer, Optional<LabelEntry>>();
        for (int id : itemIds) {
            before.put(id, labelOf(id));
            labels.remove(id);
        }
        undo.push(before);
        redo.clear();
        listeners.forEach(WorkspaceListener::labelsChanged);
    }

    @Override
    public synchronized int[] undo() {
        blocking("undo");
        return swap(undo, redo);
    }

    @Override
    public synchronized int[] redo() {
        blocking("redo");
        return swap(redo, undo);
    }

    private int[] swap(Deque<Map<Integer, Optional<LabelEntry>>> from, Deque<Map<Integer, Optional<LabelEntry>>> to) {
        if (from.isEmpty()) {
            return new int[0];
        }
        var restore = from.pop();
        var current = new HashMap<Integer, Optional<LabelEntry>>();
        restore.forEach((id, entry) -> {
            current.put(id, labelOf(id));
            entry.ifPresentOrElse(e -> labels.put(id, e), () -> labels.remove(id));
        });
        to.push(current);
        listeners.forEach(WorkspaceListener::labelsChanged);
        return restore.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    public final java.util.concurrent.atomic.AtomicInteger rescans = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public org.activelabel.workspace.RescanReport rescan() {
        rescans.incrementAndGet();
        return org.activelabel.workspace.RescanReport.NOTHING;
    }

    @Override
    public void featurize(ProgressSink progress) {
        blocking("featurize");
    }

    @Override
    public ModelSummary updateModel(boolean full, ProgressSink progress) {
        blocking("updateModel");
        int steps = 10;
        for (int step = 0; step < steps; step++) {
            progress.progress(step, steps, "Training step " + (step + 1) + " of " + steps);
            if (step == steps / 2) {
                try {
                    updateHold.await(progress);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
            progress.checkCancelled();
        }
        var failure = nextUpdateFailure;
        if (failure != null) {
            nextUpdateFailure = null;
            throw failure;
        }
        int version = ++updates + 1;
        double noise = Math.max(0.05, 0.45 - 0.08 * updates);
        ranking = rank(noise, version);
        var curve = new ArrayList<ModelSummary.CurvePoint>();
        if (model != null) {
            curve.addAll(model.learningCurve());
        }
        double accuracy = 1 - noise;
        curve.add(new ModelSummary.CurvePoint(labels.size(), accuracy));
        model = new ModelSummary(version, labels.size(), accuracy, true, UPDATE_MILLIS, full,
                new int[classes.size()][classes.size()], curve);
        listeners.forEach(l -> l.rankingChanged(ranking));
        listeners.forEach(l -> l.modelChanged(model));
        return model;
    }

    @Override
    public List<SuspectLabel> suspectLabels() {
        return List.of();
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

    /** Every item labelled through label(), flattened in call order. */
    public int[] labelledInCallOrder() {
        return labelCalls.stream().flatMapToInt(call -> Arrays.stream(call.itemIds())).toArray();
    }
}
