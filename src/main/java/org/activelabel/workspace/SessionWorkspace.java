package org.activelabel.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.activelabel.backbone.Backbone;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FeaturizeReport;
import org.activelabel.features.Featurizer;
import org.activelabel.features.SkippedImage;
import org.activelabel.learning.ActiveLearner;
import org.activelabel.learning.LearnerState;
import org.activelabel.learning.Pipeline;
import org.activelabel.learning.RankedPool;
import org.activelabel.learning.Refinement;
import org.activelabel.learning.Update;
import org.activelabel.learning.Validation;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.Probabilities;
import org.activelabel.model.SelfTraining;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.Strategies;
import org.activelabel.session.LabelEvent;
import org.activelabel.session.LabelSource;
import org.activelabel.session.LabelState;
import org.activelabel.session.Session;
import org.activelabel.session.SessionClass;
import org.activelabel.session.SessionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Workspace} over a session folder: a thread-safe adapter around the {@link ActiveLearner} that
 * persists what happens (label journal, head, history), featurises, and tells listeners. One instance per open
 * session; item ids are the learner's rows.
 *
 * <p>Labels, the undo history and the learner's state are guarded by one lock and changed only in short steps;
 * training, refinement and ranking run outside it on a {@link LearnerState} taken under it, so labelling goes on
 * while a model trains. Rankings are published through a {@link RankingBoard}, so an older one never replaces a
 * newer one.
 */
public final class SessionWorkspace implements Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWorkspace.class);
    /** The seed of a session's pipeline: a session is one run, replayable by {@code simulate} with seed 1. */
    public static final long PIPELINE_SEED = 1;
    // while featurising, re-rank at most this often so the queue grows without hogging a core
    private static final long RERANK_INTERVAL_NANOS = 1_500_000_000L;

    private final Session session;
    private final Backbone backbone;
    private final FeatureStore store;
    private final ModelRecords records;
    private final ActiveLearner learner;
    private final RankingBoard board;
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock updateLock = new ReentrantLock();

    // guarded by lock
    private List<ImageItem> items;
    private final Map<String, Integer> idByPath = new HashMap<>();
    private final Map<Integer, LabelEntry> labels = new HashMap<>();
    private final UndoHistory history = new UndoHistory();
    private int labelsSinceModel;

    private volatile ModelSummary summary;
    private volatile List<SuspectLabel> suspects = List.of();
    private volatile Map<Integer, LabelEntry> pseudoLabels = Map.of();
    private volatile Unvalidated unvalidated; // written under updateLock

    /** What the last update trained on, for the cross-validation that follows it. */
    private record Unvalidated(Update update, long version) {
    }

    private SessionWorkspace(Session session, Backbone backbone, HeadConfig headConfig) throws IOException {
        this.session = session;
        this.backbone = backbone;
        this.store = FeatureStore.open(session.featuresDir(), backbone.id(), backbone.featureDim());
        this.records = new ModelRecords(session, backbone.id());
        var trainer = new HeadTrainer(headConfig);
        QueryStrategy strategy = strategyOrDefault(session.settings().strategy());
        var pipeline = new Pipeline(strategy.name(), strategy,
                new SelfTraining(trainer, SelfTraining.Settings.defaults()), PIPELINE_SEED);
        this.learner = new ActiveLearner(trainer, backbone.id(), pipeline, classes(), new float[0][]);
        this.board = new RankingBoard(Ranking.empty(strategy.name()));
    }

    /** Opens an existing session folder (taking its lock) and scans its images. Blocking. */
    public static SessionWorkspace open(Path sessionDir, Backbone backbone) throws IOException {
        return start(Session.open(sessionDir), backbone, true);
    }

    /**
     * Opens like {@link #open} but leaves the saved model on disk, so a window can show the queue before DL4J
     * starts; {@link #loadSavedModel()} loads it after. Blocking.
     */
    public static SessionWorkspace openModelLater(Path sessionDir, Backbone backbone) throws IOException {
        return start(Session.open(sessionDir), backbone, false);
    }

    /** Creates a session folder for an image folder and opens it. Blocking. */
    public static SessionWorkspace create(Path sessionDir, String name, Path imageRoot, List<String> classes,
                                          Backbone backbone) throws IOException {
        return start(Session.create(sessionDir, name, imageRoot, classes, backbone.id()), backbone, true);
    }

    private static SessionWorkspace start(Session session, Backbone backbone, boolean withModel) throws IOException {
        SessionWorkspace workspace = null;
        try {
            workspace = new SessionWorkspace(session, backbone, HeadConfig.defaults());
            workspace.scan();
            if (withModel) {
                workspace.loadHead();
            }
            workspace.rerank();
            return workspace;
        } catch (IOException | RuntimeException e) {
            if (workspace != null) {
                workspace.close();
            } else {
                session.close();
            }
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
        Map<String, LabelState> journal = session.currentLabels();
        SessionScan scan = SessionScan.of(session.imageRoot(), store, new TreeSet<>(journal.keySet()));
        lock.lock();
        try {
            items = scan.items();
            idByPath.clear();
            items.forEach(i -> idByPath.put(i.relativePath(), i.id()));
            learner.replaceRows(scan.features());
            reloadLabels(journal);
        } finally {
            lock.unlock();
        }
    }

    // caller holds lock
    private void reloadLabels(Map<String, LabelState> journal) {
        labels.clear();
        learner.clearLabels();
        learner.setClasses(classes());
        journal.forEach((path, state) -> {
            int id = idByPath.get(path);
            LabelEntry entry = toEntry(state);
            labels.put(id, entry);
            teach(id, Optional.of(entry));
        });
    }

    // caller holds lock
    private void teach(int id, Optional<LabelEntry> entry) {
        if (entry.isEmpty()) {
            learner.unlabel(id);
        } else if (entry.get().source() == LabelSource.HUMAN) {
            learner.label(id, entry.get().classIndex());
        } else {
            learner.setAside(id);
        }
    }

    private void loadHead() {
        records.loadHead(classes()).ifPresent(loaded -> {
            install(loaded, null);
            summary = records.summaryOfLoaded(loaded);
        });
    }

    @Override
    public void loadSavedModel() {
        updateLock.lock();
        try {
            if (head().isPresent()) {
                return;
            }
            loadHead();
            if (head().isEmpty()) {
                return;
            }
            rerank();
        } finally {
            updateLock.unlock();
        }
        ModelSummary loaded = summary;
        listeners.forEach(l -> l.modelChanged(loaded));
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
        return locked(() -> items);
    }

    @Override
    public Optional<LabelEntry> labelOf(int itemId) {
        return locked(() -> Optional.ofNullable(labels.get(itemId)));
    }

    /** Current labels by item id (a copy). */
    public Map<Integer, LabelEntry> labels() {
        return locked(() -> Map.copyOf(labels));
    }

    @Override
    public Ranking ranking() {
        return board.current();
    }

    @Override
    public Optional<ModelSummary> model() {
        return Optional.ofNullable(summary);
    }

    /** The current head, empty before the first update. */
    public Optional<ModelSnapshot> head() {
        return locked(learner::head);
    }

    @Override
    public String strategy() {
        return locked(() -> learner.pipeline().name());
    }

    @Override
    public void setStrategy(String strategyName) {
        QueryStrategy chosen = Strategies.byName(strategyName);
        SessionSettings s = session.settings();
        session.updateSettings(new SessionSettings(chosen.name(), s.batchSize(), s.autoUpdate()));
        locked(() -> {
            learner.setPipeline(learner.pipeline().withStrategy(chosen));
            return null;
        });
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

    @Override
    public Map<Integer, LabelEntry> pseudoLabels() {
        return pseudoLabels;
    }

    // ---- classes -----------------------------------------------------------------------------

    @Override
    public void addClass(String name) {
        session.addClass(name);
        locked(() -> {
            learner.setClasses(classes());
            return null;
        });
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void renameClass(int classIndex, String newName) {
        session.renameClass(session.classes().get(classIndex).id(), newName);
        // the head's class names follow the session's; the next update refits under the new names
        locked(() -> {
            learner.setClasses(classes());
            return null;
        });
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void mergeClass(int from, int into) {
        if (from == into) {
            throw new IllegalArgumentException("cannot merge a class into itself");
        }
        List<SessionClass> before = session.classes();
        locked(() -> {
            session.mergeClass(before.get(from).id(), before.get(into).id());
            // class indices shift: labels come again from the journal, and undo stops at the merge
            reloadLabels(session.currentLabels());
            history.clear();
            return null;
        });
        listeners.forEach(WorkspaceListener::classesChanged);
        listeners.forEach(WorkspaceListener::labelsChanged);
        rerank();
    }

    // ---- labelling -----------------------------------------------------------------------------

    @Override
    public void label(int[] itemIds, int classIndex) {
        if (classIndex < 0 || classIndex >= session.classes().size()) {
            throw new IllegalArgumentException("no class number " + (classIndex + 1));
        }
        LabelEntry entry = new LabelEntry(classIndex, LabelSource.HUMAN, Instant.now());
        apply(current -> Arrays.stream(itemIds).distinct()
                .mapToObj(id -> new UndoHistory.Change(id, Optional.ofNullable(current.get(id)), Optional.of(entry)))
                .toList());
    }

    @Override
    public void unlabel(int[] itemIds) {
        apply(current -> Arrays.stream(itemIds).distinct()
                .filter(current::containsKey)
                .mapToObj(id -> new UndoHistory.Change(id, Optional.of(current.get(id)), Optional.<LabelEntry>empty()))
                .toList());
    }

    @Override
    public int[] undo() {
        return replay(history::nextUndo, history::undone);
    }

    @Override
    public int[] redo() {
        return replay(history::nextRedo, history::redone);
    }

    private int[] replay(java.util.function.Supplier<Optional<List<UndoHistory.Change>>> next, Runnable done) {
        List<UndoHistory.Change> changes;
        lock.lock();
        try {
            changes = next.get().orElse(List.of());
            if (changes.isEmpty()) {
                return new int[0];
            }
            write(changes);
            done.run();
        } finally {
            lock.unlock();
        }
        int[] ids = changes.stream().mapToInt(UndoHistory.Change::itemId).toArray();
        afterLabelChange(ids);
        return ids;
    }

    /** Works out the changes against the current labels, writes them durably, and records them for undo. */
    private void apply(Function<Map<Integer, LabelEntry>, List<UndoHistory.Change>> changesFor) {
        List<UndoHistory.Change> changes;
        lock.lock();
        try {
            changes = changesFor.apply(labels);
            if (changes.isEmpty()) {
                return;
            }
            write(changes);
            history.done(changes);
        } finally {
            lock.unlock();
        }
        afterLabelChange(changes.stream().filter(c -> c.after().isEmpty()).mapToInt(UndoHistory.Change::itemId)
                .toArray());
    }

    // caller holds lock; the journal line is durable before memory changes
    private void write(List<UndoHistory.Change> changes) {
        List<SessionClass> classes = session.classes();
        List<LabelEvent> events = new ArrayList<>();
        for (var c : changes) {
            String path = items.get(c.itemId()).relativePath();
            events.add(c.after().isPresent()
                    ? LabelEvent.label(path, classes.get(c.after().get().classIndex()).id(), c.after().get().source(),
                            Instant.now())
                    : LabelEvent.unlabel(path, LabelSource.HUMAN, Instant.now()));
        }
        session.appendLabels(events);
        for (var c : changes) {
            c.after().ifPresentOrElse(e -> labels.put(c.itemId(), e), () -> labels.remove(c.itemId()));
            teach(c.itemId(), c.after());
        }
        labelsSinceModel += changes.size();
    }

    /** Tells the listeners, then the cheap queue refresh: labelled items leave it, unlabelled ones come first. */
    private void afterLabelChange(int[] unlabelled) {
        listeners.forEach(WorkspaceListener::labelsChanged);
        Set<Integer> returning = new LinkedHashSet<>();
        Arrays.stream(unlabelled).forEach(returning::add);
        Ranking next = board.refresh(old -> reconcile(old, returning));
        listeners.forEach(l -> l.rankingChanged(next));
    }

    /** {@code r} brought up to the current labels: labelled items out, {@code returning} ones first. */
    private Ranking reconcile(Ranking r, Set<Integer> returning) {
        return locked(() -> {
            List<Integer> order = new ArrayList<>();
            for (int id : returning) {
                if (!labels.containsKey(id) && id < items.size()
                        && items.get(id).status() == ImageItem.Status.FEATURISED) {
                    order.add(id);
                }
            }
            for (int id : r.order()) {
                if (!labels.containsKey(id) && !returning.contains(id)) {
                    order.add(id);
                }
            }
            return new Ranking(r.strategy(), order.stream().mapToInt(Integer::intValue).toArray(), r.score(),
                    r.predicted(), r.confidence(), r.probabilities(), r.modelVersion(), r.generation());
        });
    }

    /** Labels given since the last model update (labels, unlabels, undos and redos all count). */
    public int labelsSinceModel() {
        return locked(() -> labelsSinceModel);
    }

    // ---- featurising -----------------------------------------------------------------------

    @Override
    public void featurize(ProgressSink progress) {
        List<String> pending = locked(() -> items.stream().filter(i -> i.status() == ImageItem.Status.PENDING)
                .map(ImageItem::relativePath).toList());
        if (pending.isEmpty()) {
            return;
        }
        long[] lastRerank = {System.nanoTime()};
        Consumer<List<FeatureRow>> onBatch = rows -> {
            locked(() -> {
                ImageItem[] copy = items.toArray(new ImageItem[0]); // one copy per batch, not per image
                for (FeatureRow row : rows) {
                    Integer id = idByPath.get(row.relativePath());
                    if (id != null) {
                        learner.setFeatures(id, row.features());
                        copy[id] = withStatus(copy[id], ImageItem.Status.FEATURISED, null);
                    }
                }
                items = List.of(copy);
                return null;
            });
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
        locked(() -> {
            ImageItem[] copy = items.toArray(new ImageItem[0]);
            for (SkippedImage skipped : report.skipped()) {
                Integer id = idByPath.get(skipped.relativePath());
                if (id != null) {
                    copy[id] = withStatus(copy[id], ImageItem.Status.SKIPPED, skipped.reason());
                }
            }
            items = List.of(copy);
            return null;
        });
        report.skipped().forEach(s -> LOG.warn("skipped {}: {}", s.relativePath(), s.reason()));
        listeners.forEach(WorkspaceListener::itemsChanged);
    }

    private static ImageItem withStatus(ImageItem old, ImageItem.Status status, String problem) {
        return new ImageItem(old.id(), old.relativePath(), old.file(), old.sizeBytes(), status, problem);
    }

    /** Predicts the newly featurised items with the current head. */
    private void refreshProbabilities() {
        LearnerState s = locked(learner::state);
        if (s.head() != null) {
            float[][] predicted = ActiveLearner.predictAll(s.head(), s.features());
            locked(() -> learner.refreshProbabilities(s.head(), predicted));
        }
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
        // a consistent copy of the labels; labels given while training go into the next update
        int[] sinceBefore = new int[1];
        LearnerState before = locked(() -> {
            sinceBefore[0] = labelsSinceModel;
            return learner.state();
        });
        Update update = learner.train(before, full, progress);
        // saved before anything is shown or recorded: a model that is not on disk did not happen
        records.saveHead(update.model());
        float[][] probabilities = install(update.model(), update.rows());
        locked(() -> labelsSinceModel = Math.max(0, labelsSinceModel - sinceBefore[0]));
        rerank(); // the refreshed queue first; the slower steps below refine it and add figures
        publishProvisional(update.model(), update);

        ModelSnapshot last = update.model();
        Optional<Refinement> refined = learner.refine(locked(learner::state), update, probabilities, progress);
        pseudoLabels = refined.map(this::pseudoLabelsOf).orElse(Map.of());
        if (refined.isPresent() && refined.get().model() != last) {
            last = refined.get().model();
            records.saveHead(last);
            install(last, null);
            rerank();
            publishProvisional(last, update);
        }
        records.recordUpdate(update.rows().length, last.version(), update.millis(), update.fullRefit());
        unvalidated = new Unvalidated(update, last.version());
        return summary;
    }

    /** Makes {@code model} the learner's head with its predictions of every featurised item. */
    private float[][] install(ModelSnapshot model, int[] trainedRows) {
        float[][] features = locked(learner::state).features();
        float[][] probabilities = ActiveLearner.predictAll(model, features);
        locked(() -> {
            learner.install(model, probabilities, trainedRows);
            return null;
        });
        return probabilities;
    }

    private Map<Integer, LabelEntry> pseudoLabelsOf(Refinement refinement) {
        Map<Integer, LabelEntry> byId = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < refinement.pseudoRows().length; i++) {
            byId.put(refinement.pseudoRows()[i], new LabelEntry(refinement.pseudoClasses()[i], LabelSource.MODEL, now));
        }
        return Map.copyOf(byId);
    }

    @Override
    public Optional<ModelSummary> validateModel(ProgressSink progress) {
        updateLock.lock();
        try {
            Unvalidated last = unvalidated;
            if (last == null) {
                return model();
            }
            Update update = last.update();
            Validation validation = learner.validate(update, progress);
            suspects = validation.suspects().stream()
                    .map(s -> new SuspectLabel(s.row(), s.given(), s.predicted(), s.confidence())).toList();
            records.recordValidation(update.rows().length, last.version(), update.millis(), update.fullRefit(),
                    validation.accuracy(), validation.confusion());
            unvalidated = null;
            ModelSummary done = new ModelSummary(last.version(), update.rows().length, validation.accuracy(),
                    update.millis(), update.fullRefit(), validation.confusion(), records.curve());
            summary = done;
            listeners.forEach(l -> l.modelChanged(done));
            return Optional.of(done);
        } finally {
            updateLock.unlock();
        }
    }

    private void publishProvisional(ModelSnapshot model, Update update) {
        ModelSummary provisional = new ModelSummary(model.version(), update.rows().length, Double.NaN, update.millis(),
                update.fullRefit(), summary == null ? new int[0][0] : summary.confusion(), records.curve());
        summary = provisional;
        listeners.forEach(l -> l.modelChanged(provisional));
    }

    // ---- ranking -------------------------------------------------------------------------------

    /** Re-runs the strategy over the unlabelled, featurised pool and publishes the ranking unless a newer one is out. */
    public void rerank() {
        long[] ticket = new long[1];
        LearnerState s = locked(() -> {
            ticket[0] = board.ticket();
            return learner.state();
        });
        Ranking candidate = toRanking(s, learner.rank(s, batchSize()));
        board.publish(candidate, ticket[0], r -> reconcile(r, Set.of()))
                .ifPresent(published -> listeners.forEach(l -> l.rankingChanged(published)));
    }

    /** The pool ranked by the named strategy, without changing the session's strategy or the published ranking. */
    public Ranking rankWith(String strategyName) {
        QueryStrategy other = Strategies.byName(strategyName);
        LearnerState s = locked(() -> learner.state().withPipeline(learner.pipeline().withStrategy(other)));
        return toRanking(s, learner.rank(s, batchSize()));
    }

    private static Ranking toRanking(LearnerState s, RankedPool ranked) {
        int n = s.rows();
        int[] predicted = new int[n];
        Arrays.fill(predicted, -1);
        float[] confidence = new float[n];
        Arrays.fill(confidence, Float.NaN);
        float[][] probabilities = new float[n][];
        if (s.head() != null && s.probabilities() != null) {
            for (int i = 0; i < Math.min(n, s.probabilities().length); i++) {
                float[] p = s.probabilities()[i];
                if (p != null) {
                    probabilities[i] = p;
                    predicted[i] = Probabilities.argmax(p);
                    confidence[i] = p[predicted[i]];
                }
            }
        }
        return new Ranking(s.pipeline().name(), ranked.order(), ranked.scores(), predicted, confidence, probabilities,
                s.head() == null ? 0 : s.head().version());
    }

    private LabelEntry toEntry(LabelState state) {
        List<SessionClass> classes = session.classes();
        int index = 0;
        while (index < classes.size() && classes.get(index).id() != state.classId()) {
            index++;
        }
        return new LabelEntry(index, state.source(), state.time());
    }

    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
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
