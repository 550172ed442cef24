package org.activelabel.workspace;

import org.activelabel.session.LabelSource;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.activelabel.backbone.Backbone;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FeaturizeReport;
import org.activelabel.features.Featurizer;
import org.activelabel.features.FileKey;
import org.activelabel.features.SkippedImage;
import org.activelabel.image.ImageScanner;
import org.activelabel.image.ScanResult;
import org.activelabel.image.ScannedImage;
import org.activelabel.model.CrossValidation;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadStore;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.SelfTraining;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.PoolRanking;
import org.activelabel.query.QueryContext;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.Strategies;
import org.activelabel.query.TypicalDiverseColdStart;
import org.activelabel.session.HistoryEntry;
import org.activelabel.session.LabelEvent;
import org.activelabel.session.LabelState;
import org.activelabel.session.Session;
import org.activelabel.session.SessionClass;
import org.activelabel.session.SessionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Workspace} over a session folder: the composition of the session store, the
 * feature cache, the head and the query strategies. One instance per open session.
 *
 * <p>Mutable state (labels, undo history) is guarded by one lock and published as immutable
 * values ({@link Ranking}, {@link ModelSummary}); model updates train outside the lock on a
 * copy of the labels, so labelling goes on while a model trains.
 */
public final class SessionWorkspace implements Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWorkspace.class);
    private static final String HEAD_FILE = "head.json";
    private static final int CV_FOLDS = 5;
    private static final double SUSPECT_CONFIDENCE = 0.6;
    // while featurising, re-rank at most this often so the queue grows without hogging a core
    private static final long RERANK_INTERVAL_NANOS = 1_500_000_000L;

    private final Session session;
    private final Backbone backbone;
    private final FeatureStore store;
    private final HeadTrainer trainer;
    private final SelfTraining selfTraining;
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock updateLock = new ReentrantLock();

    // guarded by lock
    private List<ImageItem> items;
    private final Map<String, Integer> idByPath = new HashMap<>();
    private float[][] features;
    private final Map<Integer, LabelEntry> labels = new HashMap<>();
    private final Deque<List<Change>> undo = new ArrayDeque<>();
    private final Deque<List<Change>> redo = new ArrayDeque<>();
    private int labelsSinceModel;

    private volatile ModelSnapshot head;
    private volatile float[][] headProbabilities; // by item id, for `head`
    private volatile ModelSummary summary;
    private volatile List<SuspectLabel> suspects = List.of();
    private volatile Map<Integer, LabelEntry> pseudoLabels = Map.of();
    private volatile Unvalidated unvalidated; // guarded by updateLock for writes
    private volatile Ranking ranking;
    private volatile QueryStrategy strategy;
    private volatile Set<Integer> lastTrainedIds = Set.of(); // items the current head was trained on

    /** One label change: an item's label before and after (empty = unlabelled). */
    private record Change(int itemId, Optional<LabelEntry> before, Optional<LabelEntry> after) {
        Change inverse() {
            return new Change(itemId, after, before);
        }
    }

    private SessionWorkspace(Session session, Backbone backbone, HeadConfig headConfig) throws IOException {
        this.session = session;
        this.backbone = backbone;
        this.trainer = new HeadTrainer(headConfig);
        this.selfTraining = new SelfTraining(trainer, SelfTraining.Settings.defaults());
        this.store = FeatureStore.open(session.featuresDir(), backbone.id(), backbone.featureDim());
        this.strategy = strategyOrDefault(session.settings().strategy());
        this.ranking = Ranking.empty(strategy.name());
    }

    /** Opens an existing session folder (taking its lock) and scans its images. Blocking. */
    public static SessionWorkspace open(Path sessionDir, Backbone backbone) throws IOException {
        Session session = Session.open(sessionDir);
        return start(session, backbone);
    }

    /**
     * Opens like {@link #open} but leaves the saved model on disk, so a window can show the queue
     * before DL4J starts; {@link #loadSavedModel()} loads it after. Blocking.
     */
    public static SessionWorkspace openModelLater(Path sessionDir, Backbone backbone) throws IOException {
        return start(Session.open(sessionDir), backbone, false);
    }

    /** Loads the saved model left by {@link #openModelLater}, re-ranks and tells the listeners. Blocking. */
    @Override
    public void loadSavedModel() {
        updateLock.lock();
        try {
            if (head != null) {
                return;
            }
            loadHead();
            if (head == null) {
                return;
            }
            rerank();
        } finally {
            updateLock.unlock();
        }
        ModelSummary loaded = summary;
        listeners.forEach(l -> l.modelChanged(loaded));
    }

    /** Creates a session folder for an image folder and opens it. Blocking. */
    public static SessionWorkspace create(Path sessionDir, String name, Path imageRoot, List<String> classes,
                                          Backbone backbone) throws IOException {
        Session session = Session.create(sessionDir, name, imageRoot, classes, backbone.id());
        return start(session, backbone);
    }

    private static SessionWorkspace start(Session session, Backbone backbone) throws IOException {
        return start(session, backbone, true);
    }

    private static SessionWorkspace start(Session session, Backbone backbone, boolean withModel) throws IOException {
        try {
            var workspace = new SessionWorkspace(session, backbone, HeadConfig.defaults());
            workspace.scan();
            if (withModel) {
                workspace.loadHead();
            }
            workspace.rerank();
            return workspace;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static QueryStrategy strategyOrDefault(String name) {
        try {
            return Strategies.byName(name);
        } catch (IllegalArgumentException unknown) {
            LOG.warn("{}; using {}", unknown.getMessage(), Strategies.DEFAULT);
            return Strategies.byName(Strategies.DEFAULT);
        }
    }

    // ---- opening -------------------------------------------------------------------------

    private void scan() throws IOException {
        Path root = session.imageRoot();
        ScanResult scan = ImageScanner.scan(root);
        scan.problems().forEach(p -> LOG.warn("skipping {}: {}", p.relativePath(), p.reason()));
        Map<String, LabelState> journal = session.currentLabels();
        List<ImageItem> found = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (ScannedImage image : scan.images()) {
            FileKey key = new FileKey(image.relativePath(), image.sizeBytes(), image.lastModifiedMillis());
            Optional<float[]> vector = store.get(key);
            Optional<String> failure = vector.isPresent() ? Optional.empty() : store.failure(key);
            ImageItem.Status status = vector.isPresent() ? ImageItem.Status.FEATURISED
                    : failure.isPresent() ? ImageItem.Status.SKIPPED : ImageItem.Status.PENDING;
            found.add(new ImageItem(found.size(), image.relativePath(), root.resolve(image.relativePath()),
                    image.sizeBytes(), status, failure.orElse(null)));
            vectors.add(vector.orElse(null));
        }
        // a labelled image that is gone keeps its label and shows as missing
        Set<String> scanned = new HashSet<>(scan.relativePaths());
        for (String path : journal.keySet()) {
            if (!scanned.contains(path)) {
                found.add(new ImageItem(found.size(), path, root.resolve(path), 0, ImageItem.Status.MISSING,
                        "file not found"));
                vectors.add(null);
            }
        }
        lock.lock();
        try {
            items = List.copyOf(found);
            features = vectors.toArray(new float[0][]);
            idByPath.clear();
            items.forEach(i -> idByPath.put(i.relativePath(), i.id()));
            labels.clear();
            journal.forEach((path, state) -> labels.put(idByPath.get(path), toEntry(state)));
        } finally {
            lock.unlock();
        }
    }

    private void loadHead() {
        Path file = session.modelsDir().resolve(HEAD_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            ModelSnapshot loaded = HeadStore.load(file, backbone.id());
            if (!loaded.classes().equals(classes())) {
                LOG.warn("saved model in {} has classes {}, the session has {}: it will be refitted", file,
                        loaded.classes(), classes());
                return;
            }
            installHead(loaded);
            // the figures cross-validation gave this model when it was made, so the Review tab has them at once
            var made = session.history().stream().filter(h -> h.modelVersion() == loaded.version())
                    .filter(h -> !Double.isNaN(h.cvAccuracy())).reduce((first, last) -> last);
            summary = new ModelSummary(loaded.version(), loaded.trainedLabels(),
                    made.map(HistoryEntry::cvAccuracy).orElse(Double.NaN), 0, false,
                    made.map(HistoryEntry::confusion).orElse(new int[0][0]), curve());
        } catch (RuntimeException | IOException e) {
            // the file stays as it is; the next update writes a new one beside it atomically
            LOG.warn("could not load the saved model: {}", e.getMessage());
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public String name() {
        return session.name();
    }

    @Override
    public Path imageRoot() {
        return session.imageRoot();
    }

    @Override
    public Path sessionDir() {
        return session.dir();
    }

    @Override
    public List<String> classes() {
        return session.classes().stream().map(SessionClass::name).toList();
    }

    @Override
    public List<ImageItem> items() {
        lock.lock();
        try {
            return items;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<LabelEntry> labelOf(int itemId) {
        lock.lock();
        try {
            return Optional.ofNullable(labels.get(itemId));
        } finally {
            lock.unlock();
        }
    }

    /** Current labels by item id (a copy). */
    public Map<Integer, LabelEntry> labels() {
        lock.lock();
        try {
            return Map.copyOf(labels);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Ranking ranking() {
        return ranking;
    }

    @Override
    public Optional<ModelSummary> model() {
        return Optional.ofNullable(summary);
    }

    /** The current head, empty before the first update. */
    public Optional<ModelSnapshot> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public String strategy() {
        return strategy.name();
    }

    @Override
    public void setStrategy(String strategyName) {
        QueryStrategy chosen = Strategies.byName(strategyName);
        SessionSettings s = session.settings();
        session.updateSettings(new SessionSettings(chosen.name(), s.batchSize(), s.autoUpdate()));
        strategy = chosen;
        rerank();
    }

    @Override
    public int batchSize() {
        return session.settings().batchSize();
    }

    @Override
    public void setBatchSize(int batchSize) {
        SessionSettings s = session.settings();
        session.updateSettings(new SessionSettings(s.strategy(), batchSize, s.autoUpdate()));
        rerank();
    }

    @Override
    public boolean autoUpdate() {
        return session.settings().autoUpdate();
    }

    @Override
    public void setAutoUpdate(boolean on) {
        SessionSettings s = session.settings();
        session.updateSettings(new SessionSettings(s.strategy(), s.batchSize(), on));
    }

    @Override
    public List<SuspectLabel> suspectLabels() {
        return suspects;
    }

    // ---- classes -----------------------------------------------------------------------------

    @Override
    public void addClass(String name) {
        session.addClass(name);
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void renameClass(int classIndex, String newName) {
        session.renameClass(session.classes().get(classIndex).id(), newName);
        // the head's class names follow the session's; the next update refits under the new names
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void mergeClass(int from, int into) {
        if (from == into) {
            throw new IllegalArgumentException("cannot merge a class into itself");
        }
        List<SessionClass> before = session.classes();
        lock.lock();
        try {
            session.mergeClass(before.get(from).id(), before.get(into).id());
            // class indices shift: rebuild labels from the journal, and forget undo across the merge
            labels.clear();
            session.currentLabels().forEach((path, state) -> labels.put(idByPath.get(path), toEntry(state)));
            undo.clear();
            redo.clear();
        } finally {
            lock.unlock();
        }
        listeners.forEach(WorkspaceListener::classesChanged);
        listeners.forEach(WorkspaceListener::labelsChanged);
    }

    // ---- labelling -----------------------------------------------------------------------------

    @Override
    public void label(int[] itemIds, int classIndex) {
        if (classIndex < 0 || classIndex >= session.classes().size()) {
            throw new IllegalArgumentException("no class number " + (classIndex + 1));
        }
        LabelEntry entry = new LabelEntry(classIndex, LabelSource.HUMAN, Instant.now());
        apply(current -> Arrays.stream(itemIds).distinct()
                .mapToObj(id -> new Change(id, Optional.ofNullable(current.get(id)), Optional.of(entry)))
                .toList());
    }

    @Override
    public void unlabel(int[] itemIds) {
        apply(current -> Arrays.stream(itemIds).distinct()
                .filter(current::containsKey)
                .mapToObj(id -> new Change(id, Optional.of(current.get(id)), Optional.<LabelEntry>empty()))
                .toList());
    }

    @Override
    public int[] undo() {
        return replay(undo, redo, true);
    }

    @Override
    public int[] redo() {
        return replay(redo, undo, false);
    }

    /** Takes the newest action off {@code from}, writes it (inverted for undo) and files it on {@code to}. */
    private int[] replay(Deque<List<Change>> from, Deque<List<Change>> to, boolean invert) {
        List<Change> changes;
        lock.lock();
        try {
            changes = from.peekFirst();
            if (changes == null) {
                return new int[0];
            }
            write(invert ? changes.stream().map(Change::inverse).toList() : changes);
            from.removeFirst();
            to.addFirst(changes);
        } finally {
            lock.unlock();
        }
        afterLabelChange();
        return changes.stream().mapToInt(Change::itemId).toArray();
    }

    /** Works out the changes against the current labels, writes them durably, and records them for undo. */
    private void apply(Function<Map<Integer, LabelEntry>, List<Change>> changesFor) {
        lock.lock();
        try {
            List<Change> changes = changesFor.apply(labels);
            if (changes.isEmpty()) {
                return;
            }
            write(changes);
            undo.addFirst(changes);
            redo.clear();
        } finally {
            lock.unlock();
        }
        afterLabelChange();
    }

    // caller holds lock
    private void write(List<Change> changes) {
        List<SessionClass> classes = session.classes();
        List<LabelEvent> events = new ArrayList<>();
        for (Change c : changes) {
            String path = items.get(c.itemId()).relativePath();
            if (c.after().isPresent()) {
                LabelEntry e = c.after().get();
                events.add(LabelEvent.label(path, classes.get(e.classIndex()).id(), e.source(), Instant.now()));
            } else {
                events.add(LabelEvent.unlabel(path, LabelSource.HUMAN, Instant.now()));
            }
        }
        session.appendLabels(events); // durable before memory changes
        for (Change c : changes) {
            if (c.after().isPresent()) {
                labels.put(c.itemId(), c.after().get());
            } else {
                labels.remove(c.itemId());
            }
        }
        labelsSinceModel += changes.size();
    }

    private void afterLabelChange() {
        listeners.forEach(WorkspaceListener::labelsChanged);
        // cheap refresh: drop labelled items from the queue, bring back unlabelled ones at their score
        rerankWithoutStrategy();
    }

    /** Labels given since the last model update (labels, unlabels, undos and redos all count). */
    public int labelsSinceModel() {
        lock.lock();
        try {
            return labelsSinceModel;
        } finally {
            lock.unlock();
        }
    }

    // ---- featurising -----------------------------------------------------------------------

    @Override
    public void featurize(ProgressSink progress) {
        List<String> pending;
        lock.lock();
        try {
            pending = items.stream().filter(i -> i.status() == ImageItem.Status.PENDING)
                    .map(ImageItem::relativePath).toList();
        } finally {
            lock.unlock();
        }
        if (pending.isEmpty()) {
            return;
        }
        long[] lastRerank = {System.nanoTime()};
        Consumer<List<FeatureRow>> onBatch = rows -> {
            lock.lock();
            try {
                ImageItem[] copy = items.toArray(new ImageItem[0]); // one copy per batch, not per image
                for (FeatureRow row : rows) {
                    Integer id = idByPath.get(row.relativePath());
                    if (id != null) {
                        features[id] = row.features();
                        copy[id] = withStatus(copy[id], ImageItem.Status.FEATURISED, null);
                    }
                }
                items = List.of(copy);
            } finally {
                lock.unlock();
            }
            if (System.nanoTime() - lastRerank[0] > RERANK_INTERVAL_NANOS) {
                lastRerank[0] = System.nanoTime();
                refreshProbabilities();
                rerank();
            }
        };
        FeaturizeReport report;
        try {
            report = new Featurizer(backbone).featurize(session.imageRoot(), pending, store, progress, onBatch);
        } catch (IOException e) {
            throw new UncheckedIOException("featurising " + session.imageRoot() + ": " + e.getMessage(), e);
        } finally {
            refreshProbabilities();
            rerank();
        }
        lock.lock();
        try {
            ImageItem[] copy = items.toArray(new ImageItem[0]);
            for (SkippedImage skipped : report.skipped()) {
                Integer id = idByPath.get(skipped.relativePath());
                if (id != null) {
                    copy[id] = withStatus(copy[id], ImageItem.Status.SKIPPED, skipped.reason());
                }
            }
            items = List.of(copy);
        } finally {
            lock.unlock();
        }
        report.skipped().forEach(s -> LOG.warn("skipped {}: {}", s.relativePath(), s.reason()));
        listeners.forEach(WorkspaceListener::itemsChanged);
    }

    private static ImageItem withStatus(ImageItem old, ImageItem.Status status, String problem) {
        return new ImageItem(old.id(), old.relativePath(), old.file(), old.sizeBytes(), status, problem);
    }

    // ---- model updates -------------------------------------------------------------------------

    @Override
    public ModelSummary updateModel(boolean full, ProgressSink progress) {
        updateLock.lock();
        try {
            return doUpdate(full, progress);
        } finally {
            updateLock.unlock();
        }
    }

    private ModelSummary doUpdate(boolean full, ProgressSink progress) {
        long start = System.nanoTime();
        // a consistent copy of the labels; labels given while training go into the next update
        List<Integer> ids = new ArrayList<>();
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        ModelSnapshot current = head;
        List<String> classNames = classes();
        int sinceBefore;
        lock.lock();
        try {
            for (var e : labels.entrySet()) {
                float[] f = features[e.getKey()];
                if (f != null && e.getValue().source() == LabelSource.HUMAN) {
                    ids.add(e.getKey());
                    x.add(f);
                    y.add(e.getValue().classIndex());
                }
            }
            sinceBefore = labelsSinceModel;
        } finally {
            lock.unlock();
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("label a few images first: the model learns from your labels");
        }
        TrainingSet data = new TrainingSet(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
                classNames);
        boolean canFineTune = current != null && !full && classNames.size() >= current.numClasses()
                && classNames.subList(0, current.numClasses()).equals(current.classes());
        ModelSnapshot next;
        if (canFineTune) {
            int[] newIndices = newSince(current, ids);
            next = trainer.incremental(current, data, newIndices, progress);
        } else {
            long version = current == null ? 1 : current.version() + 1;
            next = trainer.fullRefit(data, backbone.id(), version, progress);
        }
        progress.checkCancelled();
        long trainMillis = (System.nanoTime() - start) / 1_000_000;
        lastTrainedIds = Set.copyOf(ids);
        installHead(next);
        lock.lock();
        try {
            labelsSinceModel = Math.max(0, labelsSinceModel - sinceBefore);
        } finally {
            lock.unlock();
        }
        rerank(); // the refreshed queue first; the slower steps below refine it and add figures
        publishProvisional(next, ids.size(), trainMillis, !canFineTune);
        saveHead(next);

        ModelSnapshot refined = refineWithPool(next, data, progress);
        if (refined != next) {
            installHead(refined);
            rerank();
            publishProvisional(refined, ids.size(), trainMillis, !canFineTune);
            saveHead(refined);
            next = refined;
        }

        session.appendHistory(new HistoryEntry(Instant.now(), ids.size(), Double.NaN, next.version(), trainMillis,
                !canFineTune, new int[0][0]));
        unvalidated = new Unvalidated(data, List.copyOf(ids), next.version(), trainMillis, !canFineTune);
        return summary;
    }

    /** What the last update trained on, for the cross-validation that follows it. */
    private record Unvalidated(TrainingSet data, List<Integer> ids, long version, long trainMillis, boolean full) {
    }

    @Override
    public Optional<ModelSummary> validateModel(ProgressSink progress) {
        updateLock.lock();
        try {
            Unvalidated last = unvalidated;
            if (last == null) {
                return model();
            }
            var validation = crossValidate(last.data(), last.ids(), progress);
            // a second line for the same model version: the history records the update, then its validation
            session.appendHistory(new HistoryEntry(Instant.now(), last.ids().size(), validation.accuracy(),
                    last.version(), last.trainMillis(), last.full(), validation.confusion()));
            unvalidated = null;
            ModelSummary done = new ModelSummary(last.version(), last.ids().size(), validation.accuracy(),
                    last.trainMillis(), last.full(), validation.confusion(), curve());
            summary = done;
            listeners.forEach(l -> l.modelChanged(done));
            return Optional.of(done);
        } finally {
            updateLock.unlock();
        }
    }

    private void publishProvisional(ModelSnapshot model, int labelled, long trainMillis, boolean fullRefit) {
        ModelSummary provisional = new ModelSummary(model.version(), labelled, Double.NaN, trainMillis, fullRefit,
                summary == null ? new int[0][0] : summary.confusion(), curve());
        summary = provisional;
        listeners.forEach(l -> l.modelChanged(provisional));
    }

    /**
     * Self-training on the unlabelled, featurised images: the teacher's confident predictions become
     * pseudo-labels for a fresh head. Returns the teacher itself when there is no pool.
     */
    private ModelSnapshot refineWithPool(ModelSnapshot teacher, TrainingSet data, ProgressSink progress) {
        float[][] all;
        Set<Integer> labelled;
        lock.lock();
        try {
            all = features.clone();
            labelled = Set.copyOf(labels.keySet());
        } finally {
            lock.unlock();
        }
        int[] poolIds = IntStream.range(0, all.length)
                .filter(i -> all[i] != null && !labelled.contains(i)).toArray();
        if (poolIds.length == 0) {
            pseudoLabels = Map.of();
            return teacher;
        }
        float[][] poolX = new float[poolIds.length][];
        float[][] predicted = headProbabilities; // the teacher's, from installing it: no second pass over the pool
        boolean reuse = head == teacher && predicted != null && predicted.length == all.length;
        float[][] poolP = new float[poolIds.length][];
        for (int i = 0; i < poolIds.length; i++) {
            poolX[i] = all[poolIds[i]];
            poolP[i] = reuse ? predicted[poolIds[i]] : null;
            reuse &= poolP[i] != null;
        }
        var result = reuse
                ? selfTraining.refine(teacher, data, poolX, poolP, teacher.version() + 1, progress)
                : selfTraining.refine(teacher, data, poolX, teacher.version() + 1, progress);
        progress.checkCancelled();
        var pseudo = result.pseudoLabels();
        Map<Integer, LabelEntry> byId = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < pseudo.size(); i++) {
            byId.put(poolIds[pseudo.poolRows()[i]], new LabelEntry(pseudo.classes()[i], LabelSource.MODEL, now));
        }
        pseudoLabels = Map.copyOf(byId);
        return result.model();
    }

    @Override
    public Map<Integer, LabelEntry> pseudoLabels() {
        return pseudoLabels;
    }

    /** Rows of the training set that the current head has not been trained on. */
    private int[] newSince(ModelSnapshot current, List<Integer> ids) {
        Set<Integer> seen = lastTrainedIds;
        int[] fresh = IntStream.range(0, ids.size()).filter(i -> !seen.contains(ids.get(i))).toArray();
        // after a restart nothing is known to be seen: fine-tune on everything once
        return fresh.length == 0 ? IntStream.range(0, ids.size()).toArray() : fresh;
    }

    private record Validation(double accuracy, int[][] confusion) {
    }

    private Validation crossValidate(TrainingSet data, List<Integer> ids, ProgressSink progress) {
        if (data.size() < 2 * CV_FOLDS) {
            return new Validation(Double.NaN, new int[0][0]);
        }
        var result = new CrossValidation(trainer).run(data, CV_FOLDS, progress);
        List<SuspectLabel> found = new ArrayList<>();
        float[][] oof = result.outOfFoldProbabilities();
        for (int i = 0; i < oof.length; i++) {
            int predicted = argmax(oof[i]);
            int given = data.labels()[i];
            if (predicted != given && oof[i][predicted] >= SUSPECT_CONFIDENCE) {
                found.add(new SuspectLabel(ids.get(i), given, predicted, oof[i][predicted]));
            }
        }
        found.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        suspects = List.copyOf(found);
        return new Validation(result.accuracy(), result.confusion());
    }

    private void saveHead(ModelSnapshot snapshot) {
        try {
            Files.createDirectories(session.modelsDir());
            HeadStore.save(snapshot, session.modelsDir().resolve(HEAD_FILE));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the model in {}: {}", session.modelsDir(), e.getMessage());
        }
    }

    /** One point per model version: its validation when it has one, else the update itself. */
    private List<ModelSummary.CurvePoint> curve() {
        Map<Long, HistoryEntry> byVersion = new LinkedHashMap<>();
        for (HistoryEntry h : session.history()) {
            HistoryEntry seen = byVersion.get(h.modelVersion());
            if (seen == null || !Double.isNaN(h.cvAccuracy()) || Double.isNaN(seen.cvAccuracy())) {
                byVersion.put(h.modelVersion(), h);
            }
        }
        return byVersion.values().stream()
                .map(h -> new ModelSummary.CurvePoint(h.labelled(), h.cvAccuracy()))
                .toList();
    }

    private void installHead(ModelSnapshot snapshot) {
        head = snapshot;
        refreshProbabilities();
    }

    /** Predicts every featurised item with the current head. */
    private void refreshProbabilities() {
        ModelSnapshot current = head;
        if (current == null) {
            return;
        }
        float[][] snapshotFeatures;
        lock.lock();
        try {
            snapshotFeatures = features.clone();
        } finally {
            lock.unlock();
        }
        int[] known = IntStream.range(0, snapshotFeatures.length)
                .filter(i -> snapshotFeatures[i] != null).toArray();
        float[][] x = new float[known.length][];
        for (int i = 0; i < known.length; i++) {
            x[i] = snapshotFeatures[known[i]];
        }
        float[][] predicted = x.length == 0 ? new float[0][] : current.predict(x);
        float[][] byId = new float[snapshotFeatures.length][];
        for (int i = 0; i < known.length; i++) {
            byId[known[i]] = predicted[i];
        }
        headProbabilities = byId;
    }

    // ---- ranking -------------------------------------------------------------------------------

    /** Re-runs the strategy over the unlabelled, featurised pool and publishes the ranking. */
    public void rerank() {
        publish(rankWith(strategy));
    }

    /** The pool ranked by the named strategy, without changing the session's strategy or the published ranking. */
    public Ranking rankWith(String strategyName) {
        return rankWith(Strategies.byName(strategyName));
    }

    private Ranking rankWith(QueryStrategy strategy) {
        float[][] all;
        Map<Integer, LabelEntry> labelled;
        lock.lock();
        try {
            all = features.clone();
            labelled = Map.copyOf(labels);
        } finally {
            lock.unlock();
        }
        ModelSnapshot current = head;
        float[][] probabilities = headProbabilities;
        int n = all.length;
        int[] pool = IntStream.range(0, n)
                .filter(i -> all[i] != null && !labelled.containsKey(i)).toArray();
        List<Integer> labelledIds = labelled.keySet().stream().filter(i -> all[i] != null).sorted().toList();

        double[] score = new double[n];
        Arrays.fill(score, Double.NaN);
        int[] predicted = new int[n];
        Arrays.fill(predicted, -1);
        float[] confidence = new float[n];
        Arrays.fill(confidence, Float.NaN);
        float[][] probs = new float[n][];
        boolean haveModel = current != null && probabilities != null && probabilities.length == n;
        if (haveModel) {
            for (int i = 0; i < n; i++) {
                if (probabilities[i] != null) {
                    probs[i] = probabilities[i];
                    predicted[i] = argmax(probabilities[i]);
                    confidence[i] = probabilities[i][predicted[i]];
                }
            }
        }
        int[] order = new int[0];
        if (pool.length > 0) {
            float[][] poolX = new float[pool.length][];
            float[][] poolP = haveModel ? new float[pool.length][] : null;
            for (int i = 0; i < pool.length; i++) {
                poolX[i] = all[pool[i]];
                if (poolP != null) {
                    poolP[i] = probabilities[pool[i]];
                }
            }
            float[][] labelledX = labelledIds.stream().map(i -> all[i]).toArray(float[][]::new);
            int[] labelledY = labelledIds.stream().mapToInt(i -> labelled.get(i).classIndex()).toArray();
            QueryStrategy chosen = haveModel || strategy.worksWithoutModel() ? strategy : new TypicalDiverseColdStart();
            float[][][] mc = haveModel && chosen.needsMcSamples() ? current.predictWithDropout(poolX, 10, 17) : null;
            QueryContext context = new QueryContext(poolP, poolX, labelledX, labelledY, classes().size(), mc,
                    current == null ? 0 : current.version());
            PoolRanking ranked = chosen.rank(context, Math.min(batchSize(), pool.length));
            order = new int[ranked.order().length];
            for (int i = 0; i < order.length; i++) {
                order[i] = pool[ranked.order()[i]];
            }
            for (int i = 0; i < pool.length; i++) {
                score[pool[i]] = ranked.scores()[i];
            }
        }
        return new Ranking(strategy.name(), order, score, predicted, confidence, probs,
                current == null ? 0 : current.version());
    }

    /** After labelling: the same order minus labelled items; items unlabelled again (undo) go first. */
    private void rerankWithoutStrategy() {
        Ranking old = ranking;
        Map<Integer, LabelEntry> labelled;
        float[][] all;
        lock.lock();
        try {
            labelled = Map.copyOf(labels);
            all = features.clone();
        } finally {
            lock.unlock();
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> inOrder = new HashSet<>();
        for (int id : old.order()) {
            if (!labelled.containsKey(id)) {
                order.add(id);
                inOrder.add(id);
            }
        }
        // items that became unlabelled (undo) go back at the front: the user just touched them
        List<Integer> returning = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null && !labelled.containsKey(i) && !inOrder.contains(i)) {
                returning.add(i);
            }
        }
        order.addAll(0, returning);
        publish(new Ranking(old.strategy(), order.stream().mapToInt(Integer::intValue).toArray(), old.score(),
                old.predicted(), old.confidence(), old.probabilities(), old.modelVersion()));
    }

    private void publish(Ranking next) {
        ranking = next;
        listeners.forEach(l -> l.rankingChanged(next));
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private LabelEntry toEntry(LabelState state) {
        List<SessionClass> classes = session.classes();
        int index = 0;
        while (index < classes.size() && classes.get(index).id() != state.classId()) {
            index++;
        }
        return new LabelEntry(index, state.source(), state.time());
    }

    // ---- listeners and closing -------------------------------------------------------------

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
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the feature cache: {}", e.getMessage());
        } finally {
            session.close();
        }
    }
}
