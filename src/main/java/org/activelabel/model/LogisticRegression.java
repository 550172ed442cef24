package org.activelabel.model;

import java.util.Arrays;

/**
 * Multinomial logistic regression fitted to convergence by L-BFGS: the convex reference a head is measured
 * against. Minimises {@code mean cross-entropy + (1 / (2 C n)) ||W||^2} (the bias is not penalised), which is
 * scikit-learn's {@code LogisticRegression(C=C)} divided by n. Plain Java, no native code, deterministic.
 */
public final class LogisticRegression {

    private final float[][] weights; // [k][d]
    private final float[] bias;

    private LogisticRegression(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param x          rows of features, already scaled as the caller wants them
     * @param y          class of each row, in [0, numClasses)
     * @param c          inverse regularisation strength, as scikit-learn's C
     * @param iterations upper bound of L-BFGS iterations; it stops earlier once the gradient vanishes
     */
    public static LogisticRegression fit(float[][] x, int[] y, int numClasses, double c, int iterations) {
        int n = x.length;
        int d = x[0].length;
        int k = numClasses;
        int size = k * d + k;
        double lambda = 1.0 / (c * n);
        var objective = new Objective(x, y, k, d, lambda);
        double[] w = new double[size];
        double[] g = new double[size];
        double f = objective.valueAndGradient(w, g);
        int m = 10;
        double[][] s = new double[m][];
        double[][] t = new double[m][];
        double[] rho = new double[m];
        int stored = 0;
        for (int iter = 0; iter < iterations; iter++) {
            if (norm(g) < 1e-6 * Math.max(1, norm(w))) {
                break;
            }
            // two-loop recursion: direction = -H g
            double[] q = g.clone();
            double[] alpha = new double[m];
            for (int i = stored - 1; i >= 0; i--) {
                alpha[i] = rho[i] * dot(s[i], q);
                axpy(-alpha[i], t[i], q);
            }
            if (stored > 0) {
                double gamma = dot(s[stored - 1], t[stored - 1]) / dot(t[stored - 1], t[stored - 1]);
                scale(q, gamma);
            } else {
                scale(q, 1.0 / Math.max(1e-12, norm(g)));
            }
            for (int i = 0; i < stored; i++) {
                double beta = rho[i] * dot(t[i], q);
                axpy(alpha[i] - beta, s[i], q);
            }
            scale(q, -1);
            double slope = dot(g, q);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                q = g.clone();
                scale(q, -1.0 / Math.max(1e-12, norm(g)));
                slope = dot(g, q);
                stored = 0;
            }
            // backtracking line search (Armijo)
            double step = 1;
            double[] next = new double[size];
            double[] nextG = new double[size];
            double nextF;
            while (true) {
                for (int i = 0; i < size; i++) {
                    next[i] = w[i] + step * q[i];
                }
                nextF = objective.valueAndGradient(next, nextG);
                if (nextF <= f + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step *= 0.5;
            }
            double[] sNew = new double[size];
            double[] tNew = new double[size];
            for (int i = 0; i < size; i++) {
                sNew[i] = next[i] - w[i];
                tNew[i] = nextG[i] - g[i];
            }
            double st = dot(sNew, tNew);
            if (st > 1e-12) {
                if (stored == m) {
                    System.arraycopy(s, 1, s, 0, m - 1);
                    System.arraycopy(t, 1, t, 0, m - 1);
                    System.arraycopy(rho, 1, rho, 0, m - 1);
                    stored--;
                }
                s[stored] = sNew;
                t[stored] = tNew;
                rho[stored] = 1 / st;
                stored++;
            }
            boolean flat = Math.abs(f - nextF) <= 1e-10 * Math.max(1, Math.abs(f));
            w = next;
            g = nextG;
            f = nextF;
            if (flat) {
                break;
            }
        }
        float[][] weights = new float[k][d];
        float[] bias = new float[k];
        for (int c2 = 0; c2 < k; c2++) {
            for (int j = 0; j < d; j++) {
                weights[c2][j] = (float) w[c2 * d + j];
            }
            bias[c2] = (float) w[k * d + c2];
        }
        return new LogisticRegression(weights, bias);
    }

    /** Class probabilities of each row. */
    public float[][] predict(float[][] x) {
        float[][] out = new float[x.length][];
        double[] logits = new double[bias.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < bias.length; c++) {
                double z = bias[c];
                float[] wc = weights[c];
                for (int j = 0; j < wc.length; j++) {
                    z += wc[j] * x[i][j];
                }
                logits[c] = z;
            }
            out[i] = softmax(logits);
        }
        return out;
    }

    /** Mean cross-entropy of {@code probabilities} against the true classes. */
    public static double logLoss(float[][] probabilities, int[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum -= Math.log(Math.max(1e-12, probabilities[i][y[i]]));
        }
        return sum / y.length;
    }

    /** Per-dimension zero mean and unit variance, fitted on {@code fitOn} and applied to {@code rows}. */
    public static float[][] standardise(float[][] fitOn, float[][] rows) {
        int d = fitOn[0].length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (float[] r : fitOn) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
                sq[j] += (double) r[j] * r[j];
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= fitOn.length;
            double variance = sq[j] / fitOn.length - mean[j] * mean[j];
            sd[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        float[][] out = new float[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (float) ((rows[i][j] - mean[j]) / sd[j]);
            }
        }
        return out;
    }

    private static float[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double sum = 0;
        double[] e = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            e[c] = Math.exp(logits[c] - max);
            sum += e[c];
        }
        float[] p = new float[logits.length];
        for (int c = 0; c < logits.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }

    /** The objective and its gradient; weights laid out as k rows of d, then k biases. */
    private record Objective(float[][] x, int[] y, int k, int d, double lambda) {

        double valueAndGradient(double[] w, double[] grad) {
            Arrays.fill(grad, 0);
            int n = x.length;
            double loss = 0;
            double[] z = new double[k];
            for (int i = 0; i < n; i++) {
                float[] xi = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double v = w[k * d + c];
                    int off = c * d;
                    for (int j = 0; j < d; j++) {
                        v += w[off + j] * xi[j];
                    }
                    z[c] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                loss -= Math.log(Math.max(1e-300, z[y[i]] / sum));
                for (int c = 0; c < k; c++) {
                    double r = (z[c] / sum - (c == y[i] ? 1 : 0)) / n;
                    int off = c * d;
                    for (int j = 0; j < d; j++) {
                        grad[off + j] += r * xi[j];
                    }
                    grad[k * d + c] += r;
                }
            }
            loss /= n;
            double penalty = 0;
            for (int j = 0; j < k * d; j++) {
                penalty += w[j] * w[j];
                grad[j] += lambda * w[j];
            }
            return loss + 0.5 * lambda * penalty;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
