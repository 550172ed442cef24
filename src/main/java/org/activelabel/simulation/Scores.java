package org.activelabel.simulation;

/** Accuracy and macro-averaged F1 of predicted against true classes. */
public record Scores(double accuracy, double macroF1) {

    public static Scores of(int[] truth, int[] predicted, int numClasses) {
        int[] tp = new int[numClasses];
        int[] fp = new int[numClasses];
        int[] fn = new int[numClasses];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
                tp[truth[i]]++;
            } else {
                fn[truth[i]]++;
                if (predicted[i] >= 0) {
                    fp[predicted[i]]++;
                }
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            if (tp[c] + fn[c] == 0) {
                continue; // a class absent from the test set does not count
            }
            present++;
            double denominator = 2.0 * tp[c] + fp[c] + fn[c];
            f1Sum += denominator == 0 ? 0 : 2.0 * tp[c] / denominator;
        }
        return new Scores(truth.length == 0 ? Double.NaN : (double) correct / truth.length,
                present == 0 ? Double.NaN : f1Sum / present);
    }
}
