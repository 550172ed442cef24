package org.activelabel.query;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times {@link QueryStrategy#rank} (scores, batch and whole-queue order) of every registered strategy on
 * synthetic data: clustered random features and a softmax probability matrix. Prints the median wall ms
 * and the median CPU ms of the whole process (all threads), which a busy machine inflates less.
 * Usage: {@code QueryBenchmark [poolSize [dimension [classes [batchSize]]]]}, default 20000 576 10 10.
 */
public final class QueryBenchmark {

    private static final int MC_SAMPLES = 20;
    private static final int WARMUP_RUNS = 3;
    private static final int TIMED_RUNS = 9;
    /** The slow cases (big labelled sets) are timed fewer times: the JIT is warm by then. */
    private static final int SLOW_RUNS = 3;

    private QueryBenchmark() {
    }

    public static void main(String[] args) {
        int poolSize = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 576;
        int classes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        var random = new SplittableRandom(42);

        float[][] centres = gaussian(classes * 5, dimension, 1.0f, random);
        float[][] pool = clustered(poolSize, centres, 0.5f, random);
        float[][] probabilities = softmaxRows(poolSize, classes, random);
        float[][][] mc = new float[MC_SAMPLES][][];
        for (int t = 0; t < MC_SAMPLES; t++) {
            mc[t] = softmaxRows(poolSize, classes, random);
        }

        System.out.printf("pool %d x %d features, %d classes, batch %d, %d MC samples, %d cores%n",
                poolSize, dimension, classes, batchSize, MC_SAMPLES, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %9s %10s %10s%n", "strategy", "labelled", "wall ms", "cpu ms");
        for (String name : Strategies.names()) {
            QueryContext context = context(pool, probabilities, mc, centres, classes, 2 * classes, random);
            time(name, Strategies.byName(name), context, batchSize, WARMUP_RUNS, TIMED_RUNS);
        }
        time("default (cold start)", Strategies.byName(Strategies.DEFAULT),
                context(pool, null, null, centres, classes, 0, random), batchSize, WARMUP_RUNS, TIMED_RUNS);
        time("kcenter", new KCenterGreedyStrategy(),
                context(pool, probabilities, mc, centres, classes, 1000, random), batchSize, 0, SLOW_RUNS);
        time("typiclust", new TypicalDiverseColdStart(),
                context(pool, probabilities, mc, centres, classes, 100, random), batchSize, 0, SLOW_RUNS);
    }

    private static void time(String label, QueryStrategy strategy, QueryContext context, int batchSize,
                             int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            strategy.rank(context, batchSize);
        }
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long startCpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            strategy.rank(context, batchSize);
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - startCpu) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-22s %9d %10.1f %10.1f%n", label, context.labelledFeatures().length, wall[runs / 2],
                cpu[runs / 2]);
    }

    private static QueryContext context(float[][] pool, float[][] probabilities, float[][][] mc, float[][] centres,
                                        int classes, int labelled, SplittableRandom random) {
        int[] labelledClasses = new int[labelled];
        for (int i = 0; i < labelled; i++) {
            labelledClasses[i] = i % classes;
        }
        return new QueryContext(probabilities, pool, clustered(labelled, centres, 0.5f, random), labelledClasses,
                classes, mc, 7L);
    }

    private static float[][] clustered(int n, float[][] centres, float noise, SplittableRandom random) {
        float[][] rows = gaussian(n, centres[0].length, noise, random);
        for (float[] row : rows) {
            float[] centre = centres[random.nextInt(centres.length)];
            for (int j = 0; j < row.length; j++) {
                row[j] += centre[j];
            }
        }
        return rows;
    }

    private static float[][] gaussian(int n, int dimension, float scale, SplittableRandom random) {
        float[][] rows = new float[n][dimension];
        for (float[] row : rows) {
            for (int j = 0; j < dimension; j++) {
                // sum of uniforms: close enough to a normal for timing, and cheap
                row[j] = scale * (float) (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5);
            }
        }
        return rows;
    }

    private static float[][] softmaxRows(int n, int classes, SplittableRandom random) {
        float[][] rows = new float[n][classes];
        for (float[] row : rows) {
            double sum = 0.0;
            double[] e = new double[classes];
            for (int c = 0; c < classes; c++) {
                e[c] = Math.exp(3.0 * random.nextDouble());
                sum += e[c];
            }
            for (int c = 0; c < classes; c++) {
                row[c] = (float) (e[c] / sum);
            }
        }
        return rows;
    }
}
