package org.activelabel.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.activelabel.model.CrossValidation;
import org.activelabel.model.HeadTrainer;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.model.Probabilities;
import org.activelabel.model.TrainingSet;
import org.activelabel.progress.ProgressSink;
import org.activelabel.query.NearDuplicates;
import org.activelabel.query.PoolRanking;
import org.activelabel.query.QueryContext;
import org.activelabel.query.QueryStrategy;
import org.activelabel.query.TypicalDiverseColdStart;

/**
 * The active-learning loop in memory: features and labels by row, the current head and the pipeline, with the
 * steps of a round: rank the pool, update the head (fine-tune or refit), refine it on the pool, validate it.
 * {@code simulate}, the session commands and the window all learn through this class.
 *
 * <p>Not thread-safe, and it needs no lock of its own: the state changes only through the cheap methods
 * ({@link #label}, {@link #install}, …), and the slow steps ({@link #rank(LearnerState, int)},
 * {@link #train}, {@link #refine(LearnerState, Update, float[][], ProgressSink)}, {@link #validate}) read nothing
 * but the {@link LearnerState} they are given. A caller with threads takes the state under its own lock, runs a
 * step outside it and installs the result under it again; a caller without threads uses the one-line
 * conveniences ({@link #rank(int)}, {@link #update}, {@link #refine(Update, ProgressSink)}).
 */
public final class ActiveLearner {

    /** How many batches' worth of the queue's head keep copies apart: the window shows two or three screens of it. */
    static final int DISTINCT_BATCHES_SHOWN = 4;

    /** Folds of the cross-validation; fewer than two labels a fold says nothing. */
    public static final int CV_FOLDS = 5;
    /** An out-of-fold prediction at least this sure that disagrees with the label makes the label a suspect. */
    public static final double SUSPECT_CONFIDENCE = 0.6;

    private final HeadTrainer trainer;
    private final String backboneId;
    private Pipeline pipeline;
    private List<String> classes;
    private float[][] features;
    private final TreeMap<Integer, Integer> labels = new TreeMap<>();
    private final Set<Integer> setAside = new HashSet<>();
    private ModelSnapshot head;
    private float[][] probabilities;
    private Set<Integer> trainedRows = Set.of();

    /** @param features by row, null where not featurised yet; the learner keeps the array and fills it in */
    public ActiveLearner(HeadTrainer trainer, String backboneId, Pipeline pipeline, List<String> classes,
                         float[][] features) {
        this.trainer = trainer;
        this.backboneId = backboneId;
        this.pipeline = pipeline;
        this.classes = List.copyOf(classes);
        this.features = features;
    }

    // ---- state: cheap changes -----------------------------------------------------------------

    /** One consistent view of everything a step reads; later changes to the learner do not show in it. */
    public LearnerState state() {
        return new LearnerState(pipeline, classes, features.clone(), Collections.unmodifiableSortedMap(new TreeMap<>(labels)),
                Set.copyOf(setAside), head, probabilities, trainedRows);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public void setPipeline(Pipeline next) {
        pipeline = next;
    }

    public void setClasses(List<String> next) {
        classes = List.copyOf(next);
    }

    /**
     * New rows (a scan of the image folder): features by row, null where not featurised yet. Labels are dropped
     * (the caller gives them again by row); the head stays, and predicts the new rows when a step needs them.
     */
    public void replaceRows(float[][] featuresByRow) {
        features = featuresByRow;
        probabilities = null;
        clearLabels();
    }

    public void setFeatures(int row, float[] vector) {
        features[row] = vector;
    }

    /** Rows added at the end, not featurised yet (images found after the rows were set); labels and head stay. */
    public void addRows(int count) {
        features = Arrays.copyOf(features, features.length + count);
    }

    /**
     * New features for a row whose image changed, or null when it is gone or not featurised yet: the head's old
     * prediction of it is dropped, and the next update learns from it afresh.
     */
    public void replaceFeatures(int row, float[] vector) {
        features[row] = vector;
        if (probabilities != null && row < probabilities.length && probabilities[row] != null) {
            // a copy: states taken earlier keep theirs
            probabilities = probabilities.clone();
            probabilities[row] = null;
        }
        if (trainedRows.contains(row)) {
            var trained = new HashSet<>(trainedRows);
            trained.remove(row);
            trainedRows = Set.copyOf(trained);
        }
    }

    /** A label given by a person: the head learns from it and the row leaves the pool. */
    public void label(int row, int classIndex) {
        setAside.remove(row);
        labels.put(row, classIndex);
    }

    /** A label that is not a person's (an imported model guess): the row leaves the pool, the head never learns it. */
    public void setAside(int row) {
        labels.remove(row);
        setAside.add(row);
    }

    public void unlabel(int row) {
        labels.remove(row);
        setAside.remove(row);
    }

    public void clearLabels() {
        labels.clear();
        setAside.clear();
    }

    public int labelCount() {
        return labels.size();
    }

    public Optional<ModelSnapshot> head() {
        return Optional.ofNullable(head);
    }

    /**
     * Makes {@code model} the current head.
     *
     * @param probabilitiesByRow its predictions of every featurised row ({@link #predictAll})
     * @param trained            the rows it was trained on, or null to keep the record of the head it replaces
     *                           (a refinement learns from the same labels)
     */
    public void install(ModelSnapshot model, float[][] probabilitiesByRow, int[] trained) {
        head = model;
        probabilities = probabilitiesByRow;
        if (trained != null) {
            trainedRows = Set.copyOf(Arrays.stream(trained).boxed().toList());
        }
    }

    /** New predictions of the current head (after more rows were featurised); ignored if the head changed since. */
    public boolean refreshProbabilities(ModelSnapshot forHead, float[][] probabilitiesByRow) {
        if (head != forHead) {
            return false;
        }
        probabilities = probabilitiesByRow;
        return true;
    }

    // ---- steps: read only the state they are given --------------------------------------------------

    /** The pool ranked by the pipeline's strategy, with a batch of {@code batchSize} first. */
    public RankedPool rank(LearnerState s, int batchSize) {
        int n = s.rows();
        double[] scores = new double[n];
        Arrays.fill(scores, Double.NaN);
        int[] pool = s.poolRows();
        long seed = s.stepSeed();
        if (pool.length == 0) {
            return new RankedPool(new int[0], new int[0], scores, seed);
        }
        float[][] poolX = rows(s.features(), pool);
        ModelSnapshot model = s.head();
        float[][] poolP = model == null ? null : poolProbabilities(s, model, pool, poolX);
        int[] labelled = s.trainableRows();
        QueryStrategy strategy = s.pipeline().strategy();
        // a strategy that reads probabilities starts with the typical-and-diverse cold start, in every caller
        QueryStrategy chosen = model != null || strategy.worksWithoutModel() ? strategy : new TypicalDiverseColdStart();
        float[][][] mc = model != null && chosen.mcSamples() > 0
                ? model.predictWithDropout(poolX, chosen.mcSamples(), seed) : null;
        var context = new QueryContext(poolP, poolX, rows(s.features(), labelled), classesOf(s, labelled),
                s.classes().size(), mc, seed);
        PoolRanking ranked = chosen.rank(context, Math.min(batchSize, pool.length));
        if (chosen.keepsNearDuplicatesApart()) {
            // the batch, and the next screens of the queue the window shows, hold no two copies of one picture
            int batch = ranked.batch().length;
            int[] order = NearDuplicates.distinctFirst(ranked.order(), context, DISTINCT_BATCHES_SHOWN * batch);
            ranked = new PoolRanking(Arrays.copyOf(order, batch), order, ranked.scores());
        }
        for (int i = 0; i < pool.length; i++) {
            scores[pool[i]] = ranked.scores()[i];
        }
        return new RankedPool(toRows(ranked.batch(), pool), toRows(ranked.order(), pool), scores, seed);
    }

    /**
     * A head trained on the state's labels: fine-tuned from the state's head on the rows it has not seen (all rows
     * when it has seen them all), or refitted from scratch when {@code full}, when there is no head yet, or when
     * the classes changed under it.
     *
     * @throws IllegalStateException when no labelled row has features
     */
    public Update train(LearnerState s, boolean full, ProgressSink progress) {
        long start = System.nanoTime();
        int[] rows = s.trainableRows();
        if (rows.length == 0) {
            throw new IllegalStateException("label a few images first: the model learns from your labels");
        }
        TrainingSet data = new TrainingSet(rows(s.features(), rows), classesOf(s, rows), s.classes());
        ModelSnapshot current = s.head();
        boolean fineTune = current != null && !full && s.classes().size() >= current.numClasses()
                && s.classes().subList(0, current.numClasses()).equals(current.classes());
        ModelSnapshot next;
        if (fineTune) {
            int[] fresh = IntStream.range(0, rows.length).filter(i -> !s.trainedRows().contains(rows[i])).toArray();
            // nothing new (or a head loaded after a restart, whose rows are unknown): fine-tune on everything
            int[] newIndices = fresh.length == 0 ? IntStream.range(0, rows.length).toArray() : fresh;
            next = trainer.incremental(current, data, newIndices, progress);
        } else {
            next = trainer.fullRefit(data, backboneId, current == null ? 1 : current.version() + 1, progress);
        }
        progress.checkCancelled();
        return new Update(next, data, rows, !fineTune, (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code model}'s predictions of every featurised row of {@code features}, null rows elsewhere. */
    public static float[][] predictAll(ModelSnapshot model, float[][] features) {
        int[] known = IntStream.range(0, features.length).filter(i -> features[i] != null).toArray();
        float[][] predicted = known.length == 0 ? new float[0][] : model.predict(rows(features, known));
        float[][] byRow = new float[features.length][];
        for (int i = 0; i < known.length; i++) {
            byRow[known[i]] = predicted[i];
        }
        return byRow;
    }

    /**
     * Self-training on the state's pool: the update's head (the teacher) labels the pool, its confident guesses
     * become pseudo-labels for a fresh head. Empty when the pipeline learns from labels only; the teacher itself
     * when the pool is empty.
     *
     * @param teacherProbabilities the teacher's predictions by row when at hand (null rows are predicted here)
     */
    public Optional<Refinement> refine(LearnerState s, Update update, float[][] teacherProbabilities,
                                       ProgressSink progress) {
        if (s.pipeline().selfTraining() == null) {
            return Optional.empty();
        }
        ModelSnapshot teacher = update.model();
        int[] pool = s.poolRows();
        if (pool.length == 0) {
            return Optional.of(new Refinement(teacher, new int[0], new int[0]));
        }
        float[][] poolX = rows(s.features(), pool);
        float[][] poolP = new float[pool.length][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            poolP[i] = teacherProbabilities == null || pool[i] >= teacherProbabilities.length
                    ? null : teacherProbabilities[pool[i]];
            if (poolP[i] == null) {
                missing.add(i);
            }
        }
        fillPredictions(teacher, poolX, poolP, missing);
        var result = s.pipeline().selfTraining().refine(teacher, update.data(), poolX, poolP, teacher.version() + 1,
                progress);
        progress.checkCancelled();
        var pseudo = result.pseudoLabels();
        return Optional.of(new Refinement(result.model(), toRows(pseudo.poolRows(), pool), pseudo.classes().clone()));
    }

    /** Cross-validates a head's training set: its out-of-fold accuracy, confusion and suspect labels. */
    public Validation validate(Update update, ProgressSink progress) {
        TrainingSet data = update.data();
        if (data.size() < 2 * CV_FOLDS) {
            return Validation.none();
        }
        var result = new CrossValidation(trainer).run(data, CV_FOLDS, progress);
        List<Validation.Suspect> suspects = new ArrayList<>();
        float[][] oof = result.outOfFoldProbabilities();
        for (int i = 0; i < oof.length; i++) {
            int predicted = Probabilities.argmax(oof[i]);
            int given = data.labels()[i];
            if (predicted != given && oof[i][predicted] >= SUSPECT_CONFIDENCE) {
                suspects.add(new Validation.Suspect(update.rows()[i], given, predicted, oof[i][predicted]));
            }
        }
        suspects.sort((a, b) -> Float.compare(b.confidence(), a.confidence()));
        return new Validation(result.accuracy(), result.confusion(), List.copyOf(suspects));
    }

    // ---- one thread: a round in a line each -------------------------------------------------------------

    public RankedPool rank(int batchSize) {
        return rank(state(), batchSize);
    }

    /** Trains on the labels and installs the new head. */
    public Update update(boolean full, ProgressSink progress) {
        Update update = train(state(), full, progress);
        install(update.model(), predictAll(update.model(), features), update.rows());
        return update;
    }

    /** Refines the head {@code update} made on the pool and installs the result. */
    public Optional<Refinement> refine(Update update, ProgressSink progress) {
        var refined = refine(state(), update, head == update.model() ? probabilities : null, progress);
        refined.filter(r -> r.model() != head).ifPresent(r -> install(r.model(), predictAll(r.model(), features), null));
        return refined;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static float[][] poolProbabilities(LearnerState s, ModelSnapshot model, int[] pool, float[][] poolX) {
        float[][] byRow = s.probabilities();
        float[][] poolP = new float[pool.length][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            poolP[i] = byRow == null || pool[i] >= byRow.length ? null : byRow[pool[i]];
            if (poolP[i] == null) {
                missing.add(i);
            }
        }
        // rows featurised after the head's predictions were made
        fillPredictions(model, poolX, poolP, missing);
        return poolP;
    }

    private static void fillPredictions(ModelSnapshot model, float[][] x, float[][] out, List<Integer> missing) {
        if (missing.isEmpty()) {
            return;
        }
        float[][] predicted = model.predict(missing.stream().map(i -> x[i]).toArray(float[][]::new));
        for (int j = 0; j < predicted.length; j++) {
            out[missing.get(j)] = predicted[j];
        }
    }

    private static int[] classesOf(LearnerState s, int[] rows) {
        return Arrays.stream(rows).map(s.labels()::get).toArray();
    }

    private static int[] toRows(int[] positions, int[] pool) {
        return Arrays.stream(positions).map(p -> pool[p]).toArray();
    }

    static float[][] rows(float[][] matrix, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = matrix[indices[i]];
        }
        return out;
    }
}
