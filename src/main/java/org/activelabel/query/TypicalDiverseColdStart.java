package org.activelabel.query;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Cold start after TypiClust (Hacohen et al. 2022): with few or no labels, uncertainty is noise, so
 * pick items that are typical and cover the data. k-means splits the pool into (labelled + batch)
 * clusters; from the largest clusters that hold no labelled item it takes the most typical member:
 * the one with the smallest mean distance to its nearest neighbours in the cluster.
 */
public final class TypicalDiverseColdStart implements QueryStrategy {

    /** Batch size assumed when only {@link #scores} is asked for. */
    public static final int DEFAULT_BATCH = 10;
    /** k-means runs on this many pool items a cluster, at most 5,000; the rest are only assigned to the centroids. */
    static final int SAMPLE_PER_CLUSTER = 100;
    static final int MAX_CLUSTERING_SAMPLE = 5_000;
    static final int MAX_ITERATIONS = 20;
    /** Lloyd stops once fewer than this share of points change cluster: the picks no longer move. */
    static final double CONVERGED_CHANGES = 0.002;
    static final int NEIGHBOURS = 20;
    /** Typicality is measured for the members nearest the centroid only, against a sample of the cluster. */
    static final int TYPICALITY_CANDIDATES = 32;
    static final int TYPICALITY_REFERENCES = 128;

    @Override
    public String name() {
        return "typiclust";
    }

    @Override
    public boolean worksWithoutModel() {
        return true;
    }

    @Override
    public double[] scores(QueryContext context) {
        return rank(context, DEFAULT_BATCH).scores();
    }

    @Override
    public int[] selectBatch(QueryContext context, int batchSize) {
        return rank(context, batchSize).batch();
    }

    /** Clusters anew: the batch depends on the batch size, not on scores made for another size. */
    @Override
    public int[] selectBatch(QueryContext context, int batchSize, double[] scores) {
        return selectBatch(context, batchSize);
    }

    /**
     * Scores: the batch highest (above 2, in pick order); then members of clusters without labels
     * (1 to 2); then the rest (0 to 1); within each group, items nearer their centroid first.
     */
    @Override
    public PoolRanking rank(QueryContext context, int batchSize) {
        float[][] pool = context.poolFeatures();
        int n = pool.length;
        int size = Math.max(0, Math.min(batchSize, n));
        if (n == 0) {
            return PoolRanking.of(new int[0], new double[0]);
        }
        var random = new SplittableRandom(context.seed());
        float[] poolNorms = SquaredDistances.norms(pool);
        int k = Math.max(1, Math.min(context.labelledFeatures().length + size, n));
        int[] sample = sample(n, Math.min(MAX_CLUSTERING_SAMPLE, Math.max(k, k * SAMPLE_PER_CLUSTER)), random);
        k = Math.min(k, sample.length);
        float[][] centroids = kMeans(rows(pool, sample), k, random);
        float[] centroidNorms = SquaredDistances.norms(centroids);

        float[] distance = new float[n];
        int[] cluster = new int[n];
        SquaredDistances.nearest(pool, poolNorms, centroids, centroidNorms, distance, cluster);
        float[][] labelled = context.labelledFeatures();
        int[] labelledCluster = new int[labelled.length];
        SquaredDistances.nearest(labelled, SquaredDistances.norms(labelled), centroids, centroidNorms,
                new float[labelled.length], labelledCluster);
        boolean[] covered = new boolean[k];
        for (int c : labelledCluster) {
            covered[c] = true;
        }
        int[][] members = membersByCluster(cluster, k);

        double[] scores = closenessScores(distance, cluster, members, covered);
        int[] batch = pickTypical(pool, poolNorms, members, covered, size, scores, random.nextLong());
        for (int p = 0; p < batch.length; p++) {
            scores[batch[p]] = 3.0 - (double) p / Math.max(1, batch.length);
        }
        return PoolRanking.of(batch, scores);
    }

    private static int[] pickTypical(float[][] pool, float[] poolNorms, int[][] members, boolean[] covered,
                                     int size, double[] scores, long seed) {
        Integer[] clusters = new Integer[members.length];
        for (int c = 0; c < clusters.length; c++) {
            clusters[c] = c;
        }
        // uncovered before covered, then largest first; covered clusters only fill a short batch
        Arrays.sort(clusters, (a, b) -> covered[a] != covered[b]
                ? Boolean.compare(covered[a], covered[b])
                : Integer.compare(members[b].length, members[a].length));
        int[] batch = new int[size];
        boolean[] inBatch = new boolean[pool.length];
        int count = 0;
        for (int c : clusters) {
            if (count == size) {
                break;
            }
            if (members[c].length > 0) {
                int item = mostTypical(pool, poolNorms, members[c], scores, new SplittableRandom(seed + c));
                batch[count++] = item;
                inBatch[item] = true;
            }
        }
        if (count < size) {
            // fewer non-empty clusters than the batch: fill with the best-scored remaining items
            for (int i : TopK.indicesByDescending(scores)) {
                if (count == size) {
                    break;
                }
                if (!inBatch[i]) {
                    batch[count++] = i;
                    inBatch[i] = true;
                }
            }
        }
        return batch;
    }

    /** The member with the smallest mean distance to its nearest neighbours among the cluster. */
    private static int mostTypical(float[][] pool, float[] poolNorms, int[] members, double[] scores,
                                   SplittableRandom random) {
        double[] closeness = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            closeness[j] = scores[members[j]];
        }
        int[] candidates = TopK.indicesOfLargest(closeness, TYPICALITY_CANDIDATES);
        int[] references = members.length <= TYPICALITY_REFERENCES
                ? members
                : valuesAt(members, sample(members.length, TYPICALITY_REFERENCES, random));
        int best = members[candidates[0]];
        double bestMeanDistance = Double.POSITIVE_INFINITY;
        float[] distances = new float[references.length];
        for (int candidate : candidates) {
            int item = members[candidate];
            int count = 0;
            for (int r : references) {
                if (r != item) {
                    distances[count++] = SquaredDistances.between(pool[item], poolNorms[item], pool[r], poolNorms[r]);
                }
            }
            if (count == 0) {
                continue;
            }
            Arrays.sort(distances, 0, count);
            int neighbours = Math.min(NEIGHBOURS, count);
            double sum = 0.0;
            for (int j = 0; j < neighbours; j++) {
                sum += Math.sqrt(distances[j]);
            }
            double meanDistance = sum / neighbours;
            if (meanDistance < bestMeanDistance) {
                bestMeanDistance = meanDistance;
                best = item;
            }
        }
        return best;
    }

    private static double[] closenessScores(float[] distance, int[] cluster, int[][] members, boolean[] covered) {
        double[] spread = new double[members.length];
        for (int c = 0; c < members.length; c++) {
            double sum = 0.0;
            for (int i : members[c]) {
                sum += Math.sqrt(distance[i]);
            }
            spread[c] = members[c].length == 0 ? 0.0 : sum / members[c].length;
        }
        double[] scores = new double[distance.length];
        for (int i = 0; i < scores.length; i++) {
            int c = cluster[i];
            double closeness = 1.0 / (1.0 + Math.sqrt(distance[i]) / (spread[c] + 1e-12));
            scores[i] = (covered[c] ? 0.0 : 1.0) + closeness;
        }
        return scores;
    }

    /** Lloyd's k-means from k-means++ seeds; stops when (almost) no point changes cluster. */
    static float[][] kMeans(float[][] points, int k, SplittableRandom random) {
        float[] norms = SquaredDistances.norms(points);
        float[][] centroids = seeds(points, norms, k, random);
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        int[] next = new int[points.length];
        float[] distance = new float[points.length];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            SquaredDistances.nearest(points, norms, centroids, SquaredDistances.norms(centroids), distance, next);
            int changes = 0;
            for (int i = 0; i < next.length; i++) {
                if (next[i] != assignment[i]) {
                    changes++;
                }
            }
            System.arraycopy(next, 0, assignment, 0, next.length);
            if (changes <= CONVERGED_CHANGES * points.length) {
                break;
            }
            centroids = means(points, assignment, centroids);
        }
        return centroids;
    }

    /** k-means++: each next seed drawn with probability proportional to its squared distance to the seeds so far. */
    private static float[][] seeds(float[][] points, float[] norms, int k, SplittableRandom random) {
        float[][] seeds = new float[k][];
        int first = random.nextInt(points.length);
        seeds[0] = points[first].clone();
        float[] nearest = new float[points.length];
        Arrays.fill(nearest, Float.POSITIVE_INFINITY);
        SquaredDistances.lowerTo(points, norms, points[first], norms[first], nearest);
        for (int s = 1; s < k; s++) {
            double total = 0.0;
            for (float d : nearest) {
                total += d;
            }
            int chosen = points.length - 1;
            if (total > 0.0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < points.length; i++) {
                    target -= nearest[i];
                    if (target < 0.0) {
                        chosen = i;
                        break;
                    }
                }
            } else {
                chosen = random.nextInt(points.length);
            }
            seeds[s] = points[chosen].clone();
            SquaredDistances.lowerTo(points, norms, points[chosen], norms[chosen], nearest);
        }
        return seeds;
    }

    /** New centroids; an empty cluster keeps its old centroid. */
    private static float[][] means(float[][] points, int[] assignment, float[][] old) {
        int d = points[0].length;
        double[][] sums = new double[old.length][d];
        int[] counts = new int[old.length];
        for (int i = 0; i < points.length; i++) {
            double[] sum = sums[assignment[i]];
            float[] row = points[i];
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
            }
            counts[assignment[i]]++;
        }
        float[][] centroids = new float[old.length][];
        for (int c = 0; c < old.length; c++) {
            if (counts[c] == 0) {
                centroids[c] = old[c];
                continue;
            }
            centroids[c] = new float[d];
            for (int j = 0; j < d; j++) {
                centroids[c][j] = (float) (sums[c][j] / counts[c]);
            }
        }
        return centroids;
    }

    private static int[][] membersByCluster(int[] cluster, int k) {
        int[] counts = new int[k];
        for (int c : cluster) {
            counts[c]++;
        }
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < cluster.length; i++) {
            members[cluster[i]][filled[cluster[i]]++] = i;
        }
        return members;
    }

    /** {@code size} distinct positions out of {@code n} in ascending order (all of them when n <= size). */
    private static int[] sample(int n, int size, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= size) {
            return all;
        }
        // partial Fisher-Yates: the first `size` slots end up a uniform sample
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return chosen;
    }

    private static float[][] rows(float[][] matrix, int[] positions) {
        float[][] rows = new float[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            rows[i] = matrix[positions[i]];
        }
        return rows;
    }

    private static int[] valuesAt(int[] values, int[] positions) {
        int[] rows = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            rows[i] = values[positions[i]];
        }
        return rows;
    }
}
