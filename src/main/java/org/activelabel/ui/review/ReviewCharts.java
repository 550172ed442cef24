package org.activelabel.ui.review;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activelabel.workspace.ModelSummary;

/** The four summary charts of the review pane, in a two-by-two grid. */
final class ReviewCharts extends GridPane {

    private final NumberAxis countAxis = new NumberAxis();
    private final NumberAxis labelsAxis = new NumberAxis();
    private final NumberAxis perClassAxis = new NumberAxis();
    private final BarChart<String, Number> uncertainty;
    private final LineChart<Number, Number> learningCurve;
    private final StackedBarChart<String, Number> labelsPerClass;
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final Label confusionHeading = new Label();
    private final Label learningPlaceholder = placeholder("The learning curve grows by one point per model update.");
    private final Label uncertaintyPlaceholder = placeholder("The pool uncertainty appears after the first model update.");

    ReviewCharts() {
        getStyleClass().add("review-charts");
        setHgap(12);
        setVgap(12);
        setPadding(new Insets(8));

        var binAxis = new CategoryAxis();
        binAxis.setLabel("1 − confidence");
        countAxis.setLabel("Images");
        countAxis.setMinorTickVisible(false);
        uncertainty = new BarChart<>(binAxis, countAxis);
        uncertainty.setCategoryGap(1);
        uncertainty.setBarGap(0);
        uncertainty.setLegendVisible(false);

        labelsAxis.setLabel("Labels");
        labelsAxis.setMinorTickVisible(false);
        var accuracyAxis = new NumberAxis(0, 100, 20);
        accuracyAxis.setLabel("Accuracy %");
        accuracyAxis.setMinorTickVisible(false);
        learningCurve = new LineChart<>(labelsAxis, accuracyAxis);
        learningCurve.setLegendVisible(false);

        var classAxis = new CategoryAxis();
        perClassAxis.setLabel("Labels");
        perClassAxis.setMinorTickVisible(false);
        labelsPerClass = new StackedBarChart<>(classAxis, perClassAxis);
        labelsPerClass.setCategoryGap(12);

        uncertainty.setId("uncertainty-chart");
        learningCurve.setId("learning-curve");
        labelsPerClass.setId("labels-per-class");
        confusion.setId("confusion-matrix");
        for (var chart : new XYChart<?, ?>[] {uncertainty, learningCurve, labelsPerClass}) {
            chart.setAnimated(false);
            chart.setMinSize(180, 120);
        }
        add(card("Pool uncertainty", new StackPane(uncertainty, uncertaintyPlaceholder)), 0, 0);
        add(card("Learning curve", new StackPane(learningCurve, learningPlaceholder)), 1, 0);
        add(card("Labels per class", labelsPerClass), 0, 1);
        add(card(confusionHeading, confusion), 1, 1);
        for (int i = 0; i < 2; i++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
            var row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
    }

    void show(ReviewData data) {
        showUncertainty(data.histogram());
        showLearningCurve(data.model());
        showLabels(data.labelCounts());
        var matrix = data.model() == null ? null : data.model().confusion();
        confusion.show(data.classes(), matrix);
        confusionHeading.setText(confusionHeading(matrix));
    }

    private void showUncertainty(UncertaintyHistogram histogram) {
        var series = new XYChart.Series<String, Number>();
        for (int bin = 0; bin < histogram.bins(); bin++) {
            series.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%.2f", histogram.binLow(bin)),
                    histogram.counts()[bin]));
        }
        uncertainty.getData().setAll(series);
        CountScale.upTo(Arrays.stream(histogram.counts()).max().orElse(0)).applyTo(countAxis);
        showPlaceholder(uncertainty, uncertaintyPlaceholder, histogram.total() == 0);
    }

    private void showLearningCurve(ModelSummary model) {
        var series = new XYChart.Series<Number, Number>();
        if (model != null) {
            for (var point : model.learningCurve()) {
                if (!Double.isNaN(point.cvAccuracy())) {
                    series.getData().add(new XYChart.Data<>(point.labelled(), 100 * point.cvAccuracy()));
                }
            }
        }
        learningCurve.getData().setAll(series);
        // one further so the newest point is not drawn on the chart's edge
        CountScale.upTo(series.getData().stream().mapToDouble(d -> d.getXValue().doubleValue()).max().orElse(0) + 1)
                .applyTo(labelsAxis);
        showPlaceholder(learningCurve, learningPlaceholder, series.getData().isEmpty());
    }

    private void showLabels(ClassCounts counts) {
        var human = new XYChart.Series<String, Number>();
        human.setName("by you");
        var byModel = new XYChart.Series<String, Number>();
        byModel.setName("by the model");
        for (int c = 0; c < counts.classes().size(); c++) {
            human.getData().add(new XYChart.Data<>(counts.classes().get(c), counts.human()[c]));
            byModel.getData().add(new XYChart.Data<>(counts.classes().get(c), counts.model()[c]));
        }
        long most = 0;
        for (int c = 0; c < counts.classes().size(); c++) {
            most = Math.max(most, (long) counts.human()[c] + counts.model()[c]);
        }
        CountScale.upTo(most).applyTo(perClassAxis);
        // a legend for model labels only helps when there are some
        labelsPerClass.setLegendVisible(counts.hasModelLabels());
        if (counts.hasModelLabels()) {
            labelsPerClass.getData().setAll(human, byModel);
        } else {
            labelsPerClass.getData().setAll(human);
        }
    }

    /** Says how many labels the matrix counts: until a new model is validated it is its predecessor's. */
    static String confusionHeading(int[][] matrix) {
        long labels = matrix == null ? 0 : Arrays.stream(matrix).flatMapToInt(Arrays::stream).sum();
        return labels == 0 ? "Confusion matrix (out-of-fold)"
                : String.format(Locale.ROOT, "Out-of-fold confusion · %,d labels", labels);
    }

    /** An empty chart is only axes and grid lines; the sentence says more. */
    private static void showPlaceholder(XYChart<?, ?> chart, Label placeholder, boolean empty) {
        chart.setVisible(!empty);
        placeholder.setVisible(empty);
    }

    private static Node card(String title, Node content) {
        return card(new Label(title), content);
    }

    private static Node card(Label heading, Node content) {
        heading.getStyleClass().add("card-title");
        var card = new VBox(4, heading, content);
        card.getStyleClass().add("chart-card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }

    private static Label placeholder(String text) {
        var label = new Label(text);
        label.getStyleClass().add("chart-placeholder");
        label.setWrapText(true);
        return label;
    }
}
