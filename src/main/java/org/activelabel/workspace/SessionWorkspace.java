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
import org.activelabel.backbone.Backbone;
import org.activelabel.features.FeatureRow;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FeaturizeReport;
import org.activelabel.features.Featurizer;
import org.activelabel.image.ImageScanner;
import org.activelabel.image.ScanResult;
import org.activelabel.image.ThumbnailStore;
import org.activelabel.learning.ActiveLearner;
import org.activelabel.learning.LearnerState;
import org.activelabel.learning.Pipeline;
import org.activelabel.learning.Refinement;
import org.activelabel.learning.Update;
import org.activelabel.learning.Validation;
import org.activelabel.model.HeadConfig;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.SelfTraining;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.Strategies;
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
 *
 * <p>Longer than most classes here because it is the whole {@link Workspace} for a real session; the parts that
 * stand alone live beside it: {@link LabelBook} (labels, undo, journal writes), {@link ItemIndex},
 * {@link SessionScan}, {@link RankingBoard} and {@link ModelRecords} (head file and history).
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
    private final ThumbnailStore thumbnails;
    private final ModelRecords records;
    private final ActiveLearner learner;
    private final RankingBoard board;
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock updateLock = new ReentrantLock();

    // guarded by lock
    private final ItemIndex index = new ItemIndex();
    private final LabelBook book;

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
        ThumbnailStore pictures;
        try {
            pictures = ThumbnailStore.open(session.thumbnailsDir(), session.imageRoot());
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        this.thumbnails = pictures;
        this.records = new ModelRecords(session, backbone.id());
        var trainer = new HeadTrainer(headConfig);
        QueryStrategy strategy = strategyOrDefault(session.settings().strategy());
        var pipeline = new Pipeline(strategy.name(), strategy,
                new SelfTraining(trainer, SelfTraining.Settings.defaults()), PIPELINE_SEED);
        this.learner = new ActiveLearner(trainer, backbone.id(), pipeline, classes(), new float[0][]);
        this.board = new RankingBoard(Ranking.empty(strategy.name()));
        this.book = new LabelBook(session, learner);
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
        ScanResult found = ImageScanner.scan(session.imageRoot());
        MovedImages.follow(session, store, found.images());
        Map<String, LabelState> journal = session.currentLabels();
        SessionScan scan = SessionScan.of(session.imageRoot(), found, store, new TreeSet<>(journal.keySet()));
        lock.lock();
        try {
            index.replace(scan.items());
            learner.replaceRows(scan.features());
            learner.setClasses(classes());
            book.reload(journal, index.idByPath());
        } finally {
            lock.unlock();
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
        return index.items();
    }

    @Override
    public Optional<LabelEntry> labelOf(int itemId) {
        return locked(() -> book.get(itemId));
    }

    /** Current labels by item id (a copy). */
    @Override
    public Map<Integer, LabelEntry> labels() {
        return locked(book::copy);
    }

    @Override
    public Ranking ranking() {
        return board.current();
    }

    @Override
    public Optional<ModelSummary> model() {
        return Optional.ofNullable(summary);
    }

    @Override
    public String backboneId() {
        return backbone.id();
    }

    @Override
    public String backboneDescription() {
        return backbone.description();
    }

    @Override
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
        run(() -> learner.setPipeline(learner.pipeline().withStrategy(chosen)));
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
        run(() -> learner.setClasses(classes()));
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void renameClass(int classIndex, String newName) {
        session.renameClass(session.classes().get(classIndex).id(), newName);
        // the head's class names follow the session's; the next update refits under the new names
        run(() -> learner.setClasses(classes()));
        listeners.forEach(WorkspaceListener::classesChanged);
    }

    @Override
    public void mergeClass(int from, int into) {
        if (from == into) {
            throw new IllegalArgumentException("cannot merge a class into itself");
        }
        List<SessionClass> before = session.classes();
        run(() -> {
            session.mergeClass(before.get(from).id(), before.get(into).id());
            // class indices shift: labels come again from the journal, and undo stops at the merge
            learner.setClasses(classes());
            book.reload(session.currentLabels(), index.idByPath());
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
        if (!locked(() -> book.label(itemIds, classIndex, this::pathOf)).isEmpty()) {
            afterLabelChange(new int[0]);
        }
    }

    @Override
    public void unlabel(int[] itemIds) {
        var changes = locked(() -> book.unlabel(itemIds, this::pathOf));
        if (!changes.isEmpty()) {
            afterLabelChange(changes.stream().mapToInt(UndoHistory.Change::itemId).toArray());
        }
    }

    @Override
    public int[] undo() {
        int[] ids = locked(() -> book.undo(this::pathOf));
        if (ids.length > 0) {
            afterLabelChange(ids);
        }
        return ids;
    }

    @Override
    public int[] redo() {
        int[] ids = locked(() -> book.redo(this::pathOf));
        if (ids.length > 0) {
            afterLabelChange(ids);
        }
        return ids;
    }

    private String pathOf(int itemId) {
        return index.pathOf(itemId);
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
                if (!book.has(id) && index.isFeaturised(id)) {
                    order.add(id);
                }
            }
            for (int id : r.order()) {
                if (!book.has(id) && !returning.contains(id)) {
                    order.add(id);
                }
            }
            return new Ranking(r.strategy(), order.stream().mapToInt(Integer::intValue).toArray(), r.score(),
                    r.predicted(), r.confidence(), r.probabilities(), r.modelVersion(), r.generation());
        });
    }

    // ---- featurising -----------------------------------------------------------------------

    @Override
    public void featurize(ProgressSink progress) {
        List<String> pending = locked(index::pending);
        if (pending.isEmpty()) {
            return;
        }
        long[] lastRerank = {System.nanoTime()};
        Consumer<List<FeatureRow>> onBatch = rows -> {
            run(() -> {
                int[] ids = index.featurised(rows);
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] >= 0) {
                        learner.setFeatures(ids[i], rows.get(i).features());
                    }
                }
            });
            if (System.nanoTime() - lastRerank[0] > RERANK_INTERVAL_NANOS) {
                lastRerank[0] = System.nanoTime();
                refreshProbabilities();
                rerank();
            }
        };
        FeaturizeReport report;
        try {
            report = new Featurizer(backbone).alsoHandingDecodedImagesTo(thumbnails::keepFrom)
                    .featurize(session.imageRoot(), pending, store, progress, onBatch);
        } catch (IOException e) {
            throw new UncheckedIOException("featurising " + session.imageRoot() + ": " + e.getMessage(), e);
        } finally {
            refreshProbabilities();
            rerank();
        }
        run(() -> index.skipped(report.skipped()));
        report.skipped().forEach(s -> LOG.warn("skipped {}: {}", s.relativePath(), s.reason()));
        listeners.forEach(WorkspaceListener::itemsChanged);
    }

    @Override
    public RescanReport rescan() {
        ScanResult scan;
        try {
            scan = ImageScanner.scan(session.imageRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("looking at " + session.imageRoot() + ": " + e.getMessage(), e);
        }
        scan.problems().forEach(p -> LOG.warn("skipping {}: {}", p.relativePath(), p.reason()));
        ItemIndex.Merge merge = locked(() -> {
            Map<String, String> moves;
            try {
                moves = MovedImages.follow(session, store, scan.images());
            } catch (IOException e) {
                throw new UncheckedIOException("caching the features of images moved under " + session.imageRoot()
                        + ": " + e.getMessage(), e);
            }
            int before = index.items().size(); // the learner's rows are the items
            ItemIndex.Merge m = index.merge(session.imageRoot(), scan.images(), store, moves);
            learner.addRows(m.rows() - before);
            m.features().forEach(learner::replaceFeatures);
            if (!moves.isEmpty()) {
                // the labels are where the journal now has them; undo starts afresh, as after a class merge
                book.reload(session.currentLabels(), index.idByPath());
            }
            return m;
        });
        int pending = locked(index::pending).size();
        var report = new RescanReport(merge.added(), merge.changed(), merge.removed(), merge.moved(), pending);
        if (report.changedAnything()) {
            LOG.info("rescanned {}: {} new, {} changed, {} gone, {} moved; {} to featurise", session.imageRoot(),
                    report.added(), report.changed(), report.removed(), report.moved(), pending);
            listeners.forEach(WorkspaceListener::itemsChanged);
            refreshProbabilities();
            rerank();
        }
        return report;
    }

    @Override
    public Optional<ThumbnailStore> thumbnails() {
        return Optional.of(thumbnails);
    }

    @Override
    public int buildThumbnails(ProgressSink progress) {
        List<ImageItem> now = index.items();
        Set<Integer> first = new LinkedHashSet<>();
        for (int id : board.current().order()) {
            first.add(id);
        }
        for (ImageItem item : now) {
            first.add(item.id());
        }
        List<Path> files = first.stream().filter(id -> id < now.size())
                .map(now::get).filter(i -> i.status() != ImageItem.Status.MISSING).map(ImageItem::file).toList();
        int decoded = thumbnails.buildMissing(files, progress);
        thumbnails.retainOnly(now.stream().filter(i -> i.status() != ImageItem.Status.MISSING)
                .map(ImageItem::relativePath).toList());
        return decoded;
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
        LearnerState before = locked(learner::state);
        Update update = learner.train(before, full, progress);
        // saved before anything is shown or recorded: a model that is not on disk did not happen
        records.saveHead(update.model());
        float[][] probabilities = install(update.model(), update.rows());
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
        run(() -> learner.install(model, probabilities, trainedRows));
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
            ModelSummary done = new ModelSummary(last.version(), update.rows().length, validation.accuracy(), true,
                    update.millis(), update.fullRefit(), validation.confusion(), records.curve());
            summary = done;
            listeners.forEach(l -> l.modelChanged(done));
            return Optional.of(done);
        } finally {
            updateLock.unlock();
        }
    }

    private void publishProvisional(ModelSnapshot model, Update update) {
        ModelSummary provisional = new ModelSummary(model.version(), update.rows().length, Double.NaN, false,
                update.millis(), update.fullRefit(), summary == null ? new int[0][0] : summary.confusion(),
                records.curve());
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
        Ranking candidate = Ranking.of(s, learner.rank(s, batchSize()));
        board.publish(candidate, ticket[0], r -> reconcile(r, Set.of()))
                .ifPresent(published -> listeners.forEach(l -> l.rankingChanged(published)));
    }

    /** The pool ranked by the named strategy, without changing the session's strategy or the published ranking. */
    public Ranking rankWith(String strategyName) {
        QueryStrategy other = Strategies.byName(strategyName);
        LearnerState s = locked(() -> learner.state().withPipeline(learner.pipeline().withStrategy(other)));
        return Ranking.of(s, learner.rank(s, batchSize()));
    }

    private void run(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
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
        thumbnails.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the feature cache: {}", e.getMessage());
        } finally {
            session.close();
        }
    }
}
